import { get } from '../api.js';
import { h, table, pill } from '../dom.js';

export async function render(main) {
  const { providers } = await get('/api/v1/providers');
  main.append(h('h1', {}, 'Providers'));
  main.append(table(['Provider', 'Version', 'ABI', 'Plugin', 'Authorization methods', 'Job types', 'Streams'],
    providers.map((p) => h('tr', { 'data-provider': p.name },
      h('td', {}, h('strong', {}, p.title || p.name), h('div.muted', {}, p.name)),
      h('td', {}, p.version || '—'), h('td', {}, p.abi ?? '—'),
      h('td', {}, p.loaded ? pill('ok') : h('span.error', {}, p.error || 'not loaded')),
      h('td', {}, (p.authMethods || []).map((m) => h('div', {}, m.title || m.name))),
      h('td', {}, (p.jobTypes || []).map((t) => h('div', {}, `${t.name} (${t.role})`))),
      h('td', {}, (p.streams || []).map((s) => h('div', {}, s.name)))))));
  for (const p of providers.filter((x) => x.authMethods)) {
    const detail = await get(`/api/v1/providers/${encodeURIComponent(p.name)}`);
    main.append(h('h2', {}, `${detail.title} — configuration schema`));
    for (const t of detail.jobTypes) {
      main.append(h('div.card', {}, h('strong', {}, `${t.name}: ${t.title}`), h('p.muted', {}, t.description),
        table(['Key', 'Type', 'Required', 'Default', 'Description'], Object.entries(t.config).map(([k, f]) => h('tr', {},
          h('td', {}, h('code', {}, k)), h('td', {}, f.type), h('td', {}, f.required ? 'yes' : ''),
          h('td', {}, f.default === undefined ? '' : JSON.stringify(f.default)), h('td', {}, f.title || '', ' ', h('span.muted', {}, f.description || '')))))));
    }
  }
}
