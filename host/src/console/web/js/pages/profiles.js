import { get } from '../api.js';
import { h, table, time } from '../dom.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// Profiles per page of the list (the API allows up to 1000).
const PAGE = 25;

/** Hour-of-week heatmap: keys "0".."167" = weekday (Sunday 0) × 24 + hour (UTC). */
export function heatmap(counts) {
  const values = Object.values(counts || {}).map(Number);
  const max = Math.max(1, ...values);
  const grid = h('div.heatmap#heatmap', { role: 'img', 'aria-label': 'opens by hour of week', 'data-total': values.reduce((a, b) => a + b, 0) },
    h('div.head', {}, ''), Array.from({ length: 24 }, (_, hour) => h('div.head', {}, hour % 3 === 0 ? String(hour) : '')));
  for (let day = 0; day < 7; ++day) {
    grid.append(h('div.head', {}, DAYS[day]));
    for (let hour = 0; hour < 24; ++hour) {
      const key = String(day * 24 + hour);
      const n = Number((counts || {})[key] || 0);
      grid.append(h('div.cell', { 'data-how': key, 'data-count': n, title: `${DAYS[day]} ${hour}:00 — ${n}`,
        style: n ? { background: `rgba(36, 86, 201, ${0.15 + 0.85 * (n / max)})` } : {} }));
    }
  }
  return grid;
}

function show(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return h('code', {}, JSON.stringify(value));
  return String(value);
}

async function detail(main, id) {
  const p = await get(`/api/v1/profiles/${encodeURIComponent(id)}`);
  const fields = p.profile || {};
  main.append(h('h1', {}, `Profile ${p.id}`),
    h('p', {}, h('a', { href: '#/profiles' }, '← search')),
    h('h2', {}, 'Identities'), h('p#identities', {}, p.identities.map((k) => h('span.pill', {}, `${k.field}=${k.value}`), ' ')),
    h('h2', {}, 'Audiences'), h('p', {}, p.audiences.length ? p.audiences.map((a) => [h('a', { href: `#/audiences/${encodeURIComponent(a.slug)}` }, a.slug), ` since ${time(a.since)} `]) : 'none'),
    h('h2', {}, 'Opens by hour of week (UTC)'), heatmap(fields.pu_hourofweek),
    h('h2', {}, 'Fields'),
    table(['Field', 'Value'], Object.keys(fields).sort().map((k) => h('tr', { 'data-profile-field': k }, h('td', {}, h('code', {}, k)), h('td', {}, show(fields[k]))))));
}

async function search(main) {
  const summary = await get(`/api/v1/profiles?limit=${PAGE}`);
  main.append(h('h1', {}, 'Profiles'), h('p.muted', {}, `${summary.count} profiles, ${summary.identityKeys} identity keys.`));
  const message = h('p.error', { role: 'alert' });
  const form = h('form.card#profile-search', {},
    h('label', { for: 'f-q' }, 'Email, profile id or FIELD=VALUE'),
    h('input', { id: 'f-q', name: 'q', type: 'search', placeholder: 'ada@example.com' }), message,
    h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const q = form.elements.q.value.trim();
    const param = /^\d+$/.test(q) ? `id=${q}` : q.includes('=') && !q.includes('@') ? `key=${encodeURIComponent(q)}` : `email=${encodeURIComponent(q)}`;
    try {
      const p = await get(`/api/v1/profiles?${param}`);
      location.hash = `#/profiles/${p.id}`;
    } catch (error) { message.textContent = error.message; }
  });
  const rows = h('tbody');
  const more = h('button#profiles-more', { type: 'button' }, 'More profiles');
  let next = summary.next;
  const addRows = (list) => list.forEach((r) => rows.append(h('tr', { 'data-profile': r.id },
    h('td', {}, h('a', { href: `#/profiles/${r.id}` }, `#${r.id}`)), h('td', {}, r.email || '—'),
    h('td', {}, r.updated ? time(r.updated) : '—'), h('td', {}, String(Object.keys(r.profile || {}).length)))));
  addRows(summary.profiles || []);
  more.hidden = !next;
  more.addEventListener('click', async () => {
    const page = await get(`/api/v1/profiles?limit=${PAGE}&after=${encodeURIComponent(next)}`);
    addRows(page.profiles);
    next = page.next;
    more.hidden = !next;
  });
  const listing = table(['Profile', 'Email', 'Updated', 'Fields'], []);
  listing.querySelector('tbody')?.replaceWith(rows);
  main.append(form, h('h2', {}, 'Profiles'),
    h('p.muted', {}, 'Every profile as JSON Lines or CSV: ', h('code', {}, 'jobhost profiles export --format csv'),
      ' or ', h('code', {}, 'GET /api/v1/profiles/export?format=csv'), '.'),
    listing, more);
}

export async function render(main, params) {
  if (params[0]) await detail(main, params[0]); else await search(main);
}
