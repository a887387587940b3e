import { get } from '../api.js';
import { h, table, time } from '../dom.js';

/** Enters (green) and exits (red) per day over the recent events. */
function chart(events) {
  const days = new Map();
  for (const e of events) {
    const day = new Date(e.at).toISOString().slice(0, 10);
    const d = days.get(day) || { enter: 0, exit: 0 };
    d[e.event] = (d[e.event] || 0) + 1;
    days.set(day, d);
  }
  const keys = [...days.keys()].sort();
  const max = Math.max(1, ...keys.map((k) => days.get(k).enter + days.get(k).exit));
  return h('div.chart#audience-chart', { role: 'img', 'aria-label': 'enters and exits per day' }, keys.map((k) => {
    const d = days.get(k);
    return h('div.col', { title: `${k}: ${d.enter} enters, ${d.exit} exits` },
      h('div.enter', { style: { height: `${(d.enter / max) * 8}rem` } }), h('div.exit', { style: { height: `${(d.exit / max) * 8}rem` } }));
  }));
}

async function detail(main, slug) {
  const a = await get(`/api/v1/audiences/${encodeURIComponent(slug)}`);
  main.append(h('h1', {}, `Audience ${a.name}`), h('p', {}, h('a', { href: '#/audiences' }, '← all audiences')),
    h('dl.kv', {}, h('dt', {}, 'Slug'), h('dd', {}, a.slug), h('dt', {}, 'Filter'), h('dd', {}, h('code', {}, a.filter)),
      h('dt', {}, 'Members'), h('dd#member-count', {}, String(a.memberCount)),
      h('dt', {}, 'Enters / exits'), h('dd', {}, `${a.enters} / ${a.exits}`),
      a.evaluated ? null : [h('dt', {}, 'State'), h('dd.error', {}, 'not yet evaluated (profiles update pending)')]),
    h('h2', {}, 'Enters and exits'), chart(a.recent),
    h('h2', {}, 'Recent changes'),
    table(['When', 'Event', 'Profile', 'Cause'], a.recent.map((e) => h('tr', {}, h('td', {}, time(e.at)), h('td', {}, e.event),
      h('td', {}, h('a', { href: `#/profiles/${e.profile}` }, `#${e.profile}`)), h('td', {}, e.cause)))),
    h('h2', {}, `Members (first ${a.members.length})`),
    h('p', {}, a.members.map((id) => [h('a', { href: `#/profiles/${id}` }, `#${id}`), ' '])));
}

async function list(main) {
  const { audiences } = await get('/api/v1/audiences');
  main.append(h('h1', {}, 'Audiences'), table(['Audience', 'Filter', 'Members', 'Enters', 'Exits'], audiences.map((a) => h('tr', { 'data-audience': a.slug },
    h('td', {}, h('a', { href: `#/audiences/${encodeURIComponent(a.slug)}` }, a.name), h('div.muted', {}, a.slug)),
    h('td', {}, h('code', {}, a.filter)), h('td', {}, String(a.memberCount)), h('td', {}, String(a.enters)), h('td', {}, String(a.exits))))));
}

export async function render(main, params) {
  if (params[0]) await detail(main, params[0]); else await list(main);
}
