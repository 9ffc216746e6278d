import { h, field, values, showError, clear, table, toast } from '../ui.js';
import { t } from '../i18n.js';
import { all, call, post } from '../api.js';

const ROLES = ['admin', 'assessor', 'county-editor', 'viewer'];

export default async function users(root, ctx) {
  const list = await all('users');
  const roleBoxes = h('fieldset.field', { 'data-field': 'roles' }, h('legend', t('roles')),
    ROLES.map((r) => h('label', h('input', { type: 'checkbox', name: 'roles', value: r }), ` ${t(r)} `)));
  const form = h('form.inline#new-user', { onsubmit: async (e) => {
    e.preventDefault();
    clear(form);
    const v = values(form);
    const body = { username: v.username ?? '', displayName: v.displayName, password: v.password, county: v.county,
      roles: [...form.querySelectorAll('input[name=roles]:checked')].map((x) => x.value) };
    try { await post('users', body); toast(t('created')); ctx.reload(); } catch (err) { showError(form, err); }
  } },
  field(t('username'), 'username', { required: true }), field(t('displayName'), 'displayName'),
  field(t('password'), 'password', { type: 'password', attrs: { autocomplete: 'new-password' } }), roleBoxes,
  field(t('county'), 'county', { attrs: { inputmode: 'numeric', maxlength: 6 } }), h('button', { type: 'submit' }, t('create')));
  const toggle = (u) => async (e) => {
    const box = e.currentTarget.closest('td');
    clear(box);
    try {
      const current = await call('GET', `users/${u.id}`);
      const { id, ...rest } = current.data;
      await call('PUT', `users/${u.id}`, { body: { ...rest, enabled: !u.enabled }, headers: { 'If-Match': current.etag } });
      ctx.reload();
    } catch (err) { showError(box, err, { reload: ctx.reload }); }
  };
  root.append(h('h1', t('users')), h('section.card', h('h2', t('newUser')), form), h('section.card', table([
    { label: t('username'), value: (u) => u.username }, { label: t('displayName'), value: (u) => u.displayName ?? '' },
    { label: t('roles'), value: (u) => u.roles.map((r) => t(r)).join('、') }, { label: t('county'), value: (u) => u.county ?? '' },
    { label: t('enabled'), value: (u) => (u.enabled ? t('yes') : t('no')) },
    { label: '', value: (u) => h('div', h('button.secondary', { type: 'button', onclick: toggle(u) }, u.enabled ? t('disable') : t('enable'))) },
  ], list)));
}
