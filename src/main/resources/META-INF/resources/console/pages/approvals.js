// The approval inbox of the caller's level: county clerks confirm their county's side, city reviewers and
// assessors approve or return with a comment. The server decides the level and the scope.
import { h, field, values, showError, clear, table, badge, toast } from '../ui.js';
import { t } from '../i18n.js';
import { get, post, query } from '../api.js';
import { programmeYear, pairName, when } from './common.js';

export default async function approvals(root, ctx) {
  const picked = await programmeYear(ctx, 'approvals');
  root.append(h('h1', t('navApprovals')), picked.form);
  if (!picked.program) return;
  const { program, year } = picked;
  const inbox = await get(`approvals${query({ program, year, size: 200 })}`);

  const act = (item, action) => async (e) => {
    const form = e.currentTarget.form;
    clear(form);
    form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      await post(`pairings/${item.pairing}/years/${item.year}/actuals/${action}`, values(form));
      toast(t(action === 'confirm' ? 'confirmed' : action === 'approve' ? 'approved' : 'returned'));
      ctx.reload();
    } catch (err) {
      showError(form, err, { reload: ctx.reload });
      form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  };
  const actions = (item) => h('form.inline', { onsubmit: (e) => e.preventDefault(), 'data-pairing': item.pairing },
    field(t('comment'), 'comment', { type: 'textarea' }),
    item.level === 'PAIR_COUNTIES'
      ? h('button.confirm', { type: 'button', onclick: act(item, 'confirm') }, t('confirm'))
      : [h('button.approve', { type: 'button', onclick: act(item, 'approve') }, t('approve')),
        h('button.danger.return', { type: 'button', onclick: act(item, 'return') }, t('return'))]);

  root.append(h('section.card#inbox', h('p.muted', t('inboxNote')), inbox.items.length ? table([
    { label: t('pair'), value: (i) => h('a', { href: `#/pair/${i.pairing}?year=${i.year}` }, pairName(i)) },
    { label: t('year'), value: (i) => String(i.year) },
    { label: t('status'), value: (i) => badge(i.state) },
    { label: t('level'), value: (i) => t(`level-${i.level}`) },
    { label: t('waitingFor'), value: (i) => (i.waitingFor || []).map((side) => t(`side-${side}`)).join('、') },
    { label: t('lastSubmittedAt'), value: (i) => when(i.lastSubmittedAt) },
    { label: t('action'), value: actions },
  ], inbox.items) : h('p.muted', t('noSubmissions'))));
  if (inbox.totalItems > inbox.items.length) root.append(h('p.muted', t('newestShown', { n: inbox.items.length, total: inbox.totalItems })));
}
