import { h, chart, PALETTE, table, badge } from '../ui.js';
import { t, named, number } from '../i18n.js';
import { programmeSummary, workflowStates, PROJECT_STATUSES, WORKFLOW_STATES } from '../data.js';
import { programmeYear, pairName } from './common.js';
import { get, query } from '../api.js';

const figure = (key, value, shown) => h('div.figure', { 'data-figure': key, 'data-value': String(value ?? '') },
  h('div.value', shown ?? String(value ?? '—')), h('div.label', t(key)));

/** Passing grades in calm greens and blues, best first; failing ones in red. */
function gradeSlices(grades) {
  const passing = ['#2e7d32', '#1d5c99', '#5b8db8', '#8fa9c2'];
  let i = 0;
  return grades.map((g) => ({ name: g.name, value: g.value,
    itemStyle: { color: g.passed ? passing[Math.min(i++, passing.length - 1)] : '#b3261e' } }));
}

export default async function dashboard(root, ctx) {
  const picked = await programmeYear(ctx, 'dashboard');
  root.append(h('h1', t('navDashboard')), picked.form);
  if (!picked.program) return;
  const s = await programmeSummary(picked.program, picked.year);
  const coverage = s.coverage.pairings ? `${number(100 * s.coverage.pairingsWithPark / s.coverage.pairings, 1)}%` : '—';
  root.append(h('div.figures',
    figure('pairings', s.pairings.length),
    h('div.figure', { 'data-figure': 'parkCoverage', 'data-value': `${s.coverage.pairingsWithPark}/${s.coverage.pairings}` },
      h('div.value', coverage), h('div.label', `${t('parkCoverage')}（${s.coverage.pairingsWithPark}/${s.coverage.pairings}）`)),
    figure('projects', s.projects),
    figure('assessed', s.assessed),
    figure('passed', s.passed),
    figure('averageTotal', s.averageTotal === null ? '' : s.averageTotal.toFixed(2),
      s.averageTotal === null ? '—' : number(s.averageTotal, 2))));

  const trackNames = s.tracks.map((track) => named(track));
  const projectChart = chart({
    color: PALETTE,
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: trackNames, inverse: true },
    series: PROJECT_STATUSES.map((status) => ({
      name: t(status), type: 'bar', stack: 'p', data: s.tracks.map((track) => s.projectsByTrack[track.code]?.[status] ?? 0),
    })),
  }, t('projectsByTrack'));
  const gradeChart = chart({
    tooltip: { trigger: 'item' }, legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '70%'], data: gradeSlices(s.grades) }],
  }, t('grades'));
  const workflowBox = h('div', h('p.muted#workflow-progress', { role: 'status' }, t('loadingPairs', { done: 0, total: s.pairings.length })));
  root.append(h('div.grid',
    h('section.card', h('h2', t('projectsByTrack')), projectChart),
    h('section.card', h('h2', t('grades')), s.assessed ? gradeChart : h('p.muted', t('noAssessments'))),
    h('section.card', h('h2', t('workflowChart')), workflowBox),
    h('section.card', h('h2', t('byCity')), chart({
      color: PALETTE, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: s.cities.map((c) => c.city), axisLabel: { interval: 0, rotate: s.cities.length > 8 ? 40 : 0 } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100 }],
      series: [
        { name: t('pairings'), type: 'bar', data: s.cities.map((c) => c.pairings) },
        { name: t('averageTotal'), type: 'line', yAxisIndex: 1, data: s.cities.map((c) => (c.average == null ? null : Math.round(c.average * 100) / 100)) },
      ],
    }, t('byCity')))));

  // Last: the pair-years' states of the year (the summary's counts; each pairing's state for a small programme).
  workflowStates(s.program, s.pairings, s.year, (done, total) => {
    const p = workflowBox.querySelector('#workflow-progress');
    if (p) p.textContent = t('loadingPairs', { done, total });
  }).then(({ counts, byPairing }) => {
    workflowBox.replaceChildren(
      h('div.figures', WORKFLOW_STATES.map((state) => h('div.figure', { 'data-figure': `workflow-${state}`, 'data-value': String(counts[state]) },
        h('div.value', String(counts[state])), h('div.label', t(state))))),
      chart({
        color: ['#7d7d7d', '#b26a00', '#1d5c99', '#2e7d32'], tooltip: {},
        grid: { left: 8, right: 8, bottom: 8, top: 16, containLabel: true },
        xAxis: { type: 'category', data: WORKFLOW_STATES.map((st) => t(st)) }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', colorBy: 'data', data: WORKFLOW_STATES.map((st) => counts[st]) }],
      }, t('workflowChart')),
      overdueBox(s.program, s.year),
      s.pairings.length <= 60 ? table([
        { label: t('pair'), value: (p) => h('a', { href: `#/pair/${p.id}?year=${s.year}` }, pairName(p)) },
        { label: t('status'), value: (p) => (byPairing.get(p.id) ? badge(byPairing.get(p.id)) : '—') },
      ], s.pairings) : null);
    workflowBox.setAttribute('data-ready', 'true');
  }).catch(() => { workflowBox.replaceChildren(h('p.alert', { role: 'alert' }, t('networkError'))); });
}

/**
 * The year's late and missing annual reports against the programme's reporting calendar, counted (two reads of one
 * row each); without a calendar (404) nothing is overdue, and the page says so.
 */
function overdueBox(program, year) {
  const box = h('div#overdue-figures', h('p.muted', t('loading')));
  const base = `programs/${encodeURIComponent(program)}/years/${year}/overdue`;
  Promise.all(['LATE', 'MISSING'].map((status) => get(`${base}${query({ status, size: 1 })}`)))
    .then(([late, missing]) => {
      const dueOn = (late.items[0] || missing.items[0])?.dueOn;
      box.replaceChildren(h('div.figures',
        figure('overdue-LATE', late.totalItems, String(late.totalItems)),
        figure('overdue-MISSING', missing.totalItems, String(missing.totalItems))),
      dueOn ? h('p.muted', `${t('dueOn')}：${dueOn}`) : '');
      box.setAttribute('data-ready', 'true');
    })
    .catch((err) => {
      box.replaceChildren(h('p.muted', err?.status === 404 ? t('overdueNote') : t('networkError')));
      box.setAttribute('data-ready', 'true');
    });
  return box;
}
