-- A run compares each result with the breakdown its assessment holds by the breakdown's digest
-- (AssessmentRunner.assess). An index holding id and digest answers that join from the index alone: H2 reads a
-- table's rows whole, so joining the table itself decoded every breakdown's text (about 4 KB each; 1 s of a run
-- over 20,000 assessments) to find 64 characters.
create index score_breakdown_digest_idx on score_breakdown (id, digest);
