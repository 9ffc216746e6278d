// The admins' indicator catalogue: every indicator with its track, unit, source and direction; how often a REPORTED
// one's actual is reported (the year's only, or also per half-year or quarter in the progress reports) and whether it
// is active, each changed in its row and saved with If-Match.
import { h, field, showError, clear, table, toast } from '../ui.js';
import { t, named } from '../i18n.js';
import { all, call, ifMatch, ApiError } from '../api.js';
import { tracks } from '../data.js';

const PERIODS = ['ANNUAL', 'HALF_YEAR', 'QUARTER'];

export default async function indicators(root, ctx) {
  const [list, trackList] = await Promise.all([all('indicators'), tracks()]);
  const trackName = (code) => named(trackList.find((tr) => tr.code === code)) || code;
  root.append(h('h1', t('navIndicators')), h('p.muted', t('indicatorsHint')));
  const save = (indicator) => async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    clear(form);
    const reportedPer = form.querySelector('select[name=reportedPer]')?.value ?? indicator.reportedPer;
    const active = form.querySelector('input[name=active]').checked;
    try {
      // The rest of the indicator is written back as it is now; what the row showed must still be so, else
      // someone changed it meanwhile (as a 412: with a reload). The ETag covers a change between read and write.
      const current = await call('GET', `indicators/${encodeURIComponent(indicator.code)}`);
      if (current.data.reportedPer !== indicator.reportedPer || current.data.active !== indicator.active) {
        throw new ApiError(412, {});
      }
      await call('PUT', `indicators/${encodeURIComponent(indicator.code)}`, {
        body: { ...current.data, reportedPer, active }, headers: ifMatch(current) });
      toast(t('saved'));
      ctx.reload();
    } catch (err) { showError(form, err, { reload: ctx.reload }); }
  };
  const editor = (i) => h('form.inline.indicator-edit', { 'data-indicator': i.code, onsubmit: save(i) },
    i.source === 'REPORTED'
      ? field(t('reportedPer'), 'reportedPer', { options: PERIODS.map((p) => [p, t(`reportedPer-${p}`)]), value: i.reportedPer })
      : h('span.muted', t(`reportedPer-${i.reportedPer}`)),
    h('div.field', h('label', h('input', { type: 'checkbox', name: 'active', checked: i.active }), ` ${t('active')}`)),
    h('button.secondary', { type: 'submit' }, t('save')));
  root.append(h('section.card#indicators', table([
    { label: t('code'), value: (i) => i.code },
    { label: t('name'), value: (i) => named({ nameZh: i.nameZh, nameEn: i.nameEn }) },
    { label: t('track'), value: (i) => trackName(i.track) },
    { label: t('unit'), value: (i) => i.unit },
    { label: t('source'), value: (i) => t(`source-${i.source}`) },
    { label: '', value: editor },
  ], list)));
}
