import { get } from '../api.js';
import { h, table, time } from '../dom.js';

export async function render(main) {
  const { audit } = await get('/api/v1/audit?limit=200');
  main.append(h('h1', {}, 'Audit log'));
  main.append(table(['When', 'Actor', 'Action', 'Object', 'Changed'], audit.map((a) => h('tr', {},
    h('td', {}, time(a.at)), h('td', {}, a.actor), h('td', {}, a.action), h('td', {}, `${a.objectType} ${a.objectName}`),
    h('td', {}, ((a.detail && a.detail.changed) || []).join(', '))))));
}
