// The signed-in user's feed of events that need action: what, which pair, what was said, when, read or not.
import { h, showError, clear, table, toast } from '../ui.js';
import { t, number } from '../i18n.js';
import { get, post, query, pool } from '../api.js';
import { pairName, when } from './common.js';

/** The event's own words: the level waited for, the comment, the reason, the outcome, the totals. */
function said(n) {
  const d = n.data || {};
  const parts = [];
  if (d.level) parts.push(`${t('level')}：${t(`level-${d.level}`)}`);
  if (d.outcome) parts.push(t(d.outcome));
  if (d.days) parts.push(t('windowDays', { days: d.days }));
  if (d.closesAt) parts.push(`${t('closesAt')}：${when(d.closesAt)}`);
  if (d.totalBefore != null && d.totalAfter != null) parts.push(`${t('total')}：${number(d.totalBefore)} → ${number(d.totalAfter)}`);
  if (d.comment) parts.push(`${t('comment')}：${d.comment}`);
  if (d.reason) parts.push(`${t('reason')}：${d.reason}`);
  return parts.join(' · ');
}

export default async function notifications(root, ctx) {
  const unreadOnly = ctx.params.get('unread') === 'true';
  const feed = await get(`notifications${query({ unread: unreadOnly || undefined, size: 100 })}`);
  // The pairs' names (one read per pair shown; a pair no longer readable keeps its number).
  const ids = [...new Set(feed.items.map((n) => n.pairingId).filter((id) => id != null))];
  const names = new Map(await pool(ids, 4, async (id) => [id, await get(`pairings/${id}`).then(pairName).catch(() => `#${id}`)]));
  const box = h('section.card#notifications');
  const markAll = h('button#mark-all-read', { type: 'button', onclick: async () => {
    clear(box);
    try {
      const done = await post('notifications/read-all');
      toast(t('markedRead', { n: done?.marked ?? 0 }));
      ctx.reload();
    } catch (err) { showError(box, err); }
  } }, t('markAllRead'));
  const markOne = (n) => async (e) => {
    e.currentTarget.disabled = true;
    clear(box);
    try {
      await post(`notifications/${n.id}/read`);
      ctx.reload();
    } catch (err) { showError(box, err); }
  };
  const pairLink = (n) => (n.pairingId
    ? h('a', { href: `#/pair/${n.pairingId}${n.year ? `?year=${n.year}` : ''}` }, `${names.get(n.pairingId) ?? `#${n.pairingId}`}${n.year ? ` · ${n.year}` : ''}`)
    : (n.data?.program ? `${n.data.program}${n.data.year ? ` · ${n.data.year}` : ''}` : ''));
  box.append(h('div.toolbar',
    h('a.button.secondary', { href: unreadOnly ? '#/notifications' : '#/notifications?unread=true' },
      unreadOnly ? t('showAll') : t('showUnread')),
    markAll),
  table([
    { label: t('what'), value: (n) => h('span', { 'data-type': n.type }, t(`event-${n.type}`)) },
    { label: t('pair'), value: pairLink },
    { label: t('details'), value: said },
    { label: t('who'), value: (n) => n.actor ?? '' },
    { label: t('when'), value: (n) => when(n.occurredAt) },
    { label: t('readState'), value: (n) => (n.read ? h('span.badge.read', t('read'))
      : h('span', h('span.badge.unread', t('unread')), ' ',
        h('button.secondary.mark-read', { type: 'button', 'data-notification': n.id, onclick: markOne(n) }, t('markRead')))) },
  ], feed.items));
  if (feed.totalItems > feed.items.length) box.append(h('p.muted', t('newestShown', { n: feed.items.length, total: feed.totalItems })));
  root.append(h('h1', t('navNotifications')), box);
}
