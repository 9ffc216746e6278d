-- An assessment's rank in its programme-year is stored with it (kept by org.tandem.assessment.Rankings whenever a
-- run or an adjustment may change it), so that reads neither rank the whole year again nor sort it: the ranking
-- page is read in rank order from the index below, the assessment detail reads its own rank.
alter table assessment add column rank_in_year integer;

-- The existing assessments ranked by the same rule as org.tandem.scoring.Ranking: vetoed after all others, then
-- total descending, base total descending, deduction total ascending; assessments equal on all four share a rank
-- and the next rank skips (1, 2, 2, 4), which is what RANK() gives. Booleans order false first on both databases.
merge into assessment t
using (select id, rank() over (partition by program_id, calendar_year
                               order by vetoed, total desc, base_total desc, deduction_total) as r
       from assessment) s
on t.id = s.id
when matched then update set rank_in_year = s.r;

-- A page of the ranking: a programme-year's assessment ids in rank order, then by pairing as Ranking lists them,
-- from the index alone.
-- It serves every read by (program, year) as well, so the older index on (program, year, total) goes.
create index assessment_ranking_idx on assessment (program_id, calendar_year, rank_in_year, pairing_id, id);
drop index assessment_program_year_idx;
