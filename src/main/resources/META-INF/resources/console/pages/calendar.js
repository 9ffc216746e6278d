// A programme-year's reporting calendar: its periods with their due dates (admins set them, others read them),
// and the pairs late or missing against a period, by county and status.
import { h, field, values, showError, clear, table, toast } from '../ui.js';
import { t } from '../i18n.js';
import { call, get, query } from '../api.js';
import { programmeYear, overdueTable, notFound } from './common.js';

const PERIODS = ['ANNUAL', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'];

export default async function calendar(root, ctx) {
  const picked = await programmeYear(ctx, 'calendar');
  root.append(h('h1', t('navCalendar')), picked.form);
  if (!picked.program) return;
  const { program, year } = picked;
  const base = `programs/${encodeURIComponent(program)}/years/${year}`;
  const [current, designations] = await Promise.all([call('GET', `${base}/calendar`),
    get(`programs/${encodeURIComponent(program)}/counties`)]);
  const mayEdit = ctx.me.roles.includes('admin');
  root.append(h('section.card#calendar', h('h2', t('periods')), h('p.muted', t('calendarNote')),
    mayEdit ? calendarForm(ctx, base, current) : calendarTable(current.data.periods)));
  root.append(await overdueSection(ctx, base, year, current.data.periods, designations));
}

function calendarTable(periods) {
  if (!periods.length) return h('p.muted', t('calendarEmpty'));
  return table([
    { label: t('period'), value: (p) => `${t(p.period)}（${p.period}）` },
    { label: t('dueOn'), value: (p) => p.dueOn },
  ], periods);
}

/**
 * The periods as rows (period, due date, remove) and a button that adds one; saved as a whole with If-Match, so a
 * calendar someone changed meanwhile answers 412 and offers a reload. Field errors (periods[i].dueOn) land on
 * their row: the inputs are renumbered whenever a row comes or goes.
 */
function calendarForm(ctx, base, current) {
  const rows = h('div#periods', { 'data-field': 'periods' });
  const renumber = () => [...rows.children].forEach((row, i) => {
    row.querySelector('select').name = `periods[${i}].period`;
    row.querySelector('input').name = `periods[${i}].dueOn`;
  });
  const addRow = (period, dueOn) => {
    const used = new Set([...rows.querySelectorAll('select')].map((s) => s.value));
    const kind = period ?? PERIODS.find((p) => !used.has(p)) ?? 'ANNUAL';
    const row = h('div.inline.period-row', { 'data-period': kind },
      field(t('period'), 'period', { value: kind, options: PERIODS.map((p) => [p, `${t(p)}（${p}）`]) }),
      field(t('dueOn'), 'dueOn', { type: 'date', value: dueOn ?? '', required: true }),
      h('button.secondary.remove-period', { type: 'button', onclick: () => { row.remove(); renumber(); } }, t('remove')));
    row.querySelector('select').addEventListener('change', (e) => { row.dataset.period = e.currentTarget.value; });
    rows.append(row);
    renumber();
    return row;
  };
  const periods = current.data.periods.length ? current.data.periods : [{ period: 'ANNUAL', dueOn: '' }];
  periods.forEach((p) => addRow(p.period, p.dueOn));
  const form = h('form#calendar-form', { onsubmit: async (e) => {
    e.preventDefault();
    clear(form);
    const v = values(form);
    const body = { periods: [...rows.children].map((_, i) => ({ period: v[`periods[${i}].period`] ?? null, dueOn: v[`periods[${i}].dueOn`] ?? null })) };
    try {
      await call('PUT', `${base}/calendar`, { body, headers: current.etag ? { 'If-Match': current.etag } : {} });
      toast(t('saved'));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  } }, rows, h('div.toolbar',
    h('button.secondary#add-period', { type: 'button', onclick: () => addRow().querySelector('select').focus() }, t('addPeriod')),
    h('button#save-calendar', { type: 'submit' }, t('save'))));
  return form;
}

/** The overdue list of one period of the calendar, filtered by county and status (kept in the page's address). */
async function overdueSection(ctx, base, year, periods, designations) {
  const box = h('section.card#overdue', h('h2', t('overdue')));
  if (!periods.length) {
    box.append(h('p.muted', t('overdueNote')));
    return box;
  }
  const period = ctx.params.get('period') || 'ANNUAL';
  const county = ctx.params.get('county') || '';
  const status = ctx.params.get('status') || '';
  const counties = [...designations.industrial, ...designations.mountain];
  const filter = h('form.inline.toolbar#overdue-filter', { onsubmit: (e) => {
    e.preventDefault();
    const v = values(filter);
    const params = new URLSearchParams(ctx.params);
    ['period', 'county', 'status'].forEach((k) => { if (v[k]) params.set(k, v[k]); else params.delete(k); });
    ctx.go(`#/calendar?${params}`);
  } },
  field(t('period'), 'period', { value: period, options: periods.map((p) => [p.period, `${t(p.period)}（${p.period}）`]) }),
  field(t('county'), 'county', { value: county, options: [['', t('all')], ...counties.map((c) => [c.code, `${c.name}（${c.code}）`])] }),
  field(t('status'), 'status', { value: status, options: [['', t('all')], ['LATE', t('LATE')], ['MISSING', t('MISSING')]] }),
  h('button', { type: 'submit' }, t('filter')));
  box.append(filter);
  try {
    const overdue = await get(`${base}/overdue${query({ period, county, status, size: 200 })}`).catch(notFound);
    box.append(overdue ? overdueTable(overdue.items, year) : h('p.muted', t('overdueNote')));
    if (overdue && overdue.totalItems > overdue.items.length) {
      box.append(h('p.muted', t('firstShown', { n: overdue.items.length, total: overdue.totalItems })));
    }
  } catch (err) {
    showError(box, err);
  }
  return box;
}
