-- How many assessments the ranking of each programme-year holds, so that a page of the ranking tells its total
-- without counting the year's assessments at every read (H2 walks every index entry of the range: about 1 ms of a
-- 2,000-pair programme's page). Assessments are only ever added, by a run, which ranks the year again in the same
-- transaction: org.tandem.assessment.Rankings.rerank writes the number it ranked here, under the programme's lock.
-- A programme-year without a row has no assessments.
create table ranking_size (
    program_id    bigint  not null,
    calendar_year integer not null,
    assessments   integer not null,
    constraint ranking_size_pk primary key (program_id, calendar_year),
    constraint ranking_size_program_fk foreign key (program_id) references program (id) on delete cascade
);

insert into ranking_size (program_id, calendar_year, assessments)
    select program_id, calendar_year, count(*) from assessment group by program_id, calendar_year;
