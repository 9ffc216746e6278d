import { h, table, badge, showError } from '../ui.js';
import { t, named, number, acceptLanguage } from '../i18n.js';
import { get, pool, query, download, openPage } from '../api.js';
import { tracks } from '../data.js';
import { programmeYear, pairName } from './common.js';

export default async function ranking(root, ctx) {
  const picked = await programmeYear(ctx, 'ranking');
  root.append(h('h1', t('navRanking')), picked.form);
  if (!picked.program) return;
  const { program, year } = picked;
  const page = Number(ctx.params.get('page')) || 0;
  const [data, trackList] = await Promise.all([get(`assessments${query({ program, year, page, size: 50 })}`), tracks()]);
  const params = { program, year };
  const actions = h('div.toolbar');
  const fileBase = `${program}_${year}_ranking`;
  const bulletin = `/api/v1/programs/${encodeURIComponent(program)}/years/${year}/bulletin`;
  actions.append(
    h('button.secondary#download-csv', { type: 'button', onclick: () => download(`/api/v1/assessments${query({ ...params, format: 'csv' })}`, `${fileBase}.csv`, acceptLanguage()).catch((e) => showError(actions, e)) }, t('downloadCsv')),
    h('button.secondary#download-xlsx', { type: 'button', onclick: () => download(`/api/v1/assessments${query({ ...params, format: 'xlsx' })}`, `${fileBase}.xlsx`, acceptLanguage()).catch((e) => showError(actions, e)) }, t('downloadXlsx')),
    h('button.secondary', { type: 'button', onclick: () => window.print() }, t('print')),
    h('button.secondary#download-bulletin', { type: 'button', onclick: () => download(`${bulletin}${query({ format: 'xlsx' })}`, `${program}_${year}_bulletin.xlsx`, acceptLanguage()).catch((e) => showError(actions, e)) }, t('bulletinXlsx')),
    h('button.secondary#print-bulletin', { type: 'button', onclick: () => openPage(`${bulletin}/print`).catch((e) => showError(actions, e)) }, t('printBulletin')));
  root.append(actions);
  if (!data.items.length) { root.append(h('p.muted', t('noAssessments'))); return; }
  // Per-track points come with each assessment's breakdown.
  const details = await pool(data.items, 6, (a) => get(`assessments/${a.id}`).catch(() => null));
  const trackPoints = (i, code) => {
    const tr = details[i]?.breakdown?.tracks?.find((x) => x.trackCode === code);
    return tr ? number(tr.points, 2) : '';
  };
  const rows = data.items.map((a, i) => ({ ...a, i }));
  root.append(h('section.card',
    h('h2.print-only', `${picked.programme.name} ${year} ${t('bulletin')}`),
    table([
      { label: t('rank'), value: (a) => String(a.rank), num: true },
      { label: t('pair'), value: (a) => h('a', { href: `#/pair/${a.pairing}?year=${year}` }, pairName(a)) },
      { label: t('total'), value: (a) => number(a.total, 2), num: true },
      { label: t('grade'), value: (a) => a.gradeLabel || a.grade },
      ...trackList.map((track) => ({ label: named(track), value: (a) => trackPoints(a.i, track.code), num: true })),
      { label: t('status'), value: (a) => badge(a.state || a.status) },
    ], rows, { caption: t('bulletin') }),
    data.totalItems > 50 ? h('div.toolbar.no-print',
      page > 0 ? h('a.button.secondary', { href: `#/ranking?program=${program}&year=${year}&page=${page - 1}` }, '‹') : null,
      h('span', `${page * 50 + 1}–${page * 50 + data.items.length} / ${data.totalItems}`),
      (page + 1) * 50 < data.totalItems ? h('a.button.secondary', { href: `#/ranking?program=${program}&year=${year}&page=${page + 1}` }, '›') : null) : null));
}
