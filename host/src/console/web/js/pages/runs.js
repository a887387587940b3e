import { get } from '../api.js';
import { clear, duration, h, pill, progressBar, table, time } from '../dom.js';

let timer = null;
export function dispose() { clearTimeout(timer); timer = null; }

const counters = (c) => `read ${c.read} · written ${c.written} · duplicate ${c.duplicate}` +
  (c.delivered || c.rejected ? ` · delivered ${c.delivered} · rejected ${c.rejected}` : '');

const progressOf = (run) => progressBar(run.progress.percent,
  run.progress.total ? `${run.progress.done} / ${run.progress.total} ${run.progress.unit} (${Math.round(run.progress.percent)} %)` : null);

async function list(main) {
  main.append(h('h1', {}, 'Runs'));
  const holder = h('div#runs-list');
  main.append(holder);
  const refresh = async () => {
    const { runs } = await get('/api/v1/runs?limit=100');
    clear(holder).append(table(['Run', 'Job', 'Trigger', 'Status', 'Started', 'Duration', 'Progress', 'Counters'], runs.map((r) => h('tr', { 'data-run': r.id },
      h('td', {}, h('a', { href: `#/runs/${r.id}` }, `#${r.id}`)), h('td', {}, r.job), h('td', {}, `${r.trigger} (attempt ${r.attempt})`),
      h('td', {}, pill(r.status)), h('td', {}, time(r.startedAt)), h('td', {}, duration(r.durationMs)),
      h('td', {}, progressOf(r)), h('td.muted', {}, counters(r.counters))))));
    dispose();
    timer = setTimeout(() => refresh().catch(() => {}), runs.some((r) => r.status === 'running') ? 1000 : 5000);
  };
  await refresh();
}

async function detail(main, id) {
  const holder = h('div#run-detail');
  main.append(holder);
  const refresh = async () => {
    const run = await get(`/api/v1/runs/${encodeURIComponent(id)}`);
    clear(holder).append(
      h('h1', {}, `Run #${run.id} — ${run.job}`),
      h('div#run-progress', { 'data-status': run.status }, progressOf(run)),
      h('dl.kv', {},
        h('dt', {}, 'Status'), h('dd', { 'data-field': 'status' }, pill(run.status)),
        h('dt', {}, 'Trigger'), h('dd', {}, `${run.trigger}, attempt ${run.attempt}`),
        h('dt', {}, 'Started'), h('dd', {}, time(run.startedAt)),
        h('dt', {}, 'Ended'), h('dd', {}, time(run.endedAt)),
        h('dt', {}, 'Duration'), h('dd', {}, duration(run.durationMs)),
        h('dt', {}, 'Counters'), h('dd', { 'data-field': 'counters' }, counters(run.counters)),
        run.error ? [h('dt', {}, 'Error'), h('dd.error', {}, `${run.failureClass}: ${run.error}`)] : null,
        run.nextAttemptAt ? [h('dt', {}, 'Next attempt'), h('dd', {}, time(run.nextAttemptAt))] : null),
      h('h2', {}, 'Log'),
      h('pre.log', {}, run.log.map((l) => `${new Date(l.at).toISOString()} ${l.level.padEnd(5)} ${l.message}\n`),
        run.logLinesDropped ? `… ${run.logLinesDropped} lines dropped\n` : ''));
    dispose();
    if (run.status === 'running') timer = setTimeout(() => refresh().catch(() => {}), 700);
  };
  await refresh();
}

export async function render(main, params) {
  if (params[0]) await detail(main, params[0]); else await list(main);
}
