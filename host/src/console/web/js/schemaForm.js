// Renders a form from a provider config schema (ConfigSchema::toJson) and
// reads it back into an object. Empty inputs are left out so the host
// fills in defaults, exactly as `jobhost apply` does. Secret fields are
// password inputs and are never pre-filled.
import { h, clear } from './dom.js';

const idOf = (path) => `f-${path.replace(/[^a-z0-9_-]/gi, '-')}`;

function fieldLabel(key, spec, path) {
  const hint = [spec.required ? 'required' : null, spec.secret ? 'secret, write-only' : null,
    spec.default !== undefined && typeof spec.default !== 'object' ? `default ${spec.default}` : null].filter(Boolean).join(', ');
  return h('label', { for: idOf(path) }, spec.title || key, hint ? h('span.hint', {}, `(${hint})`) : null);
}

function input(key, spec, path, value) {
  const common = { id: idOf(path), name: path, 'data-field': path, 'data-type': spec.type };
  if (spec.enum && spec.enum.length) {
    return h('select', common, spec.required ? null : h('option', { value: '' }, '—'),
      spec.enum.map((v) => h('option', { value: v, selected: v === (value ?? spec.default) }, v)));
  }
  switch (spec.type) {
    case 'boolean':
      return h('input', { ...common, type: 'checkbox', checked: Boolean(value ?? spec.default) });
    case 'integer':
    case 'number':
      return h('input', { ...common, type: 'number', step: spec.type === 'integer' ? 1 : 'any', min: spec.minimum, max: spec.maximum,
        value: value ?? '', placeholder: spec.default ?? '' });
    case 'map':
    case 'array':
      return h('textarea', { ...common, rows: 3, placeholder: JSON.stringify(spec.default ?? (spec.type === 'map' ? {} : [])) },
        value === undefined ? '' : JSON.stringify(value));
    default:
      return h('input', { ...common, type: spec.secret ? 'password' : 'text', autocomplete: spec.secret ? 'new-password' : 'off',
        value: spec.secret ? '' : (value ?? ''), placeholder: spec.secret && value === '***' ? 'unchanged' : (spec.default ?? '') });
  }
}

function render(container, schema, prefix, values) {
  for (const [key, spec] of Object.entries(schema || {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const value = values ? values[key] : undefined;
    if (spec.type === 'object' && spec.properties) {
      const set = h('fieldset', { 'data-field': path }, h('legend', {}, spec.title || key));
      render(set, spec.properties, path, value || {});
      container.append(set);
      continue;
    }
    const wrapper = h('div.field', {}, fieldLabel(key, spec, path), input(key, spec, path, value),
      spec.description ? h('div.muted', {}, spec.description) : null,
      h('div.field-error', { 'data-error-for': path }));
    container.append(wrapper);
  }
}

function read(schema, prefix, form, out) {
  for (const [key, spec] of Object.entries(schema || {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (spec.type === 'object' && spec.properties) {
      const nested = read(spec.properties, path, form, {});
      if (Object.keys(nested).length) out[key] = nested;
      continue;
    }
    const el = form.querySelector(`[name="${CSS.escape(path)}"]`);
    if (!el) continue;
    if (spec.type === 'boolean') {
      if (el.checked !== Boolean(spec.default)) out[key] = el.checked;
      continue;
    }
    const text = el.value.trim();
    if (text === '') continue;
    if (spec.type === 'integer' || spec.type === 'number') out[key] = Number(text);
    else if (spec.type === 'map' || spec.type === 'array') {
      try { out[key] = JSON.parse(text); } catch { out[key] = text; } // the host names the field in its error
    } else out[key] = el.value;
  }
  return out;
}

/** Builds the fields of `schema` under `prefix` into `container`. */
export function schemaForm(container, schema, prefix, values) {
  clear(container);
  render(container, schema, prefix, values);
  return {
    read: (form) => read(schema, prefix, form, {}),
  };
}

/** Marks the field the host named in a 400 error; returns true when found. */
export function showFieldError(form, field, message) {
  for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  if (!field) return false;
  const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
  const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
  if (input) { input.classList.add('invalid'); input.focus(); }
  if (slot) slot.textContent = message;
  return Boolean(input || slot);
}
