// A county clerk's pair-year: targets and actuals, projects and their steps, activities, parks, the template
// round trip, and submitting the year.
import { h, field, values, showError, clear, table, badge, toast } from '../ui.js';
import { t, named, number, lang } from '../i18n.js';
import { all, call, get, post, query, download, accessToken } from '../api.js';
import { tracks, workflowState, PROJECT_STATUSES } from '../data.js';
import { pairName, asNumber, recordEditor, placeValueErrors } from './common.js';
import { progressReports } from './periods.js';
import { pipeline, range } from './pair.js';
import { documentsPanel } from './documents.js';

const KINDS = ['DOCKING_MEETING', 'TRAINING', 'ENTERPRISE_DIAGNOSIS', 'CADRE_SECONDMENT', 'SIGNED_AGREEMENT', 'OTHER'];

export default async function edit(root, ctx) {
  const id = Number(ctx.args[0]);
  const pairing = await get(`pairings/${id}`);
  const programme = await get(`programs/${encodeURIComponent(pairing.program)}`);
  const year = Number(ctx.params.get('year')) || programme.startYear;
  const base = `pairings/${id}/years/${year}`;
  const [trackList, indicators, targets, actuals, projects, activities, parks] = await Promise.all([
    tracks(), all('indicators', { active: true }), call('GET', `${base}/targets`), call('GET', `${base}/actuals`),
    get(`pairings/${id}/projects${query({ size: 200 })}`), get(`pairings/${id}/activities${query({ year, size: 200 })}`),
    get(`pairings/${id}/parks${query({ size: 100 })}`),
  ]);
  // The progress reports read meanwhile; shown below the targets and actuals.
  const periods = progressReports(pairing, year, { indicators, mayWrite: true });
  const state = workflowState(actuals.data);
  const editable = actuals.data.state === 'DRAFT';
  const yearField = field(t('year'), 'year', { value: year, options: range(programme.startYear, programme.endYear) });
  yearField.control.addEventListener('change', () => ctx.go(`#/edit/${id}?year=${yearField.control.value}`));
  root.append(h('h1', `${pairName(pairing)} · ${year}`),
    h('div.toolbar', yearField, h('span', t('status'), ' ', h('span#pair-year-state', badge(state))),
      h('a.button.secondary', { href: `#/pair/${id}?year=${year}` }, t('open'))));

  const trackOptions = trackList.map((tr) => [tr.code, named(tr)]);
  const counties = [[pairing.mountainCounty.code, pairing.mountainCounty.name], [pairing.industrialCounty.code, pairing.industrialCounty.name]];

  // --- targets and actuals ---------------------------------------------------------------------------------
  const targetOf = new Map(targets.data.items.map((i) => [i.indicator, i.value]));
  const actualOf = new Map(actuals.data.items.map((i) => [i.indicator, i.value]));
  const valuesForm = h('form#values', { novalidate: true });
  const reason = actuals.data.everSubmitted ? field(t('reason'), 'reason', { type: 'textarea' }) : null;
  const rows = indicators.map((ind) => {
    const label = `${lang === 'en' ? ind.nameEn : ind.nameZh}（${ind.unit}）${ind.source === 'DERIVED' ? ` · ${t('derived')}` : ''}${
      ind.reportedPer && ind.reportedPer !== 'ANNUAL' ? ` · ${t(`reportedPer-${ind.reportedPer}`)}` : ''}`;
    const tInput = h('input', { type: 'text', inputmode: 'decimal', name: `target:${ind.code}`, 'data-field': `items[${ind.code}]`,
      value: targetOf.get(ind.code) ?? '', 'aria-label': `${t('target')} ${label}`, size: 10 });
    const aInput = h('input', { type: 'text', inputmode: 'decimal', name: `actual:${ind.code}`, value: actualOf.get(ind.code) ?? '',
      'aria-label': `${t('actual')} ${label}`, size: 10, disabled: !editable || ind.source === 'DERIVED' });
    return { ind, label, tInput, aInput };
  });
  const items = (kind, known) => rows.map((r) => ({ r, input: kind === 'target' ? r.tInput : r.aInput }))
    .filter(({ r, input }) => !input.disabled && input.value.trim() !== String(known.get(r.ind.code) ?? ''))
    .map(({ r, input }) => ({ indicator: r.ind.code, value: asNumber(input.value.trim()) }));
  const save = (kind) => async () => {
    clear(valuesForm);
    const known = kind === 'target' ? targetOf : actualOf;
    const body = { items: items(kind, known) };
    if (reason && reason.control.value.trim()) body.reason = reason.control.value.trim();
    const etag = kind === 'target' ? targets.etag : actuals.etag;
    try {
      await call('PUT', `${base}/${kind === 'target' ? 'targets' : 'actuals'}`, { body, headers: etag ? { 'If-Match': etag } : {} });
      toast(t('saved'));
      ctx.reload();
    } catch (err) {
      placeValueErrors(err, body.items, (code) => `${kind}:${code}`);
      showError(valuesForm, err, { reload: ctx.reload });
    }
  };
  valuesForm.append(h('div.table-wrap', h('table',
    h('thead', h('tr', [t('track'), t('indicator'), t('target'), t('actual')].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', rows.map((r) => h('tr', h('td', named(trackList.find((x) => x.code === r.ind.track))), h('td', r.label),
      h('td', r.tInput), h('td', r.aInput)))))),
  reason ?? '', h('div.toolbar', { style: 'margin-top:12px' },
    h('button#save-targets', { type: 'button', onclick: save('target') }, t('saveTargets')),
    h('button#save-actuals', { type: 'button', onclick: save('actual'), disabled: !editable }, t('saveActuals')),
    h('button#submit-year', { type: 'button', disabled: !editable, onclick: async () => {
      clear(valuesForm);
      try { await post(`${base}/actuals/submit`, {}); toast(t('submitted')); ctx.reload(); } catch (err) { showError(valuesForm, err, { reload: ctx.reload }); }
    } }, t('submit'))));
  root.append(h('section.card', h('h2', `${t('targets')} / ${t('actuals')}`), valuesForm,
    documentsPanel(`actuals:${id}:${year}`, { mayWrite: true })));
  const periodsBox = await periods;
  if (periodsBox) root.append(periodsBox);

  // --- template round trip -------------------------------------------------------------------------------------
  root.append(templateCard(id, year, ctx));

  // --- projects --------------------------------------------------------------------------------------------
  const projectForm = h('form.inline#new-project', { onsubmit: submitter(async (v) => {
    await post(`pairings/${id}/projects`, { ...v, investment: v.investment });
  }, ctx) },
  field(t('title'), 'title', { required: true }), field(t('track'), 'track', { options: trackOptions }),
  field(t('hostCounty'), 'hostCounty', { options: counties }), field(t('plannedOn'), 'plannedOn', { type: 'date', required: true }),
  field(t('investment'), 'investment', { attrs: { inputmode: 'decimal' } }), h('button', { type: 'submit' }, t('add')));
  const moveCell = (p) => {
    if (p.status === 'CANCELLED' || p.status === 'IN_PRODUCTION') return '';
    const next = PROJECT_STATUSES.slice(PROJECT_STATUSES.indexOf(p.status) + 1);
    const f = h('form.inline', { onsubmit: submitter((v) => post(`projects/${p.id}/transitions`, v), ctx) },
      field(t('moveTo'), 'to', { options: next.map((s) => [s, t(s)]) }),
      field(t('on'), 'on', { type: 'date', required: true }), h('button.secondary', { type: 'submit' }, t('move')));
    return f;
  };
  const kindOptions = KINDS.map((k) => [k, k]);
  const projectFields = [['title', { required: true }], ['track', { options: trackOptions }], ['leadEnterprise', {}],
    ['hostCounty', { options: counties }], ['plannedOn', { type: 'date', required: true }], ['investment', { decimal: true }],
    ['expectedAnnualOutput', { decimal: true }], ['expectedAnnualTax', { decimal: true }], ['description', { type: 'textarea' }]];
  const activityFields = [['title', { required: true }], ['track', { options: trackOptions }], ['kind', { options: kindOptions }],
    ['heldOn', { type: 'date', required: true }], ['participants', { decimal: true }], ['enterprises', { decimal: true }],
    ['amount', { decimal: true }], ['description', { type: 'textarea' }]];
  const parkFields = [['name', { required: true }], ['hostCounty', { options: counties }], ['establishedOn', { type: 'date' }],
    ['areaMu', { decimal: true }], ['focusIndustry', {}]];
  root.append(h('section.card', h('h2', t('projects')), h('h3.muted', t('newProject')), projectForm, table([
    { label: t('title'), value: (p) => p.title }, { label: t('step'), value: pipeline }, { label: t('moveTo'), value: moveCell },
    { label: t('change'), value: (p) => recordEditor('projects', p, projectFields, ctx) },
    { label: t('documents'), value: (p) => documentsPanel(`project:${p.id}`, { mayWrite: true }) },
  ], projects.items)));

  // --- activities and parks ------------------------------------------------------------------------------------
  const activityForm = h('form.inline#new-activity', { onsubmit: submitter((v) => post(`pairings/${id}/activities`, v), ctx) },
    field(t('title'), 'title', { required: true }), field(t('track'), 'track', { options: trackOptions }),
    field(t('kind'), 'kind', { options: KINDS.map((k) => [k, k]) }), field(t('heldOn'), 'heldOn', { type: 'date', required: true }),
    field(t('participants'), 'participants', { type: 'number', attrs: { min: 0 } }), h('button', { type: 'submit' }, t('add')));
  const parkForm = h('form.inline#new-park', { onsubmit: submitter((v) => post(`pairings/${id}/parks`, v), ctx) },
    field(t('name'), 'name', { required: true }), field(t('hostCounty'), 'hostCounty', { options: counties }),
    field(t('establishedOn'), 'establishedOn', { type: 'date' }), field(t('areaMu'), 'areaMu', { attrs: { inputmode: 'decimal' } }),
    h('button', { type: 'submit' }, t('add')));
  root.append(h('section.card', h('h2', t('activities')), activityForm, table([
    { label: t('date'), value: (a) => a.heldOn }, { label: t('title'), value: (a) => a.title }, { label: t('kind'), value: (a) => a.kind },
    { label: t('change'), value: (a) => recordEditor('activities', a, activityFields, ctx) },
    { label: t('documents'), value: (a) => documentsPanel(`activity:${a.id}`, { mayWrite: true }) },
  ], activities.items)));
  root.append(h('section.card', h('h2', t('parks')), parkForm, table([
    { label: t('name'), value: (p) => p.name }, { label: t('hostCounty'), value: (p) => p.hostCounty.name },
    { label: t('areaMu'), value: (p) => number(p.areaMu), num: true },
    { label: t('change'), value: (p) => recordEditor('parks', p, parkFields, ctx) },
    { label: t('documents'), value: (p) => documentsPanel(`park:${p.id}`, { mayWrite: true }) },
  ], parks.items)));
}

/** A form handler: posts the form's values, shows errors next to the fields, reloads the page on success. */
function submitter(send, ctx) {
  return async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    clear(form);
    try { await send(values(form)); toast(t('saved')); ctx.reload(); } catch (err) { showError(form, err, { reload: ctx.reload }); }
  };
}

function templateCard(id, year, ctx) {
  const file = field(t('file'), 'file', { type: 'file', attrs: { id: 'template-file', accept: '.xlsx,.csv' } });
  const kind = field(t('importKind'), 'kind', { options: ['targets', 'actuals', 'projects', 'activities', 'parks'].map((k) => [k, t(k) === k ? k : t(k)]) });
  const report = h('div#import-report', { 'aria-live': 'polite' });
  const form = h('form.inline#template', { onsubmit: (e) => e.preventDefault() },
    h('button.secondary#download-template', { type: 'button', onclick: () => download(`/api/v1/pairings/${id}/years/${year}/template`, `pair_${id}_${year}_template.xlsx`, lang === 'en' ? 'en' : 'zh-CN').catch((err) => showError(form, err)) }, t('downloadTemplate')),
    file, kind,
    h('button#check-import', { type: 'button', onclick: () => upload(true) }, t('check')),
    h('button#do-import', { type: 'button', onclick: () => upload(false) }, t('doImport')));
  async function upload(dryRun) {
    clear(form);
    const chosen = file.control.files[0];
    if (!chosen) { file.control.focus(); return; }
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    try {
      const { data } = await call('POST', `/api/v1/imports${query({ kind: kind.control.value, dryRun, fileName: chosen.name })}`, { form: body });
      showReport(data);
      if (!dryRun && data.totals.errors === 0) toast(t('saved'));
    } catch (err) {
      showError(form, err);
      if (err.errors?.some((x) => x.row)) showReport({ totals: { errors: err.errors.length }, errors: err.errors, dryRun });
    }
  }
  function showReport(data) {
    const totals = data.totals;
    const line = totals.errors ? h('div.alert', { role: 'alert' }, t('checkBad', totals))
      : h('div.notice', data.dryRun ? t('checkOk', totals) : t('imported', totals));
    report.replaceChildren(line, (data.errors || []).length ? table([
      { label: t('sheet'), value: (e) => e.sheet ?? '' },
      { label: t('cell'), value: (e) => h('span.cellref', `${e.column ?? ''}${e.row ?? ''}`) },
      { label: t('value'), value: (e) => e.value ?? '' },
      { label: t('problem'), value: (e) => e.message },
    ], data.errors) : '');
    report.dataset.errors = String(totals.errors);
    report.dataset.dryRun = String(data.dryRun);
  }
  return h('section.card', h('h2', t('template')), form, report);
}
