// Exports: per export job its audience, state, outbox depth and counters;
// the detail page lists dead letters with their reason and replays them.
import { get, post } from '../api.js';
import { clear, h, pill, table, time } from '../dom.js';

let timer = null;
export function dispose() { clearTimeout(timer); timer = null; }

const counters = (c) => `delivered ${c.delivered} · skipped ${c.skipped} · rejected ${c.rejected} · retried ${c.retried}`;
const stateClass = { idle: 'ok', delivering: 'running', failing: 'failed', paused: 'paused', 'not started': 'none' };
const state = (s) => h(`span.pill.${stateClass[s] || 'none'}`, { 'data-state': s }, s);

function outbox(e) {
  return h('span', { 'data-field': 'outbox', title: `waiting ${e.waiting}, in flight ${e.inflight}, waiting for a retry ${e.retrying}` },
    String(e.outboxDepth), e.retrying ? h('span.muted', {}, ` (${e.retrying} retrying)`) : null);
}

async function list(main) {
  main.append(h('h1', {}, 'Exports'));
  const holder = h('div#exports-list');
  main.append(holder);
  const refresh = async () => {
    const { exports } = await get('/api/v1/exports');
    clear(holder).append(exports.length ? '' : h('p.muted', {}, 'No export jobs yet: create a job whose type exports an audience (Jobs page or jobhost apply).'),
      table(['Export job', 'Audience', 'State', 'Outbox', 'Dead letters', 'Last delivery', 'Counters'], exports.map((e) => h('tr', { 'data-export': e.job },
        h('td', {}, h('a', { href: `#/exports/${encodeURIComponent(e.job)}` }, e.job), h('div.muted', {}, e.provider ? `${e.provider}/${e.type}` : 'job deleted')),
        h('td', {}, e.audience ? h('a', { href: `#/audiences/${encodeURIComponent(e.audience)}` }, e.audience) : '—'),
        h('td', {}, state(e.state), e.lastError ? h('div.error', {}, e.lastError) : null),
        h('td', {}, outbox(e)),
        h('td', { 'data-field': 'dead-letters' }, e.deadLetters ? h('a', { href: `#/exports/${encodeURIComponent(e.job)}` }, String(e.deadLetters)) : '0'),
        h('td', {}, time(e.lastDeliveryAt)),
        h('td.muted', {}, counters(e.counters))))));
    dispose();
    timer = setTimeout(() => refresh().catch(() => {}), 5000);
  };
  await refresh();
}

async function detail(main, job) {
  const holder = h('div#export-detail');
  main.append(holder);
  const status = h('p#replay-status', { role: 'status' });
  const refresh = async () => {
    const e = await get(`/api/v1/exports/${encodeURIComponent(job)}`);
    const { deadLetters, count } = await get(`/api/v1/exports/${encodeURIComponent(job)}/dead-letters?limit=500`);
    const replay = async (button, body, what) => {
      button.disabled = true;
      try {
        const r = await post(`/api/v1/exports/${encodeURIComponent(job)}/replay`, body);
        status.textContent = `Re-queued ${r.replayed} ${what}; outbox depth now ${r.export.outboxDepth}.`;
        await refresh();
      } catch (error) {
        status.textContent = `Replay failed: ${error.message}`;
        button.disabled = false;
      }
    };
    const all = h('button.secondary#replay-all', { type: 'button', disabled: count === 0 }, `Replay all ${count}`);
    all.addEventListener('click', () => replay(all, { all: true }, count === 1 ? 'dead letter' : 'dead letters'));
    clear(holder).append(
      h('h1', {}, `Export ${e.job}`), h('p', {}, h('a', { href: '#/exports' }, '← all exports')),
      h('dl.kv', {},
        h('dt', {}, 'State'), h('dd', {}, state(e.state)),
        h('dt', {}, 'Audience'), h('dd', {}, e.audience || '—'),
        h('dt', {}, 'Outbox'), h('dd#export-outbox', {}, outbox(e)),
        h('dt', {}, 'Oldest waiting'), h('dd', {}, time(e.oldestWaitingAt)),
        h('dt', {}, 'Last delivery'), h('dd', {}, time(e.lastDeliveryAt)),
        h('dt', {}, 'Counters'), h('dd', {}, `${counters(e.counters)} · batches ${e.counters.batches}`),
        Object.keys(e.counters.skippedBy || {}).length ? [h('dt', {}, 'Skipped because'),
          h('dd', { 'data-field': 'skipped-by' }, Object.entries(e.counters.skippedBy).map(([why, n]) => h('div', {}, `${n} × ${why}`)))] : null,
        e.lastError ? [h('dt', {}, 'Last error'), h('dd.error', {}, e.lastError)] : null),
      h('h2', {}, `Dead letters (${count})`), h('p', {}, all), status,
      table(['Item', 'Event', 'Profile', 'Attempts', 'Reason', 'When', ''], deadLetters.map((d) => {
        const button = h('button.secondary', { type: 'button', 'data-replay': d.id }, 'Replay');
        button.addEventListener('click', () => replay(button, { id: d.id }, `dead letter #${d.id}`));
        return h('tr', { 'data-dead-letter': d.id }, h('td', {}, `#${d.id}`), h('td', {}, d.event),
          h('td', {}, d.profileId ? h('a', { href: `#/profiles/${d.profileId}` }, `#${d.profileId}`) : '—'), h('td', {}, String(d.attempts)),
          h('td.reason', {}, d.reason), h('td', {}, time(d.createdAt)), h('td', {}, button));
      }), { id: 'dead-letters' }));
  };
  await refresh();
}

export async function render(main, params) {
  if (params[0]) await detail(main, params[0]); else await list(main);
}
