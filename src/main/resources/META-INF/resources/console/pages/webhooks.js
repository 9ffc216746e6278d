// The admins' webhooks: each with its URL, event types and state, created, edited or deleted; the deliveries of
// each with their state, attempts and last error. A new webhook's secret is shown once, right after it is created.
import { h, field, showError, clear, table, badge, toast } from '../ui.js';
import { t } from '../i18n.js';
import { all, get, post, query } from '../api.js';
import { recordEditor, editorBody, when } from './common.js';

const EVENTS = ['SUBMISSION_WAITING', 'DATA_RETURNED', 'RESULTS_FINALIZED', 'DEADLINE_APPROACHING', 'DEADLINE_MISSED',
  'RESULTS_PUBLISHED', 'OBJECTION_FILED', 'OBJECTION_RESOLVED'];
const STATES = ['PENDING', 'DELIVERED', 'FAILED_RETRYING', 'DEAD'];
/** The fields of a webhook as admins write it (made on each rendering, in the language of the moment). */
const fields = () => [['url', { required: true, type: 'url', attrs: { size: 40 } }],
  ['eventTypes', { choices: EVENTS.map((e) => [e, t(`event-${e}`)]) }], ['description', {}], ['active', { checkbox: true }],
  ['secret', { writeOnly: true, label: t('secretHint'), attrs: { autocomplete: 'off', size: 40 } }]];

/** The webhook just created, with its secret: shown on the next rendering only, never kept anywhere else. */
let justCreated = null;

export default async function webhooks(root, ctx) {
  const list = await all('webhooks');
  root.append(h('h1', t('navWebhooks')));
  if (justCreated) {
    const created = justCreated;
    justCreated = null;
    const secret = h('code#new-secret', created.secret);
    root.append(h('div.notice#secret-once', { role: 'status', 'data-webhook': String(created.id) },
      h('p', `${created.url}：${t('secretOnce')}`), h('p', secret, ' ',
        h('button.secondary', { type: 'button', onclick: async (e) => {
          try { await navigator.clipboard.writeText(created.secret); toast(t('copied')); } catch {
            getSelection().selectAllChildren(secret);
          }
          e.currentTarget.focus();
        } }, t('copy')))));
  }
  const form = h('form.inline#new-webhook', { onsubmit: async (e) => {
    e.preventDefault();
    clear(form);
    const body = editorBody(form, fields());
    try {
      justCreated = await post('webhooks', body);
      toast(t('created'));
      ctx.reload();
    } catch (err) { showError(form, err); }
  } },
  fields().map(([name, spec]) => newField(name, spec)), h('button', { type: 'submit' }, t('create')));
  root.append(h('section.card', h('h2', t('newWebhook')), form));
  root.append(h('section.card#webhooks', table([
    { label: t('url'), value: (w) => h('span.url', w.url) },
    { label: t('eventTypes'), value: (w) => w.eventTypes.map((e) => t(`event-${e}`)).join('、') },
    { label: t('description'), value: (w) => w.description ?? '' },
    { label: t('status'), value: (w) => h('span.badge', { 'data-active': String(w.active) }, w.active ? t('active') : t('inactive')) },
    { label: t('change'), value: (w) => recordEditor('webhooks', w, fields(), ctx) },
    { label: t('deliveries'), value: (w) => deliveries(w) },
  ], list)));
  root.querySelectorAll('#webhooks tbody tr').forEach((tr, i) => { tr.dataset.webhook = String(list[i].id); });
}

function newField(name, spec) {
  if (spec.checkbox) return h('div.field', h('label', h('input', { type: 'checkbox', name, checked: true }), ` ${t(name)}`));
  if (spec.choices) {
    return h('fieldset.field', { 'data-field': name }, h('legend', t(name)),
      spec.choices.map(([v, text]) => h('label', h('input', { type: 'checkbox', name, value: v }), ` ${text} `)));
  }
  return field(spec.label ?? t(name), name, { type: spec.type, required: spec.required, attrs: spec.attrs });
}

/** A webhook's deliveries, newest first, read when opened; filtered by state. */
function deliveries(webhook) {
  const box = h('details.deliveries', { 'data-webhook': String(webhook.id) }, h('summary', t('deliveries')));
  const state = field(t('status'), 'state', { options: [['', t('all')], ...STATES.map((s) => [s, t(s)])] });
  const list = h('div.delivery-list');
  const load = async () => {
    clear(box);
    try {
      const page = await get(`webhooks/${webhook.id}/deliveries${query({ state: state.control.value, size: 50 })}`);
      list.replaceChildren(table([
        { label: t('when'), value: (d) => when(d.createdAt) },
        { label: t('kind'), value: (d) => t(`event-${d.eventType}`) },
        { label: t('status'), value: (d) => badge(d.state) },
        { label: t('attempts'), value: (d) => String(d.attempts), num: true },
        { label: t('lastAttemptAt'), value: (d) => when(d.lastAttemptAt) },
        { label: t('lastStatus'), value: (d) => (d.lastStatus == null ? '' : String(d.lastStatus)) },
        { label: t('lastError'), value: (d) => d.lastError ?? '' },
        { label: t('nextAttemptAt'), value: (d) => when(d.nextAttemptAt) },
        { label: t('deliveredAt'), value: (d) => when(d.deliveredAt) },
        { label: '', value: (d) => (d.state === 'DELIVERED' ? '' : h('button.secondary.retry', { type: 'button', onclick: async () => {
          try {
            await post(`webhooks/${webhook.id}/deliveries/${d.id}/retry`);
            toast(t('retryQueued'));
            await load();
          } catch (err) { showError(box, err); }
        } }, t('retryDelivery'))) },
      ], page.items), page.totalItems > page.items.length
        ? h('p.muted', t('newestShown', { n: page.items.length, total: page.totalItems })) : '');
      list.dataset.count = String(page.totalItems);
    } catch (err) { showError(box, err); }
  };
  state.control.addEventListener('change', load);
  box.addEventListener('toggle', () => { if (box.open && !list.dataset.count) load(); });
  box.append(h('div.toolbar', state, h('button.secondary', { type: 'button', onclick: load }, t('reload'))), list);
  return box;
}
