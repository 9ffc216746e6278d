import * as api from './api.js';
import { t, lang, setLang } from './i18n.js';
import { h, field, values, showError } from './ui.js';

const PAGES = {
  dashboard: { load: () => import('./pages/dashboard.js'), nav: 'navDashboard', roles: null },
  ranking: { load: () => import('./pages/ranking.js'), nav: 'navRanking', roles: null },
  mine: { load: () => import('./pages/mine.js'), nav: 'navMine', roles: ['county-editor', 'admin'] },
  approvals: { load: () => import('./pages/approvals.js'), nav: 'navApprovals', roles: ['county-editor', 'city-reviewer', 'assessor', 'admin'] },
  review: { load: () => import('./pages/review.js'), nav: 'navReview', roles: ['assessor', 'admin'] },
  calendar: { load: () => import('./pages/calendar.js'), nav: 'navCalendar', roles: ['assessor', 'admin', 'viewer'] },
  schemes: { load: () => import('./pages/schemes.js'), nav: 'navSchemes', roles: ['assessor', 'admin'] },
  programs: { load: () => import('./pages/programs.js'), nav: 'navPrograms', roles: ['admin'] },
  users: { load: () => import('./pages/users.js'), nav: 'navUsers', roles: ['admin'] },
  webhooks: { load: () => import('./pages/webhooks.js'), nav: 'navWebhooks', roles: ['admin'] },
  indicators: { load: () => import('./pages/indicators.js'), nav: 'navIndicators', roles: ['admin'] },
  funding: { load: () => import('./pages/funding.js'), nav: 'navFunding', roles: ['admin', 'assessor', 'county-editor'] },
  audit: { load: () => import('./pages/audit.js'), nav: 'navAudit', roles: ['admin', 'assessor'] },
  pair: { load: () => import('./pages/pair.js'), roles: null },
  edit: { load: () => import('./pages/edit.js'), roles: ['county-editor', 'admin'] },
  notifications: { load: () => import('./pages/notifications.js'), roles: null },
};

const main = document.getElementById('main');
let me = null;
let rendering = 0;

const may = (page) => me && (!PAGES[page].roles || PAGES[page].roles.some((r) => me.roles.includes(r)));
const home = () => {
  if (me.roles.includes('admin')) return '#/dashboard';
  if (me.roles.includes('county-editor')) return '#/mine';
  if (me.roles.includes('city-reviewer')) return '#/approvals';
  return '#/dashboard';
};

function chrome() {
  document.title = t('appTitle');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.getElementById('brand-title').textContent = t('appTitle');
  document.querySelector('.skip').textContent = t('skip');
  const langButton = document.getElementById('lang');
  langButton.textContent = t('switchLang');
  langButton.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  out.hidden = !me;
  document.getElementById('who').textContent = me
    ? `${me.displayName || me.username}（${me.roles.map((r) => t(r)).join('、')}）` : '';
  bell();
  const nav = document.getElementById('nav');
  nav.replaceChildren(...(me ? Object.entries(PAGES).filter(([name, p]) => p.nav && may(name))
    .map(([name, p]) => h('a', { href: `#/${name}`, 'data-page': name }, t(p.nav))) : []));
}

/** The top bar's link to the feed, with how many events are unread (asked again on every route). */
function bell() {
  let link = document.getElementById('bell');
  if (!link) {
    link = h('a#bell.bell', { href: '#/notifications' });
    document.getElementById('who').insertAdjacentElement('afterend', link);
  }
  link.hidden = !me;
  if (!me) { delete link.dataset.count; return; }
  const count = Number(link.dataset.count || 0);
  link.replaceChildren(t('navNotifications'), ' ', h('span.count', { 'data-count': String(count) }, String(count)));
  link.setAttribute('aria-label', t('unreadCount', { n: count }));
}

async function refreshBell() {
  if (!me) return;
  try {
    const answer = await api.get('notifications/unread-count');
    const link = document.getElementById('bell');
    if (link && me) { link.dataset.count = String(answer?.unread ?? 0); bell(); }
  } catch { /* the badge waits for the next route */ }
}

function markNav(name) {
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

function signInPage() {
  me = null;
  chrome();
  const user = field(t('username'), 'username', { required: true, attrs: { autocomplete: 'username', autofocus: true } });
  const pass = field(t('password'), 'password', { type: 'password', required: true, attrs: { autocomplete: 'current-password' } });
  const form = h('form.card.signin#signin', {
    onsubmit: async (e) => {
      e.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      try {
        const v = values(form);
        await api.signIn(v.username ?? '', v.password ?? '');
        me = await api.get('me');
        chrome();
        if (!location.hash || location.hash === '#/' || location.hash === '#/signin') location.hash = home();
        else route();
      } catch (err) {
        showError(form, err);
      } finally {
        button.disabled = false;
      }
    },
  }, h('h1', t('signInTitle')), user, pass, h('button', { type: 'submit' }, t('signIn')));
  main.replaceChildren(form);
  user.control.focus();
}

async function route() {
  if (!me) return signInPage();
  const hash = location.hash.replace(/^#\/?/, '') || home().slice(2);
  const [path, search] = hash.split('?');
  const [name, ...args] = path.split('/');
  const ticket = ++rendering;
  if (!PAGES[name] || !may(name)) {
    if (!PAGES[name] && !location.hash) { location.hash = home(); return; }
    main.replaceChildren(h('p.alert', { role: 'alert' }, PAGES[name] ? t('forbidden') : t('notFound')));
    return;
  }
  markNav(name);
  refreshBell();
  const ctx = {
    me, args, params: new URLSearchParams(search || ''),
    go: (to) => { if (location.hash === to) route(); else location.hash = to; },
    reload: () => route(),
    current: () => ticket === rendering,
  };
  const container = h('div', { 'data-page': name });
  container.append(h('p.muted', { 'aria-busy': 'true' }, t('loading')));
  main.replaceChildren(container);
  try {
    const page = await PAGES[name].load();
    const content = h('div');
    await page.default(content, ctx);
    if (ticket === rendering) {
      container.replaceChildren(...content.childNodes);
      container.setAttribute('data-ready', 'true');
    }
  } catch (err) {
    if (ticket === rendering && me) showError(container, err, { reload: ctx.reload });
    else if (!me) signInPage();
  }
}

// Signed out, what the last user was told goes with them: the next one starts without their messages.
api.onSignedOut(() => { me = null; document.getElementById('toast')?.replaceChildren(); signInPage(); });

document.getElementById('signout').addEventListener('click', () => { api.signOut(); location.hash = ''; });
document.getElementById('lang').addEventListener('click', () => { setLang(lang === 'en' ? 'zh' : 'en'); chrome(); route(); });
window.addEventListener('hashchange', route);

(async () => {
  if (api.signedIn()) {
    try { me = await api.get('me'); } catch { me = null; }
  }
  chrome();
  route();
})();
