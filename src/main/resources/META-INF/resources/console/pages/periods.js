// A pair-year's progress reports: one per period of the programme's calendar other than the annual report (H1, H2,
// Q1–Q4), each with its due date and whether it was submitted on time. A clerk of the pair opens one to enter its
// values, save them and submit it; everyone else reads them.
import { h, field, clear, showError, table, badge, toast } from '../ui.js';
import { t, named, number } from '../i18n.js';
import { all, call, get } from '../api.js';
import { asNumber, when, notFound, placeValueErrors } from './common.js';

/** The day (YYYY-MM-DD) of a moment in China Standard Time, the calendar's time (no daylight saving). */
const dayInChina = (at) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);

/** ON_TIME, LATE (first submitted after the due date) or NOT_SUBMITTED, as the overdue list counts it. */
export function submittedState(report) {
  if (!report.firstSubmittedAt) return 'NOT_SUBMITTED';
  return dayInChina(report.firstSubmittedAt) > report.dueOn ? 'LATE' : 'ON_TIME';
}

/**
 * The section of a pair-year's progress reports, or null when the programme's calendar of the year has no period
 * besides ANNUAL. With mayWrite each period opens a form of the indicators it expects; without, a read-only table.
 * indicators: the catalogue, if the page has read it already.
 */
export async function progressReports(pairing, year, { indicators, mayWrite = false } = {}) {
  const calendar = await get(`programs/${encodeURIComponent(pairing.program)}/years/${year}/calendar`).catch(notFound);
  const periods = (calendar?.periods ?? []).filter((p) => p.period !== 'ANNUAL');
  if (!periods.length) return null;
  const base = `pairings/${pairing.id}/years/${year}/periods`;
  const [catalogue, reports] = await Promise.all([indicators ?? all('indicators'),
    Promise.all(periods.map((p) => call('GET', `${base}/${p.period}`)))]);
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const label = (code) => { const ind = byCode.get(code); return ind ? `${named(ind)}（${ind.unit}）` : code; };
  const box = h('section.card#progress-reports', h('h2', t('progressReports')), h('p.muted', t('progressReportsNote')));
  if (!mayWrite) {
    box.append(table([
      { label: t('period'), value: (r) => h('span', { 'data-period': r.period }, `${t(r.period)}（${r.period}）`) },
      { label: t('dueOn'), value: (r) => r.dueOn },
      { label: t('status'), value: (r) => badge(submittedState(r)) },
      { label: t('submittedAt'), value: (r) => when(r.firstSubmittedAt) },
      { label: t('lastSubmittedAt'), value: (r) => (r.lastSubmittedAt !== r.firstSubmittedAt ? when(r.lastSubmittedAt) : '') },
      { label: t('values'), value: (r) => (r.items.length
        ? h('ul.plain', r.items.map((i) => h('li', { 'data-indicator': i.indicator }, `${label(i.indicator)}：${number(i.value, 4)}`)))
        : '—') },
    ], reports.map((r) => r.data)));
    return box;
  }
  const editor = (answer, open) => {
    const el = periodEditor(answer, { base, label, open, refresh: async () => {
      el.replaceWith(editor(await call('GET', `${base}/${answer.data.period}`), true));
    } });
    return el;
  };
  box.append(...reports.map((answer) => editor(answer, false)));
  return box;
}

/**
 * One period as a details element: its summary (period, due date, state), opened a form of the indicators it
 * expects. Save sends the changed values with If-Match (a report changed meanwhile answers 412 and offers a reload
 * of the period); once submitted a change needs a reason. Submit saves what changed, then submits.
 */
function periodEditor({ data: report, etag }, { base, label, open, refresh }) {
  const path = `${base}/${report.period}`;
  const state = submittedState(report);
  const known = new Map(report.items.map((i) => [i.indicator, i.value]));
  const codes = [...report.indicators, ...report.items.map((i) => i.indicator).filter((c) => !report.indicators.includes(c))];
  const inputs = codes.map((code) => h('input', { type: 'text', inputmode: 'decimal', name: `value:${code}`, size: 10,
    value: known.get(code) ?? '', 'aria-label': `${t(report.period)} ${label(code)}` }));
  const reason = report.firstSubmittedAt ? field(t('reason'), 'reason', { type: 'textarea' }) : null;
  const comment = field(t('submitComment'), 'comment');
  const changed = () => codes.map((code, i) => ({ code, text: inputs[i].value.trim() }))
    .filter(({ code, text }) => text !== String(known.get(code) ?? ''))
    .map(({ code, text }) => ({ indicator: code, value: asNumber(text) }));
  const form = h('form.period-form', { id: `period-${report.period}`, novalidate: true, onsubmit: (e) => e.preventDefault() });
  let current = etag;
  const save = async () => {
    const body = { items: changed() };
    if (!body.items.length) return;
    if (reason && reason.control.value.trim()) body.reason = reason.control.value.trim();
    try {
      current = (await call('PUT', path, { body, headers: current ? { 'If-Match': current } : {} })).etag;
    } catch (err) {
      placeValueErrors(err, body.items, (code) => `value:${code}`);
      throw err;
    }
  };
  const act = (work, done) => async () => {
    clear(form);
    try {
      await work();
      toast(t(done));
      await refresh();
    } catch (err) { showError(form, err, { reload: () => refresh().catch((e) => showError(form, e)) }); }
  };
  form.append(codes.length ? h('div.table-wrap', h('table',
    h('thead', h('tr', [t('indicator'), t('values')].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', codes.map((code, i) => h('tr', h('td', label(code)), h('td', inputs[i]))))))
    : h('p.muted', t('noPeriodIndicators')),
  reason ?? '', comment, h('div.toolbar', { style: 'margin-top:12px' },
    codes.length ? h('button.save-period', { type: 'button', onclick: act(save, 'saved') }, t('save')) : null,
    h('button.submit-period', { type: 'button', onclick: act(async () => {
      await save();
      const body = comment.control.value.trim() ? { comment: comment.control.value.trim() } : {};
      await call('POST', `${path}/submit`, { body, headers: current ? { 'If-Match': current } : {} });
    }, 'periodSubmitted') }, report.firstSubmittedAt ? t('submitAgain') : t('submitPeriod'))));
  return h('details.period-report', { 'data-period': report.period, 'data-state': state, open },
    h('summary', `${t(report.period)}（${report.period}） · ${t('dueOn')} ${report.dueOn} `, badge(state),
      report.firstSubmittedAt ? ` ${t('submittedAt')} ${when(report.firstSubmittedAt)}` : ''),
    form);
}
