// The assessor's scoring schemes of a programme-year: the versions, a draft edited (points per indicator, caps, pass
// mark) and published, a new version started from any one, and a what-if score of a pair under the scheme chosen.
import { h, field, showError, clear, table, badge, toast } from '../ui.js';
import { t, named, number, lang } from '../i18n.js';
import { all, call, get, post, query } from '../api.js';
import { tracks } from '../data.js';
import { programmeYear, pairName } from './common.js';

export default async function schemes(root, ctx) {
  const picked = await programmeYear(ctx, 'schemes');
  root.append(h('h1', t('navSchemes')), picked.form);
  if (!picked.program) return;
  const { program, year } = picked;
  const [list, trackList, indicators, pairings] = await Promise.all([
    all('scoring-schemes', { program, year }), tracks(), all('indicators'), all('pairings', { program })]);
  const chosenId = Number(ctx.params.get('scheme')) || list.at(-1)?.id;
  const here = (scheme) => `#/schemes?program=${encodeURIComponent(program)}&year=${year}&scheme=${scheme}`;

  root.append(h('section.card#versions', h('h2', t('schemeVersions')), table([
    { label: t('version'), value: (s) => String(s.number), num: true },
    { label: t('name'), value: (s) => h('a', { href: here(s.id) }, s.name) },
    { label: t('status'), value: (s) => h('span', badge(s.status), s.example ? h('span.badge', t('exampleScheme')) : '') },
    { label: t('publishedAt'), value: (s) => (s.publishedAt ? `${s.publishedAt.slice(0, 16).replace('T', ' ')} ${s.publishedBy ?? ''}` : '') },
  ], list)));
  if (!chosenId) { root.append(h('p.muted', t('noSchemes'))); return; }

  const chosen = await call('GET', `scoring-schemes/${chosenId}`);
  const scheme = chosen.data;
  root.append(editor(scheme, chosen.etag, { trackList, indicators, ctx, here }));
  root.append(whatIf(scheme, pairings, trackList, year));
}

/** The rules as a table of points per indicator; a track's weight is the sum of its indicators' points. */
function editor(scheme, etag, { trackList, indicators, ctx, here }) {
  const draft = scheme.status === 'DRAFT';
  const indicatorName = (code) => {
    const ind = indicators.find((i) => i.code === code);
    return ind ? `${lang === 'en' ? ind.nameEn : ind.nameZh}（${ind.unit}）` : code;
  };
  const trackOf = (code) => indicators.find((i) => i.code === code)?.track;
  const rules = scheme.rules;
  const form = h('form#scheme-editor', { novalidate: true, onsubmit: (e) => e.preventDefault() });
  const pointsInputs = rules.indicators.map((rule, i) => h('input', {
    type: 'text', inputmode: 'decimal', size: 6, name: `points:${rule.indicator}`, 'data-field': `rules.indicators[${i}].points`,
    value: rule.points, disabled: !draft, 'aria-label': `${t('points')} ${indicatorName(rule.indicator)}` }));
  const weightCells = new Map(trackList.map((tr) => [tr.code, h('td.num', { 'data-weight': tr.code })]));
  const sumWeights = () => {
    const sums = new Map();
    rules.indicators.forEach((rule, i) => {
      const track = trackOf(rule.indicator);
      sums.set(track, (sums.get(track) ?? 0) + (Number(pointsInputs[i].value) || 0));
    });
    weightCells.forEach((cell, code) => { cell.textContent = number(sums.get(code) ?? 0); });
    return sums;
  };
  pointsInputs.forEach((input) => input.addEventListener('input', sumWeights));
  const name = field(t('name'), 'name', { value: scheme.name, required: true });
  const passMark = field(t('passMark'), 'passMark', { value: rules.passMark ?? 60, attrs: { inputmode: 'decimal', size: 6, 'data-field': 'rules.passMark' } });
  const bonusCap = field(t('bonusCap'), 'bonusCap', { value: rules.bonusCap, attrs: { inputmode: 'decimal', size: 6, 'data-field': 'rules.bonusCap' } });
  const deductionCap = field(t('deductionCap'), 'deductionCap', { value: rules.deductionCap, attrs: { inputmode: 'decimal', size: 6, 'data-field': 'rules.deductionCap' } });
  if (!draft) [name, passMark, bonusCap, deductionCap].forEach((f) => { f.control.disabled = true; });

  const asNumber = (text) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text.trim());
  /** The scheme as written in the form: weights follow the points typed in. */
  const input = (newName) => {
    const sums = sumWeights();
    // Read from the controls, not the form data: a published version's controls are disabled, and still copied.
    const v = { name: name.control.value.trim(), passMark: passMark.control.value, bonusCap: bonusCap.control.value,
      deductionCap: deductionCap.control.value };
    return {
      program: scheme.program, year: scheme.year, name: newName ?? v.name, description: scheme.description,
      example: scheme.example,
      rules: {
        ...rules,
        tracks: rules.tracks.map((tw) => ({ track: tw.track, weight: Number((sums.get(tw.track) ?? 0).toFixed(2)) })),
        indicators: rules.indicators.map((rule, i) => ({ ...rule, points: asNumber(pointsInputs[i].value) })),
        passMark: asNumber(v.passMark), bonusCap: asNumber(v.bonusCap), deductionCap: asNumber(v.deductionCap),
      },
    };
  };
  const act = (send) => async (e) => {
    clear(form);
    const button = e.currentTarget;
    button.disabled = true;
    try { await send(); } catch (err) { showError(form, err, { reload: ctx.reload }); } finally { button.disabled = false; }
  };
  const save = act(async () => {
    await call('PUT', `scoring-schemes/${scheme.id}`, { body: input(), headers: etag ? { 'If-Match': etag } : {} });
    toast(t('saved'));
    ctx.reload();
  });
  const publish = act(async () => {
    await call('POST', `scoring-schemes/${scheme.id}/publish`, { headers: etag ? { 'If-Match': etag } : {} });
    toast(t('published'));
    ctx.reload();
  });
  const copy = act(async () => {
    const created = await post('scoring-schemes', input(`${scheme.name}（${t('newVersion')}）`));
    toast(t('created'));
    ctx.go(here(created.id));
  });

  form.append(h('div.toolbar', name, passMark, bonusCap, deductionCap),
    h('div.table-wrap', h('table',
      h('thead', h('tr', [t('track'), t('indicator'), t('function'), t('points')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', rules.indicators.map((rule, i) => h('tr', h('td', named(trackList.find((x) => x.code === trackOf(rule.indicator)))),
        h('td', indicatorName(rule.indicator)), h('td', rule.function.type), h('td.num', pointsInputs[i])))))),
    h('h3', t('trackWeights')),
    h('div.table-wrap', h('table', h('thead', h('tr', trackList.map((tr) => h('th.num', { scope: 'col' }, named(tr))))),
      h('tbody', h('tr', [...weightCells.values()])))),
    h('div.toolbar', { style: 'margin-top:12px' },
      draft ? h('button#save-scheme', { type: 'button', onclick: save }, t('save')) : null,
      draft ? h('button#publish-scheme', { type: 'button', onclick: publish }, t('publish')) : null,
      h('button.secondary#copy-scheme', { type: 'button', onclick: copy }, t('newVersionFrom'))));
  sumWeights();
  return h('section.card#scheme', h('h2', `${t('version')} ${scheme.number} · ${scheme.name} `, badge(scheme.status)), form);
}

/** A pair's score under this scheme, live and not saved (GET …/score?scheme=). */
function whatIf(scheme, pairings, trackList, year) {
  const result = h('div#what-if-result', { 'aria-live': 'polite' });
  const pair = field(t('pair'), 'pairing', { options: pairings.map((p) => [p.id, pairName(p)]) });
  const form = h('form.inline#what-if', { onsubmit: async (e) => {
    e.preventDefault();
    clear(form);
    result.replaceChildren();
    try {
      const score = await get(`pairings/${pair.control.value}/years/${year}/score${query({ scheme: scheme.id })}`);
      const r = score.result;
      result.replaceChildren(
        h('p', t('total'), '：', h('strong#what-if-total', { 'data-value': r.total }, number(r.total)), ' · ', t('grade'), '：',
          r.grade?.label ?? '', r.vetoed ? ` · ${t('vetoed')}` : ''),
        table([
          { label: t('track'), value: (tr) => named(trackList.find((x) => x.code === tr.track || x.code === tr.trackCode)) || tr.track || tr.trackCode },
          { label: t('points'), value: (tr) => number(tr.points), num: true },
        ], r.tracks));
    } catch (err) { showError(form, err); }
  } }, pair, h('button', { type: 'submit', disabled: !pairings.length }, t('whatIfScore')));
  return h('section.card', h('h2', t('whatIf')), h('p.muted', t('whatIfNote')), form, result);
}
