import { get, post } from '../api.js';
import { clear, h, table, time } from '../dom.js';
import { schemaForm, showFieldError } from '../schemaForm.js';

function topField(name, label, attrs = {}) {
  return h('div.field', {}, h('label', { for: `f-${name}` }, label),
    attrs.options ? h('select', { id: `f-${name}`, name, 'data-field': name }, attrs.options)
      : h('input', { id: `f-${name}`, name, 'data-field': name, type: 'text', autocomplete: 'off', ...attrs }),
    h('div.field-error', { 'data-error-for': name }));
}

export async function render(main) {
  const [{ authorizations }, { providers }] = await Promise.all([get('/api/v1/authorizations'), get('/api/v1/providers')]);
  main.append(h('h1', {}, 'Authorizations'));
  main.append(table(['Name', 'Provider', 'Method', 'Fields', 'Secrets', 'Updated', ''], authorizations.map((a) => {
    const result = h('span.test-result', { 'data-test-result': a.name });
    const button = h('button.secondary', { type: 'button', 'data-test': a.name, onclick: async () => {
      button.disabled = true;
      result.className = 'test-result muted';
      result.textContent = 'testing…';
      try {
        const r = await post(`/api/v1/authorizations/${encodeURIComponent(a.name)}/test`);
        result.className = `test-result ${r.ok ? 'ok' : 'error'}`;
        result.textContent = `${r.ok ? '✓' : '✗'} ${r.message}`;
      } catch (error) {
        result.className = 'test-result error';
        result.textContent = error.message;
      } finally { button.disabled = false; }
    } }, 'Test');
    return h('tr', { 'data-authorization': a.name },
      h('td', {}, h('strong', {}, a.name), h('div.muted', {}, a.label)), h('td', {}, a.provider), h('td', {}, a.method),
      h('td', {}, Object.entries(a.fields).map(([k, v]) => h('div', {}, h('code', {}, k), ' ', String(v)))),
      h('td', {}, a.secretFields.map((s) => h('div', {}, h('code', {}, s.name), s.set ? ' set' : ' not set'))),
      h('td', {}, time(a.updatedAt)), h('td.actions', {}, button, ' ', result));
  })));

  const usable = providers.filter((p) => p.loaded !== undefined && p.authMethods && p.authMethods.length);
  main.append(h('h2', {}, 'New authorization'));
  const fields = h('div');
  const message = h('p.error', { role: 'alert' });
  const form = h('form.card#authorization-form', { autocomplete: 'off' },
    topField('name', 'Name', { placeholder: 'postup-main', required: true }),
    topField('provider', 'Provider', { options: usable.map((p) => h('option', { value: p.name }, p.title || p.name)) }),
    topField('method', 'Method', { options: [] }),
    topField('label', 'Label', { placeholder: 'shown in lists' }),
    h('h3', {}, 'Credentials'), fields, message, h('button', { type: 'submit' }, 'Create authorization'));
  main.append(form);

  let current = null;
  let detail = null;
  const methodSelect = form.querySelector('[name=method]');
  const providerSelect = form.querySelector('[name=provider]');
  const renderMethod = () => {
    const m = detail.authMethods.find((x) => x.name === methodSelect.value) || detail.authMethods[0];
    current = schemaForm(fields, m.fields, 'fields');
  };
  const loadProvider = async () => {
    if (!providerSelect.value) return;
    detail = await get(`/api/v1/providers/${encodeURIComponent(providerSelect.value)}`);
    clear(methodSelect).append(...detail.authMethods.map((m) => h('option', { value: m.name }, m.title || m.name)));
    renderMethod();
  };
  providerSelect.addEventListener('change', loadProvider);
  methodSelect.addEventListener('change', renderMethod);
  await loadProvider();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const body = { name: form.elements.name.value.trim(), provider: providerSelect.value, method: methodSelect.value,
      label: form.elements.label.value.trim() || undefined, fields: current.read(form) };
    try {
      await post('/api/v1/authorizations', body);
      location.hash = '#/authorizations';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      if (!showFieldError(form, error.field, error.message)) message.textContent = error.message;
      else message.textContent = error.message;
    }
  });
}
