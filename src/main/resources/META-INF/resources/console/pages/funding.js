// Funding of a programme-year: the allocation rules (a draft written, edited and published), the allocations with each pair's breakdown (a draft computed
// from the finalized assessments, then approved into the ledger), the ledger, the balances per pair, a
// disbursement recorded, an entry reversed by a correction and a failed pair's share clawed back. Admins and
// assessors write; county editors read their own pairs'.
import { h, field, values, showError, clear, table, badge, toast } from '../ui.js';
import { t, number, lang, acceptLanguage } from '../i18n.js';
import { all, get, call, post, query, download, ifMatch } from '../api.js';
import { programmeYear } from './common.js';

/** Yuan with the fen always shown (the API's amounts have 2 decimals). */
const money = (v) => (v === null || v === undefined ? ''
  : Number(v).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

const LEDGER_PAGE = 100;

export default async function funding(root, ctx) {
  const picked = await programmeYear(ctx, 'funding');
  root.append(h('h1', t('navFunding')), picked.form);
  if (!picked.program) return;
  const { program, year } = picked;
  const mayWrite = ['admin', 'assessor'].some((r) => ctx.me.roles.includes(r));
  const base = `programs/${encodeURIComponent(program)}/years/${year}`;
  // The ledger in pages of LEDGER_PAGE entries (newest last, as recorded); the page is in the address.
  const ledgerPage = Math.max(0, Number(ctx.params.get('ledgerPage')) || 0);
  const [rules, allocations, ledger, balances] = await Promise.all([
    get(`${base}/allocation-rules${query({ size: 100 })}`), get(`${base}/allocations${query({ size: 100 })}`),
    get(`ledger${query({ program, year, page: ledgerPage, size: LEDGER_PAGE })}`), get(`ledger/balances${query({ program, year, groupBy: 'pairing' })}`),
  ]);

  // --- rules ----------------------------------------------------------------------------------------------
  const rulesCard = h('section.card#rules', h('h2', t('allocationRules')));
  const editing = h('div.rule-editing');
  const publish = async (r) => {
    clear(rulesCard);
    try {
      const current = await call('GET', `allocation-rules/${r.id}`);
      await call('POST', `allocation-rules/${r.id}/publish`, { headers: ifMatch(current) });
      toast(t('published'));
      ctx.reload();
    } catch (err) { showError(rulesCard, err, { reload: ctx.reload }); }
  };
  // The grades a coefficient is asked for: the latest rule's, else the year's published scheme's bands.
  const grades = rules.items.length ? rules.items.at(-1).terms.gradeCoefficients.map((g) => g.grade)
    : await schemeGrades(program, year);
  // A draft is edited from the version read when the form opens: saved with its ETag, so that a change someone
  // made meanwhile is refused (412, with a reload), never overwritten.
  const edit = async (r) => {
    clear(rulesCard);
    try {
      const read = r ? await call('GET', `allocation-rules/${r.id}`) : null;
      editing.replaceChildren(ruleForm(read?.data, grades, async (body, form) => {
        try {
          if (read?.data.status === 'DRAFT') {
            await call('PUT', `allocation-rules/${r.id}`, { body, headers: ifMatch(read) });
          } else {
            await post(`${base}/allocation-rules`, body);
          }
          toast(t('saved'));
          ctx.reload();
        } catch (err) { showError(form, err, { reload: ctx.reload }); }
      }));
    } catch (err) { showError(rulesCard, err, { reload: ctx.reload }); }
  };
  rulesCard.append(table([
    { label: t('version'), value: (r) => String(r.number) },
    { label: t('name'), value: (r) => [r.name, r.example ? h('span.badge.example', ` ${t('exampleRule')}`) : ''] },
    { label: t('status'), value: (r) => badge(r.status) },
    { label: t('fundTotal'), value: (r) => money(r.terms.total), num: true },
    { label: t('basePercent'), value: (r) => `${number(r.terms.basePercent)}%`, num: true },
    ...(mayWrite ? [{ label: '', value: (r) => h('div.toolbar',
      h('button.secondary.edit-rule', { type: 'button', onclick: () => edit(r) }, r.status === 'DRAFT' ? t('change') : t('newVersionFrom')),
      r.status === 'DRAFT' ? h('button.publish-rule', { type: 'button', onclick: () => publish(r) }, t('publish')) : null) }] : []),
  ], rules.items));
  rulesCard.querySelectorAll(':scope tbody tr').forEach((tr, i) => { tr.dataset.rule = rules.items[i].id; tr.dataset.status = rules.items[i].status; });
  if (mayWrite) {
    rulesCard.append(h('div.toolbar', h('button.secondary#new-rule', { type: 'button', onclick: () => edit(null) }, t('newRule'))), editing);
  }
  root.append(rulesCard);

  // --- allocations -----------------------------------------------------------------------------------------
  const allocCard = h('section.card#allocations', h('h2', t('allocations')));
  if (mayWrite) {
    const compute = h('button#compute-allocation', { type: 'button', onclick: async () => {
      clear(allocCard);
      try { await post(`${base}/allocations`, {}); toast(t('computed')); ctx.reload(); } catch (err) { showError(allocCard, err, { reload: ctx.reload }); }
    } }, t('computeDraft'));
    allocCard.append(h('div.toolbar', compute));
  }
  allocations.items.forEach((a) => {
    const approve = mayWrite && a.status === 'DRAFT' ? h('button.approve-allocation', { type: 'button', onclick: async () => {
      clear(allocCard);
      try {
        const current = await call('GET', `allocations/${a.id}`);
        await call('POST', `allocations/${a.id}/approve`, { headers: ifMatch(current) });
        toast(t('APPROVED'));
        ctx.reload();
      } catch (err) { showError(allocCard, err, { reload: ctx.reload }); }
    } }, t('approveAllocation')) : null;
    allocCard.append(h('div.allocation', { 'data-allocation': a.id, 'data-status': a.status },
      h('h3', `#${a.id} · ${t('version')} ${a.ruleNumber} `, badge(a.status), a.exampleRule ? h('span.muted', ` ${t('exampleRule')}`) : ''),
      h('p', `${t('fundTotal')} ${money(a.total)} · ${t('allocated')} ${money(a.allocated)} · ${t('reserve')} ${money(a.reserve)}`
        + ` · ${t('basePool')} ${money(a.breakdown.basePool)} · ${t('meritPool')} ${money(a.breakdown.meritPool)}`),
      approve,
      h('details', h('summary', t('breakdown')), h('p.muted', a.breakdown.roundingRule), table([
        { label: t('pair'), value: (l) => `${l.industrialCounty.name} — ${l.mountainCounty.name}` },
        { label: t('total'), value: (l) => number(l.score), num: true },
        { label: t('grade'), value: (l) => (l.grade ? t(l.grade) : '') },
        { label: t('coefficient'), value: (l) => number(l.coefficient, 4), num: true },
        { label: t('exactBase'), value: (l) => number(l.exactBase, 6), num: true },
        { label: t('exactMerit'), value: (l) => number(l.exactMerit, 6), num: true },
        { label: t('extraFen'), value: (l) => (l.extraFen ? '+0.01' : ''), num: true },
        { label: t('amount'), value: (l) => money(l.amount), num: true },
      ], a.breakdown.lines))));
  });
  if (!allocations.items.length) allocCard.append(h('p.muted', t('noRows')));
  root.append(allocCard);

  // --- balances and ledger -------------------------------------------------------------------------------------
  const exportButtons = (path, params, name, scope) => [
    h('button.secondary', { type: 'button', onclick: () => download(`/api/v1/${path}${query({ ...params, format: 'csv' })}`, `${name}.csv`, acceptLanguage()).catch((e) => showError(scope, e)) }, t('downloadCsv')),
    h('button.secondary', { type: 'button', onclick: () => download(`/api/v1/${path}${query({ ...params, format: 'xlsx' })}`, `${name}.xlsx`, acceptLanguage()).catch((e) => showError(scope, e)) }, t('downloadXlsx'))];
  const balanceCard = h('section.card#balances', h('h2', t('balances')));
  const balanceRows = [...balances.items, { ...balances.totals, key: 'total', label: t('total') }];
  balanceCard.append(h('div.toolbar', exportButtons('ledger/balances', { program, year, groupBy: 'pairing' }, `${program}_${year}_balances`, balanceCard)),
    table([
      { label: t('pair'), value: (b) => b.label },
      { label: t('allocated'), value: (b) => money(b.allocated), num: true },
      { label: t('disbursed'), value: (b) => money(b.disbursed), num: true },
      { label: t('clawedBack'), value: (b) => money(b.clawedBack), num: true },
      { label: t('balance'), value: (b) => money(b.balance), num: true },
    ], balances.items.length ? balanceRows : []));
  balanceCard.querySelectorAll(':scope tbody tr').forEach((tr, i) => {
    tr.dataset.key = balanceRows[i].key;
    tr.dataset.balance = String(balanceRows[i].balance);
  });
  root.append(balanceCard);

  // An entry is never changed: a mistake is reversed by a correction, with a reason, once (the API refuses more;
  // each entry says which correction reverses it, wherever that is in the ledger).
  const reversal = (e) => {
    if (!mayWrite || e.kind === 'CORRECTION' || e.reversedBy) return '';
    const cell = h('span');
    const open = h('button.secondary.reverse', { type: 'button', onclick: () => {
      open.hidden = true;
      const form = h('form.inline.reverse-form', { onsubmit: async (ev) => {
        ev.preventDefault();
        clear(form);
        try {
          await post('ledger/entries', { kind: 'CORRECTION', reverses: e.id, reason: values(form).reason });
          toast(t('saved'));
          ctx.reload();
        } catch (err) { showError(form, err, { reload: ctx.reload }); }
      } }, field(t('correctionReason'), 'reason', { required: true }), h('button', { type: 'submit' }, t('reverseEntry')));
      cell.append(form);
      form.querySelector('input').focus();
    } }, t('reverseEntry'));
    cell.append(open);
    return cell;
  };
  const ledgerCard = h('section.card#ledger', h('h2', t('ledger')));
  ledgerCard.append(h('div.toolbar', exportButtons('ledger', { program, year }, `${program}_${year}_ledger`, ledgerCard)), table([
    { label: '#', value: (e) => String(e.id), num: true },
    { label: t('date'), value: (e) => e.paidOn ?? e.recordedAt.slice(0, 10) },
    { label: t('pair'), value: (e) => `${e.industrialCounty.name} — ${e.mountainCounty.name}` },
    { label: t('kind'), value: (e) => t(e.kind) },
    { label: t('amount'), value: (e) => money(e.amount), num: true },
    { label: t('reference'), value: (e) => e.reference ?? '' },
    { label: t('reason'), value: (e) => [e.reverses ? h('span.muted', `${t('reverses')} #${e.reverses}：`) : '', e.reason ?? '',
      e.reversedBy ? h('span.muted.reversed-by', ` ${t('reversedBy')} #${e.reversedBy}`) : ''] },
    { label: t('who'), value: (e) => e.recordedBy },
    ...(mayWrite ? [{ label: '', value: reversal }] : []),
  ], ledger.items));
  ledgerCard.querySelectorAll(':scope tbody tr').forEach((tr, i) => {
    tr.dataset.entry = ledger.items[i].id;
    tr.dataset.kind = ledger.items[i].kind;
  });
  if (ledger.totalItems > LEDGER_PAGE) {
    const at = (page) => `#/funding${query({ program, year, ledgerPage: page })}`;
    ledgerCard.append(h('div.toolbar.ledger-pages',
      ledgerPage > 0 ? h('a.button.secondary', { href: at(ledgerPage - 1) }, '‹') : null,
      h('span', `${ledgerPage * LEDGER_PAGE + 1}–${ledgerPage * LEDGER_PAGE + ledger.items.length} / ${ledger.totalItems}`),
      (ledgerPage + 1) * LEDGER_PAGE < ledger.totalItems ? h('a.button.secondary', { href: at(ledgerPage + 1) }, '›') : null));
  }
  root.append(ledgerCard);

  // --- a disbursement ------------------------------------------------------------------------------------------
  if (mayWrite && balances.items.length) {
    const form = h('form.inline#disburse', { onsubmit: async (e) => {
      e.preventDefault();
      clear(form);
      const v = values(form);
      const amount = Number(v.amount);
      try {
        await post('ledger/entries', { kind: 'DISBURSEMENT', pairing: Number(v.pairing), year,
          amount: Number.isFinite(amount) ? amount : v.amount, paidOn: v.paidOn, reference: v.reference });
        toast(t('saved'));
        ctx.reload();
      } catch (err) { showError(form, err, { reload: ctx.reload }); }
    } },
    field(t('pair'), 'pairing', { options: balances.items.map((b) => [b.key, b.label]) }),
    field(t('amount'), 'amount', { required: true, attrs: { inputmode: 'decimal', size: 14 } }),
    field(t('paidOn'), 'paidOn', { type: 'date', required: true }),
    field(t('reference'), 'reference', { required: true }),
    h('button', { type: 'submit' }, t('recordDisbursement')));
    root.append(h('section.card', h('h2', t('recordDisbursement')), form));
  }

  // --- a clawback: a failed pair's share comes back, as the rule's clawback percentage says ------------------
  // The pairs that failed, with their assessments, from the approved allocation (at most one a programme-year).
  const approved = allocations.items.find((a) => a.status === 'APPROVED');
  const failed = approved ? approved.breakdown.lines.filter((l) => !l.passed) : [];
  if (mayWrite && failed.length) {
    const form = h('form.inline#clawback', { onsubmit: async (e) => {
      e.preventDefault();
      clear(form);
      const v = values(form);
      const line = failed.find((l) => String(l.pairing) === v.pairing);
      try {
        await post('ledger/entries', { kind: 'CLAWBACK', pairing: line.pairing, year, assessment: line.assessment,
          reason: v.reason });
        toast(t('saved'));
        ctx.reload();
      } catch (err) { showError(form, err, { reload: ctx.reload }); }
    } },
    field(t('pair'), 'pairing', { options: failed.map((l) => [l.pairing,
      `${l.industrialCounty.name} — ${l.mountainCounty.name} (${number(l.score)})`]) }),
    field(t('reason'), 'reason', { required: true, attrs: { size: 30 } }),
    h('button', { type: 'submit' }, t('recordClawback')));
    root.append(h('section.card', h('h2', t('recordClawback')), h('p.muted', t('clawbackHint')), form));
  }
}

/** The grade codes of the year's published scoring scheme (its bands, or the default ones), newest first. */
async function schemeGrades(program, year) {
  const schemes = await all('scoring-schemes', { program, year });
  const published = schemes.filter((x) => x.status === 'PUBLISHED').at(-1);
  const bands = published ? (await get(`scoring-schemes/${published.id}`)).rules.gradeBands : null;
  return bands?.length ? bands.map((b) => b.code) : ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];
}

/**
 * A rule's name and terms as a form: a draft's to edit, a published one's to start a new version from (null: empty),
 * with a coefficient for each of grades. save(body, form) writes it.
 */
function ruleForm(rule, grades, save) {
  const terms = rule?.terms ?? {};
  const coefficient = (g) => terms.gradeCoefficients?.find((c) => c.grade === g)?.coefficient ?? '';
  const decimal = (label, name, value, required) => field(label, name, { value: value ?? '', required,
    attrs: { inputmode: 'decimal', size: 14, 'data-field': `terms.${name}` } });
  const form = h('form#rule-form', { onsubmit: async (e) => {
    e.preventDefault();
    clear(form);
    const v = values(form);
    const num = (x) => (x === undefined ? undefined : Number.isFinite(Number(x)) ? Number(x) : x);
    await save({ name: v.name, description: v.description, terms: {
      total: num(v.total), basePercent: num(v.basePercent), clawbackPercent: num(v.clawbackPercent),
      failedKeepsBase: form.querySelector('input[name=failedKeepsBase]').checked,
      capPerPair: num(v.capPerPair), mountainPercent: num(v.mountainPercent),
      gradeCoefficients: grades.map((g) => ({ grade: g, coefficient: num(v[`coefficient:${g}`]) })),
    } }, form);
  } },
  h('h3', rule?.status === 'DRAFT' ? `${t('change')} · ${t('version')} ${rule.number}` : t('newRule')),
  field(t('name'), 'name', { value: rule?.name ?? '', required: true, attrs: { size: 30 } }),
  field(t('description'), 'description', { type: 'textarea', value: rule?.description ?? '' }),
  h('div.inline', decimal(t('fundTotal'), 'total', terms.total, true), decimal(`${t('basePercent')} (%)`, 'basePercent', terms.basePercent, true),
    decimal(`${t('clawbackPercent')} (%)`, 'clawbackPercent', terms.clawbackPercent, true),
    decimal(t('capPerPair'), 'capPerPair', terms.capPerPair, false), decimal(`${t('mountainPercent')} (%)`, 'mountainPercent', terms.mountainPercent, false)),
  h('div.field', h('label', h('input', { type: 'checkbox', name: 'failedKeepsBase', checked: Boolean(terms.failedKeepsBase) }), ` ${t('failedKeepsBase')}`)),
  h('fieldset', h('legend', t('gradeCoefficients')), h('div.inline', grades.map((g, i) => field(t(g), `coefficient:${g}`,
    { value: coefficient(g), required: true, attrs: { inputmode: 'decimal', size: 6, 'data-field': `terms.gradeCoefficients[${i}].coefficient` } })))),
  h('button', { type: 'submit' }, t('save')));
  return form;
}
