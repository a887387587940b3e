import { get, post } from '../api.js';
import { h, table, time } from '../dom.js';

export async function render(main) {
  main.append(h('h1', {}, 'Exports'));
  let data;
  try {
    data = await get('/api/v1/exports');
  } catch (error) {
    if (error.status === 404 || error.status === 503) {
      main.append(h('p.muted', {}, `Export status is not available from this host yet (${error.message}).`));
      return;
    }
    throw error;
  }
  main.append(table(['Export job', 'Audience', 'Outbox', 'Dead letters', 'Last delivery'], data.exports.map((e) => h('tr', { 'data-export': e.job },
    h('td', {}, e.job), h('td', {}, e.audience || '—'), h('td', {}, String(e.outboxDepth)), h('td', {}, String(e.deadLetters)),
    h('td', {}, time(e.lastDeliveredAt))))));
  main.append(h('h2', {}, 'Dead letters'));
  const rows = (data.deadLetters || []).map((d) => {
    const button = h('button.secondary', { type: 'button', onclick: async () => {
      button.disabled = true;
      try { await post(`/api/v1/exports/dead-letters/${d.id}/replay`); button.textContent = 'Re-queued'; } catch (error) { alert(error.message); button.disabled = false; }
    } }, 'Replay');
    return h('tr', { 'data-dead-letter': d.id }, h('td', {}, `#${d.id}`), h('td', {}, d.job), h('td', {}, d.reason), h('td', {}, time(d.at)), h('td', {}, button));
  });
  main.append(table(['Item', 'Export job', 'Reason', 'When', ''], rows));
}
