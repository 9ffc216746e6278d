import { t } from './i18n.js';

let ids = 0;

/** h('div.card#x', {attrs}, ...children): a small element builder. */
export function h(tag, attrs = {}, ...children) {
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  const [, name, rest] = tag.match(/^([a-z0-9]+)(.*)$/i);
  const el = document.createElement(name);
  (rest.match(/[.#][^.#]+/g) || []).forEach((part) => {
    if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
  });
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k in el && k !== 'list' && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  });
  children.flat(Infinity).forEach((c) => {
    if (c === null || c === undefined || c === false) return;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return el;
}

/** A labelled input (or select, textarea): answers the wrapper; the control is wrapper.control. */
export function field(label, name, { type = 'text', value = '', options, required, attrs = {} } = {}) {
  const id = attrs.id || `f${++ids}-${name}`;
  let control;
  if (options) {
    control = h('select', { id, name, required, ...attrs },
      options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value) }, text)));
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, required, rows: 2, ...attrs }, value ?? '');
  } else {
    control = h('input', { id, name, type, value: value ?? '', required, ...attrs });
  }
  const wrap = h('div.field', h('label', { for: id }, label), control);
  wrap.control = control;
  return wrap;
}

/** The named values of a form, empty ones left out. */
export function values(form) {
  const out = {};
  new FormData(form).forEach((v, k) => { if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim(); });
  return out;
}

function clearErrors(scope) {
  scope.querySelectorAll('.field-error, .alert').forEach((e) => e.remove());
  scope.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

/**
 * Shows an API error in words: the problem's detail in an alert at the top of scope, each field error next to
 * its field (matched by name, or by data-field), a 412 with a button that reloads.
 */
export function showError(scope, error, { reload } = {}) {
  clearErrors(scope);
  let message;
  if (error?.status === 0) message = t('networkError');
  else if (error?.status === 412) message = t('stale');
  else if (error?.status === 403 && !error.detail) message = t('forbidden');
  else message = error?.detail || error?.title || String(error?.message || error);
  const alert = h('div.alert', { role: 'alert' }, message);
  if (error?.status === 412 && reload) alert.append(h('button.secondary', { type: 'button', onclick: reload }, t('reload')));
  const unplaced = [];
  (error?.errors || []).forEach((e) => {
    const target = scope.querySelector(`[name="${CSS.escape(e.field)}"], [data-field="${CSS.escape(e.field)}"]`);
    if (target) {
      const id = `err${++ids}`;
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', id);
      target.insertAdjacentElement('afterend', h('div.field-error', { id }, e.message));
    } else {
      unplaced.push(e);
    }
  });
  if (unplaced.length) alert.append(h('ul', unplaced.map((e) => h('li', `${e.field}: ${e.message}`))));
  scope.prepend(alert);
  // Bring the error to the eye and to the keyboard: the first wrong field, else the message.
  const first = scope.querySelector('[aria-invalid="true"]');
  const target = first || alert;
  if (!first) alert.setAttribute('tabindex', '-1');
  target.scrollIntoView?.({ block: 'center' });
  target.focus?.({ preventScroll: true });
  return alert;
}

export function clear(scope) { clearErrors(scope); }

export function toast(text) {
  const box = document.getElementById('toast');
  const item = h('div', text);
  box.append(item);
  setTimeout(() => item.remove(), 4000);
}

/** A table: columns [{label, value(row) -> node|text, num}] */
export function table(columns, rows, { caption } = {}) {
  if (!rows.length) return h('p.muted', t('noRows'));
  return h('div.table-wrap', h('table',
    caption ? h('caption.print-only', caption) : null,
    h('thead', h('tr', columns.map((c) => h(c.num ? 'th.num' : 'th', { scope: 'col' }, c.label)))),
    h('tbody', rows.map((r) => h('tr', columns.map((c) => h(c.num ? 'td.num' : 'td', c.value(r))))))));
}

export const badge = (state) => h(`span.badge.${state}`, t(state));

/** An ECharts chart in a fresh div; resized with the window. */
export function chart(option, label) {
  const el = h('div.chart', { role: 'img', 'aria-label': label });
  requestAnimationFrame(() => {
    if (!window.echarts) return;
    const c = window.echarts.init(el);
    c.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
    new ResizeObserver(() => c.resize()).observe(el);
  });
  return el;
}

export const PALETTE = ['#a61b1b', '#1d5c99', '#2e7d32', '#b26a00', '#6a4c93', '#00838f', '#7d7d7d'];
