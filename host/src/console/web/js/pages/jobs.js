import { get, post } from '../api.js';
import { clear, h, pill, table, time } from '../dom.js';
import { schemaForm, showFieldError } from '../schemaForm.js';

let timer = null;
export function dispose() { clearTimeout(timer); timer = null; }

function field(name, label, control) {
  return h('div.field', {}, h('label', { for: `f-${name}` }, label), control, h('div.field-error', { 'data-error-for': name }));
}

function jobRow(job, refresh) {
  const act = (verb) => async (event) => {
    event.target.disabled = true;
    try {
      const r = await post(`/api/v1/jobs/${encodeURIComponent(job.name)}/${verb}`);
      if (verb === 'run') { location.hash = r.runId ? `#/runs/${r.runId}` : '#/runs'; return; }
      await refresh();
    } catch (error) {
      alert(error.message);
      event.target.disabled = false;
    }
  };
  const s = job.schedule || {};
  return h('tr', { 'data-job': job.name },
    h('td', {}, h('strong', {}, job.name), h('div.muted', {}, `${job.provider} ${job.type}`)),
    h('td', {}, job.authorization),
    h('td', {}, pill(job.state)),
    h('td', {}, s.interval_seconds ? `every ${s.interval_seconds} s` : 'manual', h('div.muted', {}, s.nextRunAt ? `next ${time(s.nextRunAt)}` : '')),
    h('td', {}, job.lastRun ? h('a', { href: `#/runs/${job.lastRun.id}` }, pill(job.lastRun.status), ' ', time(job.lastRun.startedAt)) : '—',
      s.lastError ? h('div.error', {}, s.lastError) : null),
    h('td.actions', {},
      h('button', { type: 'button', 'data-action': 'run', onclick: act('run'), disabled: job.state === 'running' }, 'Run now'),
      job.enabled ? h('button.secondary', { type: 'button', 'data-action': 'pause', onclick: act('pause') }, 'Pause')
        : h('button.secondary', { type: 'button', 'data-action': 'resume', onclick: act('resume') }, 'Resume')));
}

export async function render(main) {
  main.append(h('h1', {}, 'Jobs'));
  const list = h('div#jobs-list');
  main.append(list);
  const refresh = async () => {
    const { jobs } = await get('/api/v1/jobs');
    clear(list).append(table(['Job', 'Authorization', 'State', 'Schedule', 'Last run', ''], jobs.map((j) => jobRow(j, refresh))));
    dispose();
    timer = setTimeout(() => refresh().catch(() => {}), jobs.some((j) => j.state === 'running') ? 1500 : 10000);
  };
  await refresh();

  const [{ providers }, { authorizations }] = await Promise.all([get('/api/v1/providers'), get('/api/v1/authorizations')]);
  main.append(h('h2', {}, 'New job'));
  const config = h('div');
  const message = h('p.error', { role: 'alert' });
  const providerSelect = h('select', { id: 'f-provider', name: 'provider' }, providers.filter((p) => p.jobTypes && p.jobTypes.length)
    .map((p) => h('option', { value: p.name }, p.title || p.name)));
  const typeSelect = h('select', { id: 'f-type', name: 'type' });
  const authSelect = h('select', { id: 'f-authorization', name: 'authorization' });
  const form = h('form.card#job-form', { autocomplete: 'off' },
    field('name', 'Name', h('input', { id: 'f-name', name: 'name', type: 'text', placeholder: 'postup-import' })),
    field('provider', 'Provider', providerSelect), field('type', 'Job type', typeSelect),
    field('authorization', 'Authorization', authSelect),
    field('schedule.interval_seconds', 'Interval (seconds, 0 = manual only)',
      h('input', { id: 'f-interval', name: 'schedule.interval_seconds', type: 'number', min: 0, step: 1 })),
    field('enabled', 'Enabled', h('input', { id: 'f-enabled', name: 'enabled', type: 'checkbox', checked: true })),
    h('h3', {}, 'Configuration'), config, message, h('button', { type: 'submit' }, 'Create job'));
  main.append(form);

  let detail = null;
  let current = null;
  const renderType = () => {
    const t = detail.jobTypes.find((x) => x.name === typeSelect.value) || detail.jobTypes[0];
    form.elements['schedule.interval_seconds'].placeholder = `default ${t.defaultIntervalSeconds}`;
    current = schemaForm(config, t.config, 'config');
  };
  const loadProvider = async () => {
    if (!providerSelect.value) return;
    detail = await get(`/api/v1/providers/${encodeURIComponent(providerSelect.value)}`);
    clear(typeSelect).append(...detail.jobTypes.map((t) => h('option', { value: t.name }, `${t.name} — ${t.title}`)));
    clear(authSelect).append(...authorizations.filter((a) => a.provider === providerSelect.value)
      .map((a) => h('option', { value: a.name }, a.label ? `${a.name} (${a.label})` : a.name)));
    renderType();
  };
  providerSelect.addEventListener('change', loadProvider);
  typeSelect.addEventListener('change', renderType);
  await loadProvider();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const interval = form.elements['schedule.interval_seconds'].value.trim();
    const body = { name: form.elements.name.value.trim(), provider: providerSelect.value, type: typeSelect.value,
      authorization: authSelect.value, enabled: form.elements.enabled.checked, config: current.read(form) };
    if (interval !== '') body.schedule = { interval_seconds: Number(interval) };
    try {
      await post('/api/v1/jobs', body);
      form.reset();
      await refresh();
    } catch (error) {
      showFieldError(form, error.field, error.message);
      message.textContent = error.message;
    }
  });
}
