import { h, field, values, table } from '../ui.js';
import { t, lang } from '../i18n.js';
import { get, query } from '../api.js';

export default async function audit(root, ctx) {
  const p = Object.fromEntries(['entityType', 'entityId', 'actor', 'from', 'to'].map((k) => [k, ctx.params.get(k) ?? '']));
  const form = h('form.inline.toolbar#audit-filter', { onsubmit: (e) => {
    e.preventDefault();
    const v = values(form);
    ['from', 'to'].forEach((k) => { if (v[k]) v[k] = new Date(v[k]).toISOString(); });
    ctx.go(`#/audit${query(v)}`);
  } },
  field(t('entityType'), 'entityType', { value: p.entityType }), field(t('entityId'), 'entityId', { value: p.entityId }),
  field(t('actor'), 'actor', { value: p.actor }),
  field(t('from'), 'from', { type: 'datetime-local', value: local(p.from) }), field(t('to'), 'to', { type: 'datetime-local', value: local(p.to) }),
  h('button', { type: 'submit' }, t('filter')));
  const page = await get(`audit-events${query({ ...p, size: 100 })}`);
  root.append(h('h1', t('navAudit')), form, h('section.card', table([
    { label: t('when'), value: (e) => new Date(e.occurredAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') },
    { label: t('actor'), value: (e) => e.actor }, { label: t('action'), value: (e) => e.action },
    { label: t('entityType'), value: (e) => e.entityType }, { label: t('entityId'), value: (e) => e.entityId ?? '' },
    { label: t('changes'), value: (e) => changes(e) },
  ], page.items), h('p.muted', `${page.items.length} / ${page.totalItems}`)));
}

const local = (iso) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');

/** What changed, field by field (before → after), never the raw JSON. */
function changes(e) {
  const before = e.before || {}; const after = e.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && !['version', 'updatedAt', 'createdAt'].includes(k));
  const show = (v) => (v === undefined || v === null ? '—' : typeof v === 'object' ? '…' : String(v));
  return h('ul', { style: 'margin:0;padding-left:16px' }, keys.slice(0, 8).map((k) => h('li', `${k}: ${show(before[k])} → ${show(after[k])}`)));
}
