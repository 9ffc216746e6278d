import { h, field } from '../ui.js';
import { t } from '../i18n.js';
import { programmes } from '../data.js';

/**
 * The programme and year picker every programme page starts with; reads and writes ?program=&year= of the
 * page's address, so a view can be bookmarked. Answers { program, year, form }.
 */
export async function programmeYear(ctx, page) {
  const list = await programmes();
  const program = list.find((p) => p.code === ctx.params.get('program')) || list[0];
  if (!program) return { form: h('p.muted', t('noRows')) };
  const thisYear = new Date().getFullYear();
  let year = Number(ctx.params.get('year')) || Math.min(Math.max(thisYear - 1, program.startYear), program.endYear);
  const programField = field(t('program'), 'program', { value: program.code, options: list.map((p) => [p.code, `${p.name}（${p.code}）`]) });
  const years = [];
  for (let y = program.startYear; y <= program.endYear; y++) years.push([y, String(y)]);
  if (year < program.startYear || year > program.endYear) year = program.startYear;
  const yearField = field(t('year'), 'year', { value: year, options: years });
  const form = h('form.inline.toolbar', {
    onsubmit: (e) => {
      e.preventDefault();
      ctx.go(`#/${page}?program=${encodeURIComponent(programField.control.value)}&year=${yearField.control.value}`);
    },
  }, programField, yearField, h('button', { type: 'submit' }, t('show')));
  programField.control.addEventListener('change', () => form.requestSubmit());
  yearField.control.addEventListener('change', () => form.requestSubmit());
  return { program: program.code, programme: program, year, form };
}

export const pairName = (p) => `${p.industrialCounty.name} — ${p.mountainCounty.name}`;
