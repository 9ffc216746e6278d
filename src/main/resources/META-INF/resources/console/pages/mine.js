import { h, table } from '../ui.js';
import { t } from '../i18n.js';
import { all } from '../api.js';
import { programmes } from '../data.js';
import { pairName } from './common.js';

export default async function mine(root, ctx) {
  const county = ctx.me.roles.includes('admin') ? undefined : ctx.me.county;
  const [pairings, list] = await Promise.all([all('pairings', { county }), programmes()]);
  const programme = new Map(list.map((p) => [p.code, p]));
  const thisYear = new Date().getFullYear();
  root.append(h('h1', t('myPairs')), h('section.card', table([
    { label: t('pair'), value: (p) => h('a', { href: `#/pair/${p.id}` }, pairName(p)) },
    { label: t('program'), value: (p) => programme.get(p.program)?.name ?? p.program },
    { label: t('year'), value: (p) => {
      const pr = programme.get(p.program);
      const years = [];
      for (let y = pr?.startYear ?? thisYear; y <= (pr?.endYear ?? thisYear); y++) years.push(y);
      return h('span', years.map((y) => [h('a.button.secondary', { href: `#/edit/${p.id}?year=${y}`, 'data-edit': `${p.id}/${y}` }, `${y} ${t('edit')}`), ' ']));
    } },
  ], pairings)));
}
