import { h, field, values, showError, clear, table, badge, toast } from '../ui.js';
import { t, lang } from '../i18n.js';
import { call } from '../api.js';
import { programmes } from '../data.js';

/**
 * The programme and year picker every programme page starts with; reads and writes ?program=&year= of the
 * page's address, so a view can be bookmarked. Answers { program, year, form }.
 */
export async function programmeYear(ctx, page) {
  const list = await programmes();
  const program = list.find((p) => p.code === ctx.params.get('program')) || list[0];
  if (!program) return { form: h('p.muted', t('noRows')) };
  const thisYear = new Date().getFullYear();
  let year = Number(ctx.params.get('year')) || Math.min(Math.max(thisYear - 1, program.startYear), program.endYear);
  const programField = field(t('program'), 'program', { value: program.code, options: list.map((p) => [p.code, `${p.name}（${p.code}）`]) });
  const years = [];
  for (let y = program.startYear; y <= program.endYear; y++) years.push([y, String(y)]);
  if (year < program.startYear || year > program.endYear) year = program.startYear;
  const yearField = field(t('year'), 'year', { value: year, options: years });
  const form = h('form.inline.toolbar', {
    onsubmit: (e) => {
      e.preventDefault();
      ctx.go(`#/${page}?program=${encodeURIComponent(programField.control.value)}&year=${yearField.control.value}`);
    },
  }, programField, yearField, h('button', { type: 'submit' }, t('show')));
  programField.control.addEventListener('change', () => form.requestSubmit());
  yearField.control.addEventListener('change', () => form.requestSubmit());
  return { program: program.code, programme: program, year, form };
}

export const pairName = (p) => `${p.industrialCounty.name} — ${p.mountainCounty.name}`;

/** A moment as the reader's language writes it. */
export const when = (at) => (at ? new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '');

/** A 404 as no answer (the thing is not set up yet); any other error is thrown on. */
export const notFound = (err) => { if (err?.status === 404) return null; throw err; };

/** The late and missing reports of a programme-year (the overdue API's items) as a table, each pair linked. */
export const overdueTable = (items, year) => table([
  { label: t('pair'), value: (o) => h('a', { href: `#/pair/${o.pairing}?year=${year}` }, pairName(o)) },
  { label: t('period'), value: (o) => t(o.period) },
  { label: t('dueOn'), value: (o) => o.dueOn },
  { label: t('status'), value: (o) => badge(o.status) },
  { label: t('submittedAt'), value: (o) => when(o.submittedAt) },
  { label: t('daysLate'), value: (o) => String(o.daysLate ?? ''), num: true },
], items);

/** A typed number as a JSON number; anything else is sent as typed, for the service to explain. */
export function asNumber(text) {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/**
 * Field errors of a bulk values write name items[i].indicator or items[i].value: renames each to the input of the
 * indicator sent as item i (nameOf(code)), so showError puts it next to that input.
 */
export function placeValueErrors(err, sent, nameOf) {
  (err?.errors || []).forEach((e) => {
    const m = /items\[(\d+)\]/.exec(e.field || '');
    if (m && sent[Number(m[1])]) e.field = nameOf(sent[Number(m[1])].indicator);
  });
}

/** A field of a record editor: a labelled input, a single checkbox (spec.checkbox) or a set of them (spec.choices). */
function editorField(name, spec, value) {
  if (spec.checkbox) {
    return h('div.field', h('label', h('input', { type: 'checkbox', name, checked: value !== false }), ` ${t(name)}`));
  }
  if (spec.choices) {
    const chosen = new Set(value ?? []);
    return h('fieldset.field', { 'data-field': name }, h('legend', t(name)),
      spec.choices.map(([v, text]) => h('label', h('input', { type: 'checkbox', name, value: v, checked: chosen.has(v) }), ` ${text} `)));
  }
  return field(spec.label ?? t(name), name, { type: spec.type, options: spec.options, required: spec.required,
    value: spec.writeOnly ? '' : value ?? '', attrs: spec.decimal ? { inputmode: 'decimal', size: 12 } : spec.attrs ?? {} });
}

/** The body a record editor's form sends: each field by its spec. */
export function editorBody(form, fields) {
  const v = values(form);
  return Object.fromEntries(fields.map(([name, spec]) => {
    if (spec.checkbox) return [name, form.querySelector(`input[name="${name}"]`).checked];
    if (spec.choices) return [name, [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((x) => x.value)];
    return [name, v[name] === undefined ? null : spec.decimal ? asNumber(v[name]) : v[name]];
  }));
}

/**
 * Edits or deletes one record (a project, an activity, a park, a webhook): opened, it reads the record afresh for
 * its ETag; saving replaces it with If-Match, so a change made meanwhile by someone else answers 412 and offers a
 * reload. Deleting asks once more in the page before it sends the DELETE.
 */
export function recordEditor(kind, item, fields, ctx) {
  const box = h('details.record-editor', { 'data-record': `${kind}/${item.id}` }, h('summary', t('change')));
  let etag = null;
  box.addEventListener('toggle', async () => {
    if (!box.open || box.querySelector('form')) return;
    try {
      const answer = await call('GET', `${kind}/${item.id}`);
      etag = answer.etag;
      box.append(editorForm(answer.data));
    } catch (err) { showError(box, err, { reload: ctx.reload }); }
  });
  const codeOf = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v.code : v);
  function editorForm(record) {
    const form = h('form.inline', { onsubmit: async (e) => {
      e.preventDefault();
      clear(form);
      try {
        await call('PUT', `${kind}/${item.id}`, { body: editorBody(form, fields), headers: etag ? { 'If-Match': etag } : {} });
        toast(t('saved'));
        ctx.reload();
      } catch (err) { showError(form, err, { reload: ctx.reload }); }
    } },
    fields.map(([name, spec]) => editorField(name, spec, codeOf(record[name]))),
    h('button', { type: 'submit' }, t('save')));
    const sure = h('button.danger.confirm-delete', { type: 'button', hidden: true, onclick: async () => {
      clear(form);
      try {
        await call('DELETE', `${kind}/${item.id}`, { headers: etag ? { 'If-Match': etag } : {} });
        toast(t('deleted'));
        ctx.reload();
      } catch (err) { showError(form, err, { reload: ctx.reload }); }
    } }, t('confirmDelete'));
    form.append(h('button.secondary.delete', { type: 'button', onclick: (e) => { e.currentTarget.hidden = true; sure.hidden = false; sure.focus(); } }, t('delete')), sure);
    return form;
  }
  return box;
}
