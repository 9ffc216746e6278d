import { h, table, chart, badge, field, values, clear, showError, toast, PALETTE } from '../ui.js';
import { t, named, number, lang } from '../i18n.js';
import { get, post, all, query } from '../api.js';
import { tracks, workflowState } from '../data.js';
import { pairName } from './common.js';
import { documentsPanel, attachFiles, adjustmentsTable } from './documents.js';
import { progressReports } from './periods.js';

const STEPS = [['PLANNED', 'plannedOn'], ['SIGNED', 'signedOn'], ['UNDER_CONSTRUCTION', 'constructionStartedOn'],
  ['IN_PRODUCTION', 'productionStartedOn']];

export function pipeline(p) {
  return h('div.pipeline', STEPS.map(([status, key]) => h(`span.step${p[key] ? '.done' : ''}`, `${t(status)} ${p[key] ?? ''}`)),
    p.cancelledOn ? h('span.step.cancelled', `${t('CANCELLED')} ${p.cancelledOn}`) : null);
}

export default async function pair(root, ctx) {
  const id = Number(ctx.args[0]);
  const pairing = await get(`pairings/${id}`);
  const programme = await get(`programs/${encodeURIComponent(pairing.program)}`);
  let year = Number(ctx.params.get('year')) || programme.startYear;
  const yearField = field(t('year'), 'year', { value: year, options: range(programme.startYear, programme.endYear) });
  yearField.control.addEventListener('change', () => ctx.go(`#/pair/${id}?year=${yearField.control.value}`));
  const mayEdit = ctx.me.roles.includes('admin') || (ctx.me.roles.includes('county-editor')
    && [pairing.industrialCounty.code, pairing.mountainCounty.code].includes(ctx.me.county));
  root.append(h('h1', `${pairName(pairing)} · ${programme.name}`),
    h('div.toolbar', yearField, mayEdit ? h('a.button', { href: `#/edit/${id}?year=${year}` }, t('edit')) : null));

  const base = `pairings/${id}/years/${year}`;
  const [trackList, progress, actuals, score, projects, activities, parks, history] = await Promise.all([
    tracks(), get(`${base}/progress`), get(`${base}/actuals`), get(`${base}/score`).catch(() => null),
    get(`pairings/${id}/projects${query({ size: 200 })}`),
    get(`pairings/${id}/activities${query({ year, size: 200 })}`),
    get(`pairings/${id}/parks${query({ size: 100 })}`),
    get(`${base}/history${query({ size: 100 })}`),
  ]);
  const trackName = (code) => named(trackList.find((x) => x.code === code)) || code;

  const radar = score ? chart({
    color: PALETTE, tooltip: {},
    radar: { indicator: trackList.map((tr) => ({ name: named(tr), max: 100 })), radius: '65%' },
    series: [{ type: 'radar', areaStyle: { opacity: 0.2 }, data: [{ name: t('total'),
      value: trackList.map((tr) => { const s = score.result.tracks?.find((x) => x.trackCode === tr.code);
        return s && Number(s.maxPoints) > 0 ? Math.round(1000 * s.points / s.maxPoints) / 10 : 0; }) }] }],
  }, t('radar')) : h('p.muted', t('noScore'));
  root.append(h('div.grid',
    h('section.card', h('h2', t('radar')), radar,
      score ? h('p', `${t('total')}：${number(score.result.total)} · ${t('grade')}：${score.result.grade?.label ?? ''}`) : null),
    h('section.card', h('h2', t('workflow')), h('p', badge(workflowState(actuals))),
      table([
        { label: t('track'), value: (x) => (lang === 'en' ? x.nameEn : x.nameZh) },
        { label: t('completion'), value: (x) => (x.averageCompletion == null ? '—' : `${number(100 * x.averageCompletion, 1)}%`), num: true },
      ], progress.tracks), documentsPanel(`actuals:${id}:${year}`, { mayWrite: mayEdit }))));

  root.append(h('section.card', h('h2', t('progress')), table([
    { label: t('track'), value: (x) => trackName(x.track) },
    { label: t('indicator'), value: (x) => (lang === 'en' ? x.nameEn : x.nameZh) },
    { label: t('unit'), value: (x) => x.unit },
    { label: t('target'), value: (x) => number(x.target), num: true },
    { label: t('actual'), value: (x) => number(x.actual), num: true },
    { label: t('completion'), value: (x) => (x.completion == null ? '' : `${number(100 * x.completion, 1)}%`), num: true },
  ], progress.indicators.filter((x) => x.target != null || x.actual != null))));
  const periods = await progressReports(pairing, year);
  if (periods) root.append(periods);

  root.append(h('section.card', h('h2', t('projects')), table([
    { label: t('title'), value: (p) => p.title },
    { label: t('track'), value: (p) => trackName(p.track) },
    { label: t('hostCounty'), value: (p) => p.hostCounty.name },
    { label: t('investment'), value: (p) => number(p.investment), num: true },
    { label: t('step'), value: pipeline },
    { label: t('documents'), value: (p) => documentsPanel(`project:${p.id}`, { mayWrite: mayEdit }) },
  ], projects.items)));
  root.append(h('div.grid',
    h('section.card', h('h2', t('activities')), table([
      { label: t('date'), value: (a) => a.heldOn }, { label: t('kind'), value: (a) => a.kind },
      { label: t('title'), value: (a) => a.title }, { label: t('track'), value: (a) => trackName(a.track) },
      { label: t('documents'), value: (a) => documentsPanel(`activity:${a.id}`, { mayWrite: mayEdit }) },
    ], activities.items)),
    h('section.card', h('h2', t('parks')), table([
      { label: t('name'), value: (p) => p.name }, { label: t('hostCounty'), value: (p) => p.hostCounty.name },
      { label: t('establishedOn'), value: (p) => p.establishedOn ?? '' }, { label: t('areaMu'), value: (p) => number(p.areaMu), num: true },
      { label: t('documents'), value: (p) => documentsPanel(`park:${p.id}`, { mayWrite: mayEdit }) },
    ], parks.items))));
  const objections = await objectionBox(ctx, pairing, year);
  if (objections) root.append(objections);
  root.append(h('section.card', h('h2', t('history')), table([
    { label: t('when'), value: (c) => new Date(c.occurredAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') },
    { label: t('who'), value: (c) => c.actor },
    { label: t('what'), value: (c) => describe(c) },
    { label: t('reason'), value: (c) => c.reason ?? '' },
  ], history.items)));
}

function describe(c) {
  // A progress report's value or submission names its period.
  const period = c.period ? `${t(c.period)}（${c.period}） ` : '';
  if (c.kind === 'WORKFLOW') return c.period ? `${period}${t('periodSubmitted')}` : `${t(c.fromState ?? 'DRAFT')} → ${t(c.toState ?? '')}`;
  const what = c.kind === 'TARGET' ? t('target') : t('actual');
  return `${period}${what} ${c.indicator ?? ''}: ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`;
}

export function range(from, to) {
  const out = [];
  for (let y = from; y <= to; y++) out.push([y, String(y)]);
  return out;
}

/**
 * The pair's objections to its assessment of the year, each with its evidence documents, and the assessment's
 * adjustments with theirs; a clerk of the pair files one while the window is open, its files attached once filed.
 */
async function objectionBox(ctx, pairing, year) {
  const assessment = (await all('assessments', { program: pairing.program, year })).find((a) => a.pairing === pairing.id);
  if (!assessment) return null;
  const [publication, list, detail] = await Promise.all([
    get(`programs/${encodeURIComponent(pairing.program)}/years/${year}/publication`).catch((err) => { if (err?.status === 404) return null; throw err; }),
    get(`assessments/${assessment.id}/objections${query({ size: 100 })}`), get(`assessments/${assessment.id}`)]);
  const assessor = ctx.me.roles.includes('admin') || ctx.me.roles.includes('assessor');
  const when = (at) => (at ? new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : '');
  const box = h('section.card#pair-objections', h('h2', t('objections')),
    h('p', badge(assessment.state || assessment.status), ' ', publication
      ? t(publication.open ? 'publicationOpen' : 'publicationClosed', { closesAt: when(publication.closesAt),
        open: publication.openObjections, upheld: publication.upheldObjections, rejected: publication.rejectedObjections })
      : t('notPublished')));
  const clerk = ctx.me.roles.includes('county-editor')
    && [pairing.industrialCounty.code, pairing.mountainCounty.code].includes(ctx.me.county);
  if (clerk && publication?.open) {
    const files = field(t('objectionFiles'), 'files', { type: 'file', attrs: { multiple: true } });
    files.control.classList.add('objection-files');
    const form = h('form.inline#file-objection', { onsubmit: async (e) => {
      e.preventDefault();
      clear(form);
      let filed;
      try {
        filed = await post(`assessments/${assessment.id}/objections`, { reason: values(form).reason ?? '' });
      } catch (err) { showError(form, err, { reload: ctx.reload }); return; }
      // Filed: its files go to its documents one by one; those that fail are named, to be uploaded again there.
      const failed = await attachFiles(`objection:${filed.id}`, [...files.control.files]);
      toast(t('objectionFiled'));
      if (!failed.length) { ctx.reload(); return; }
      form.querySelector('button[type=submit]').disabled = true;
      form.prepend(h('div.alert', { role: 'alert' }, t('objectionFilesFailed', { names: failed.join('、') }), ' ',
        h('button.secondary', { type: 'button', onclick: ctx.reload }, t('reload'))));
    } }, field(t('reason'), 'reason', { type: 'textarea' }), files, h('button', { type: 'submit' }, t('fileObjection')));
    box.append(form);
  } else if (clerk) {
    box.append(h('p.muted', t('objectionWindowClosed')));
  }
  box.append(list.items.length ? table([
    { label: t('reason'), value: (o) => o.reason },
    { label: t('filedBy'), value: (o) => `${o.filedBy} · ${when(o.filedAt)}` },
    { label: t('status'), value: (o) => badge(o.state) },
    { label: t('resolved'), value: (o) => (o.resolution ? `${o.resolution.reason}${o.resolution.totalAfter != null
      ? ` · ${t('total')}：${number(o.resolution.totalBefore)} → ${number(o.resolution.totalAfter)}` : ''}` : '') },
    // The pair's clerks attach while it is open, assessors always (as the API allows).
    { label: t('documents'), value: (o) => documentsPanel(`objection:${o.id}`, { mayWrite: assessor || (clerk && o.state === 'OPEN') }) },
  ], list.items) : h('p.muted', t('noObjections')));
  box.append(h('h3', t('adjustments')), h('div#pair-adjustments', adjustmentsTable(detail.adjustments ?? [], { mayWrite: assessor })));
  return box;
}
