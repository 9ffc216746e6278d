// The admin's programmes: create one, designate its industrial and mountain counties, pair them.
import { h, field, values, showError, clear, table, toast } from '../ui.js';
import { t } from '../i18n.js';
import { all, call, post } from '../api.js';
import { pairName } from './common.js';

export default async function programs(root, ctx) {
  const list = await all('programs');
  const selected = list.find((p) => p.code === ctx.params.get('program')) || list[0];
  const createForm = h('form.inline#new-program', { onsubmit: async (e) => {
    e.preventDefault();
    clear(createForm);
    const v = values(createForm);
    const body = { code: v.code ?? '', name: v.name ?? '', startYear: num(v.startYear), endYear: num(v.endYear), annualBudget: num(v.annualBudget) };
    try { await post('programs', body); toast(t('created')); ctx.go(`#/programs?program=${encodeURIComponent(body.code)}`); } catch (err) { showError(createForm, err); }
  } },
  field(t('code'), 'code', { required: true }), field(t('name'), 'name', { required: true }),
  field(t('startYear'), 'startYear', { type: 'number', required: true }), field(t('endYear'), 'endYear', { type: 'number', required: true }),
  field(t('annualBudget'), 'annualBudget', { attrs: { inputmode: 'decimal' } }), h('button', { type: 'submit' }, t('create')));
  root.append(h('h1', t('navPrograms')), h('section.card', h('h2', t('newProgram')), createForm));
  if (!selected) return;

  const pick = field(t('program'), 'program', { value: selected.code, options: list.map((p) => [p.code, `${p.name}（${p.code}）`]) });
  pick.control.addEventListener('change', () => ctx.go(`#/programs?program=${encodeURIComponent(pick.control.value)}`));
  const code = encodeURIComponent(selected.code);
  const [designations, pairings, chain] = await Promise.all([call('GET', `programs/${code}/counties`),
    all('pairings', { program: selected.code }), call('GET', `programs/${code}/approval-chain`)]);
  const d = designations.data;
  const codes = (refs) => refs.map((c) => c.code).join(', ');
  const split = (text) => (text ?? '').split(/[\s,，、]+/).filter(Boolean);
  const designForm = h('form.inline#designations', { onsubmit: async (e) => {
    e.preventDefault();
    clear(designForm);
    const v = values(designForm);
    try {
      await call('PUT', `programs/${code}/counties`, { body: { industrial: split(v.industrial), mountain: split(v.mountain) },
        headers: designations.etag ? { 'If-Match': designations.etag } : {} });
      toast(t('saved'));
      ctx.reload();
    } catch (err) { showError(designForm, err, { reload: ctx.reload }); }
  } },
  field(t('industrialCodes'), 'industrial', { type: 'textarea', value: codes(d.industrial) }),
  field(t('mountainCodes'), 'mountain', { type: 'textarea', value: codes(d.mountain) }), h('button', { type: 'submit' }, t('save')));
  const pairForm = h('form.inline#new-pairing', { onsubmit: async (e) => {
    e.preventDefault();
    clear(pairForm);
    try { await post('pairings', { program: selected.code, ...values(pairForm) }); toast(t('created')); ctx.reload(); } catch (err) { showError(pairForm, err); }
  } },
  field(t('industrial'), 'industrialCounty', { options: d.industrial.map((c) => [c.code, `${c.name}（${c.code}）`]) }),
  field(t('mountain'), 'mountainCounty', { options: d.mountain.map((c) => [c.code, `${c.name}（${c.code}）`]) }),
  field(t('formedOn'), 'formedOn', { type: 'date' }), h('button', { type: 'submit' }, t('add')));
  root.append(h('div.toolbar', pick),
    h('section.card', h('h2', t('designations')), designForm),
    h('section.card', h('h2', t('approvalChain')), h('p.muted', t('approvalChainNote')), chainForm(ctx, code, chain)),
    h('section.card', h('h2', t('pair')), pairForm, table([
      { label: t('pair'), value: (p) => h('a', { href: `#/pair/${p.id}` }, pairName(p)) },
      { label: t('formedOn'), value: (p) => p.formedOn ?? '' }, { label: t('status'), value: (p) => p.status },
    ], pairings)));
}

const LEVELS = ['PAIR_COUNTIES', 'CITY', 'PROVINCE'];

/**
 * The programme's approval chain as the levels in their fixed upward order, each one ticked or not; the province is
 * always the last level. Saved with If-Match; a chain in use answers 409 in words.
 */
function chainForm(ctx, code, chain) {
  const on = new Set(chain.data.levels);
  const form = h('form.inline#approval-chain', { onsubmit: async (e) => {
    e.preventDefault();
    clear(form);
    const levels = [...form.querySelectorAll('input[name=levels]')].filter((x) => x.checked).map((x) => x.value);
    try {
      await call('PUT', `programs/${code}/approval-chain`, { body: { levels }, headers: chain.etag ? { 'If-Match': chain.etag } : {} });
      toast(t('saved'));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  } },
  h('fieldset.field', { 'data-field': 'levels' }, h('legend', t('level')),
    h('ol.chain', LEVELS.map((level) => h('li', h('label', h('input', { type: 'checkbox', name: 'levels', value: level,
      checked: level === 'PROVINCE' || on.has(level), disabled: level === 'PROVINCE' }), ` ${t(`level-${level}`)}`))))),
  h('p.muted#chain-now', { 'data-levels': chain.data.levels.join(',') }, chain.data.levels.map((l) => t(`level-${l}`)).join(' → '),
    chain.data.isDefault ? `（${t('defaultChain')}）` : ''),
  h('button', { type: 'submit' }, t('save')));
  return form;
}

const num = (v) => (v === undefined ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);
