// Everything the programme dashboard reads, in one place, from the public API as it is today. When
// GET /api/v1/programs/{code}/summary exists, programmeSummary can read it instead and the pages stay as they are.
import { all, get, pool, query } from './api.js';

let trackCache = null;
export async function tracks() {
  if (!trackCache) trackCache = get('tracks').then((page) => page.items ?? page).catch((e) => { trackCache = null; throw e; });
  return trackCache;
}

export const programmes = () => all('programs');

let countyCache = null;
/** Every county by code (for its city). */
export async function counties() {
  if (!countyCache) countyCache = all('counties').then((list) => new Map(list.map((c) => [c.code, c])))
    .catch((e) => { countyCache = null; throw e; });
  return countyCache;
}

export const PROJECT_STATUSES = ['PLANNED', 'SIGNED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'CANCELLED'];
export const WORKFLOW_STATES = ['DRAFT', 'RETURNED', 'SUBMITTED', 'APPROVED'];

/** A pair-year's workflow state as staff name it: a DRAFT that was submitted before is RETURNED. */
export const workflowState = (actuals) => (actuals.state === 'DRAFT' && actuals.everSubmitted ? 'RETURNED' : actuals.state);

/**
 * The programme-year's figures: pairings, park coverage, the ranking with its grades, the projects of the year
 * by track and status. Quick: a few list reads, the projects as counts (size=1).
 */
export async function programmeSummary(program, year) {
  const trackList = await tracks();
  const [pairings, coverage, ranking, countyMap] = await Promise.all([
    all('pairings', { program }),
    get(`programs/${encodeURIComponent(program)}/park-coverage`),
    all('assessments', { program, year }),
    counties(),
  ]);
  const cells = trackList.flatMap((track) => PROJECT_STATUSES.map((status) => ({ track: track.code, status })));
  const counts = await pool(cells, 6, (c) => get(`projects${query({ program, year, track: c.track, status: c.status, size: 1 })}`)
    .then((page) => page.totalItems));
  const projectsByTrack = {};
  cells.forEach((c, i) => { (projectsByTrack[c.track] ??= {})[c.status] = counts[i]; });
  // Grades best first, each with its count and whether it passes.
  const byGrade = new Map();
  ranking.forEach((a) => {
    const name = a.gradeLabel || a.grade;
    const g = byGrade.get(name) ?? { name, value: 0, passed: a.passed, top: -Infinity };
    g.value++;
    g.top = Math.max(g.top, Number(a.total));
    byGrade.set(name, g);
  });
  const grades = [...byGrade.values()].sort((x, y) => y.top - x.top);
  const totals = ranking.map((a) => Number(a.total));
  // By the city of the mountain county: pairings, and the average total of those assessed.
  const byCity = new Map();
  const cityOf = (code) => countyMap.get(code)?.cityName ?? '—';
  pairings.forEach((p) => {
    const city = cityOf(p.mountainCounty.code);
    if (!byCity.has(city)) byCity.set(city, { city, pairings: 0, assessed: 0, sum: 0 });
    byCity.get(city).pairings++;
  });
  ranking.forEach((a) => {
    const c = byCity.get(cityOf(a.mountainCounty.code));
    if (c) { c.assessed++; c.sum += Number(a.total); }
  });
  const cities = [...byCity.values()].map((c) => ({ ...c, average: c.assessed ? c.sum / c.assessed : null }))
    .sort((x, y) => y.pairings - x.pairings);
  return {
    program, year, tracks: trackList, pairings, coverage, ranking, grades, projectsByTrack, cities,
    projects: counts.reduce((a, b) => a + b, 0),
    assessed: ranking.length,
    passed: ranking.filter((a) => a.passed).length,
    averageTotal: totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null,
  };
}

/**
 * The pair-years' workflow states of the year: the counts from the programme summary (one read), and, for a
 * programme of at most {@code perPairingUpTo} pairs, each pairing's state (one read a pairing, six at a time).
 */
export async function workflowStates(program, pairings, year, onProgress, perPairingUpTo = 60) {
  const summary = await get(`programs/${encodeURIComponent(program)}/summary${query({ year })}`);
  const w = summary.groups[0]?.years[0]?.workflow ?? { draft: 0, submitted: 0, returned: 0, approved: 0 };
  const counts = { DRAFT: w.draft, RETURNED: w.returned, SUBMITTED: w.submitted, APPROVED: w.approved };
  const byPairing = pairings.length <= perPairingUpTo ? await pairingStates(pairings, year, onProgress) : new Map();
  return { counts, byPairing };
}

/** Each pairing's workflow state of the year, by pairing id (one read a pairing, six at a time). */
export async function pairingStates(pairings, year, onProgress) {
  const states = await pool(pairings, 6, (p) => get(`pairings/${p.id}/years/${year}/actuals`)
    .then(workflowState).catch(() => null), onProgress);
  const byPairing = new Map();
  pairings.forEach((p, i) => { if (states[i]) byPairing.set(p.id, states[i]); });
  return byPairing;
}
