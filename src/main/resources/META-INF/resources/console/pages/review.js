// The assessor's desk: submissions to approve or return, the annual run, finalize and reopen.
import { h, field, values, showError, clear, table, badge, toast } from '../ui.js';
import { t, number } from '../i18n.js';
import { all, call, get, post, query } from '../api.js';
import { pairingStates } from '../data.js';
import { programmeYear, pairName, overdueTable, when, notFound } from './common.js';
import { documentsPanel, adjustmentsTable } from './documents.js';

export default async function review(root, ctx) {
  const picked = await programmeYear(ctx, 'review');
  root.append(h('h1', t('navReview')), picked.form);
  if (!picked.program) return;
  const { program, year } = picked;
  const pairings = await all('pairings', { program });
  const [byPairing, runs, ranking] = await Promise.all([
    pairingStates(pairings, year), get(`assessment-runs${query({ program, year, size: 5 })}`),
    get(`assessments${query({ program, year, size: 100 })}`)]);

  // Submissions
  const waiting = pairings.filter((p) => byPairing.get(p.id) === 'SUBMITTED');
  const decide = (p, action) => async (e) => {
    const form = e.currentTarget.form;
    clear(form);
    try {
      await post(`pairings/${p.id}/years/${year}/actuals/${action}`, values(form));
      toast(t(action === 'approve' ? 'approved' : 'returned'));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  };
  root.append(h('section.card#submissions', h('h2', t('SUBMITTED')), waiting.length ? table([
    { label: t('pair'), value: (p) => h('a', { href: `#/pair/${p.id}?year=${year}` }, pairName(p)) },
    { label: t('comment'), value: (p) => h('form.inline', { onsubmit: (e) => e.preventDefault(), 'data-pairing': p.id },
      field(t('comment'), 'comment', { type: 'textarea' }),
      h('button', { type: 'button', onclick: decide(p, 'approve') }, t('approve')),
      h('button.danger', { type: 'button', onclick: decide(p, 'return') }, t('return'))) },
  ], waiting) : h('p.muted', t('noSubmissions'))));

  // The run
  const runBox = h('div#run');
  const showRun = (run) => runBox.replaceChildren(h('p', t('runStatus'), '：', badge(run.status), ' ',
    run.status === 'SUCCEEDED' ? t('runFinished', { n: run.pairingsAssessed ?? 0 }) : '',
    run.error ? h('span.field-error', ` ${run.error}`) : ''));
  if (runs.items[0]) showRun(runs.items[0]);
  const start = h('button#start-run', { type: 'button', onclick: async () => {
    clear(runBox);
    start.disabled = true;
    try {
      const answer = await call('POST', 'assessment-runs', { body: { program, year } });
      let run = answer.data;
      showRun(run);
      const url = answer.location ? new URL(answer.location, location.href).pathname : `/api/v1/assessment-runs/${run.id}`;
      while (run.status === 'RUNNING') {
        await new Promise((r) => setTimeout(r, 700));
        run = (await call('GET', url)).data;
        showRun(run);
      }
      if (run.status === 'SUCCEEDED') ctx.reload();
    } catch (err) { showError(runBox, err); } finally { start.disabled = false; }
  } }, t('startRun'));
  root.append(h('section.card', h('h2', t('navRuns')), h('div.toolbar', start), runBox));

  // Finalize / reopen
  const act = (a, action) => async (e) => {
    const form = e.currentTarget.form;
    clear(form);
    try {
      await post(`assessments/${a.id}/${action}`, action === 'reopen' ? { reason: values(form).reason ?? '' } : undefined);
      toast(t(action));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  };
  const mayWrite = ctx.me.roles.includes('admin') || ctx.me.roles.includes('assessor');
  // A reviewer's bonus, deduction or veto, with its reason: the items are the scheme's.
  const schemeIds = [...new Set(ranking.items.map((a) => a.scheme))];
  const schemes = new Map(await Promise.all(schemeIds.map(async (sid) => [sid, await get(`scoring-schemes/${sid}`).catch(() => null)])));
  const adjust = (a) => async (e) => {
    const form = e.currentTarget.form;
    clear(form);
    const v = values(form);
    try {
      await post(`assessments/${a.id}/adjustments`, { item: v.item ?? '', points: v.points === undefined ? null : Number(v.points), reason: v.reason ?? '' });
      toast(t('adjusted'));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  };
  const adjustCell = (a) => {
    const items = schemes.get(a.scheme)?.rules?.adjustmentItems ?? [];
    if (a.status !== 'COMPUTED' || !items.length) return '';
    return h('form.inline.adjust', { onsubmit: (e) => e.preventDefault() },
      field(t('adjustItem'), 'item', { options: items.map((i) => [i.code, `${i.label}（≤${i.maxPoints}）`]) }),
      field(t('points'), 'points', { attrs: { inputmode: 'decimal', size: 4 } }),
      field(t('reason'), 'reason'),
      h('button.secondary', { type: 'button', onclick: adjust(a) }, t('adjust')));
  };
  root.append(h('section.card#assessments', h('h2', t('navRanking')), table([
    { label: t('rank'), value: (a) => String(a.rank), num: true },
    { label: t('pair'), value: (a) => pairName(a) },
    { label: t('total'), value: (a) => number(a.total), num: true },
    { label: t('grade'), value: (a) => a.gradeLabel || a.grade },
    { label: t('status'), value: (a) => badge(a.state || a.status) },
    { label: '', value: (a) => h('form.inline', { onsubmit: (e) => e.preventDefault() },
      a.status === 'FINALIZED' ? [field(t('reason'), 'reason'), h('button.secondary', { type: 'button', onclick: act(a, 'reopen') }, t('reopen'))]
        : h('button', { type: 'button', onclick: act(a, 'finalize') }, t('finalize'))) },
    { label: t('adjust'), value: adjustCell },
    { label: t('adjustments'), value: (a) => adjustmentsCell(a, mayWrite) },
  ], ranking.items)));

  const itemsOf = (assessment) => schemes.get(ranking.items.find((a) => a.id === assessment)?.scheme)?.rules?.adjustmentItems ?? [];
  root.append(await overdueSection(program, year), await objectionSection(ctx, program, year, mayWrite, itemsOf));
}

/** An assessment's adjustments with their documents, read from its detail when first opened. */
function adjustmentsCell(a, mayWrite) {
  const box = h('details.assessment-adjustments', { 'data-assessment': a.id }, h('summary', t('adjustments')));
  box.addEventListener('toggle', async () => {
    if (!box.open || box.dataset.loaded) return;
    box.dataset.loaded = 'true';
    try {
      const detail = await get(`assessments/${a.id}`);
      box.append(adjustmentsTable(detail.adjustments ?? [], { mayWrite }));
    } catch (err) { delete box.dataset.loaded; showError(box, err); }
  });
  return box;
}

/** Late and missing annual reports; without a reporting calendar nothing is overdue. */
async function overdueSection(program, year) {
  const base = `programs/${encodeURIComponent(program)}/years/${year}`;
  const overdue = await get(`${base}/overdue${query({ size: 200 })}`).catch(notFound);
  return h('section.card#overdue', h('h2', t('overdue')), overdue ? overdueTable(overdue.items, year) : h('p.muted', t('overdueNote')),
    h('p', h('a', { href: `#/calendar?program=${encodeURIComponent(program)}&year=${year}` }, t('navCalendar'))));
}

/**
 * The objection window (公示): publish the year, then resolve each objection (upheld and rescored, upheld with an
 * adjustment of one of the scheme's items, or rejected), its evidence documents at hand. itemsOf(assessment) gives the
 * adjustment items of an assessment's scheme.
 */
async function objectionSection(ctx, program, year, mayWrite, itemsOf) {
  const base = `programs/${encodeURIComponent(program)}/years/${year}`;
  const [publication, objections] = await Promise.all([get(`${base}/publication`).catch(notFound),
    get(`${base}/objections${query({ size: 200 })}`)]);
  const box = h('section.card#objections', h('h2', t('objections')));
  if (publication) {
    box.append(h('p#publication', { 'data-open': String(publication.open) }, publication.open ? [badge('PUBLISHED_FOR_OBJECTIONS'), ' '] : null,
      t(publication.open ? 'publicationOpen' : 'publicationClosed', { closesAt: when(publication.closesAt),
        open: publication.openObjections, upheld: publication.upheldObjections, rejected: publication.rejectedObjections })));
  } else {
    const days = field(t('days'), 'days', { type: 'number', value: 7, attrs: { min: 1, max: 90 } });
    const form = h('form.inline#publish', { onsubmit: async (e) => {
      e.preventDefault();
      clear(form);
      try {
        await post(`${base}/publication`, { days: Number(values(form).days) });
        toast(t('PUBLISHED_FOR_OBJECTIONS'));
        ctx.reload();
      } catch (err) { showError(form, err, { reload: ctx.reload }); }
    } }, days, h('button', { type: 'submit' }, t('publishForObjections')));
    box.append(h('p.muted', t('notPublished')), form);
  }
  // body: the resolution, or a function of the form's values giving it.
  const resolve = (o, body) => async (e) => {
    const form = e.currentTarget.form;
    clear(form);
    const v = values(form);
    try {
      await post(`assessments/${o.assessment}/objections/${o.id}/resolution`,
        { ...(typeof body === 'function' ? body(v) : body), reason: v.reason ?? '' });
      toast(t('resolved'));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  };
  box.append(objections.items.length ? table([
    { label: t('pair'), value: (o) => h('a', { href: `#/pair/${o.pairing}?year=${year}` }, pairName(o)) },
    { label: t('reason'), value: (o) => o.reason },
    { label: t('filedBy'), value: (o) => `${o.filedBy} · ${when(o.filedAt)}` },
    { label: t('status'), value: (o) => badge(o.state) },
    { label: t('resolve'), value: (o) => (o.state === 'OPEN'
      ? h('form.inline', { onsubmit: (e) => e.preventDefault(), 'data-objection': o.id },
        field(t('reason'), 'reason', { type: 'textarea' }),
        h('button.uphold', { type: 'button', onclick: resolve(o, { outcome: 'UPHELD', remedy: 'RESCORE' }) }, t('upheldRescore')),
        // Folded: most objections are rescored or rejected, and the row stays narrow.
        itemsOf(o.assessment).length ? h('details.uphold-adjustment-box', h('summary', t('upheldAdjustment')),
          field(t('adjustItem'), 'item', { options: itemsOf(o.assessment).map((i) => [i.code, `${i.label}（≤${i.maxPoints}）`]) }),
          field(t('points'), 'points', { attrs: { inputmode: 'decimal', size: 4, 'data-field': 'adjustment.points' } }),
          h('button.uphold-adjustment', { type: 'button', onclick: resolve(o, (v) => ({ outcome: 'UPHELD', remedy: 'ADJUSTMENT',
            adjustment: { item: v.item ?? '', points: v.points === undefined ? null : Number(v.points), reason: v.reason ?? '' } })) },
          t('UPHELD'))) : null,
        h('button.danger.reject', { type: 'button', onclick: resolve(o, { outcome: 'REJECTED' }) }, t('rejectWithReason')))
      : h('span', `${o.resolution?.reason ?? ''}${o.resolution?.totalAfter != null
        ? ` · ${t('total')}：${number(o.resolution.totalBefore)} → ${number(o.resolution.totalAfter)}` : ''}`)) },
    { label: t('documents'), value: (o) => documentsPanel(`objection:${o.id}`, { mayWrite }) },
  ], objections.items) : h('p.muted', t('noObjections')));
  return box;
}
