-- The years a project had a step in (planned, signed, construction, production, cancellation), kept as rows an
-- index can serve: the projects list's year filter reads these instead of an OR over five dates that scanned every
-- project of the programme. Each row carries the project's other filter columns (programme, pairing, track,
-- status, host county), so a list filtered by year and any of them is one range of one index, in project order.
-- org.tandem.cooperation.ProjectYears writes a project's rows again, from the record as flushed, whenever
-- CooperationRecords writes the project (same transaction); the synthetic data has them written per programme.
create table project_year (
    project_id       bigint      not null,
    calendar_year    integer     not null,
    program_id       bigint      not null,
    pairing_id       bigint      not null,
    track_code       varchar(32) not null,
    status           varchar(24) not null,
    host_county_code varchar(6)  not null,
    constraint project_year_pk primary key (project_id, calendar_year),
    constraint project_year_project_fk foreign key (project_id) references cooperation_project (id)
        on delete cascade
);
-- Programme and year first (every filter the console sends has them), then track and status; project id last, so
-- that the page in id order is read from the index in order and the count is an index range.
create index project_year_program_idx on project_year (program_id, calendar_year, track_code, status, project_id);
create index project_year_program_status_idx on project_year (program_id, calendar_year, status, project_id);
create index project_year_pairing_idx on project_year (pairing_id, calendar_year, track_code, project_id);
create index project_year_host_idx on project_year (host_county_code, calendar_year, project_id);

-- The projects already there.
insert into project_year (project_id, calendar_year, program_id, pairing_id, track_code, status, host_county_code)
    select p.id, s.calendar_year, pa.program_id, p.pairing_id, p.track_code, p.status, p.host_county_code
        from (select id, cast(extract(year from planned_on) as integer) as calendar_year from cooperation_project
                where planned_on is not null
            union select id, cast(extract(year from signed_on) as integer) from cooperation_project
                where signed_on is not null
            union select id, cast(extract(year from construction_started_on) as integer) from cooperation_project
                where construction_started_on is not null
            union select id, cast(extract(year from production_started_on) as integer) from cooperation_project
                where production_started_on is not null
            union select id, cast(extract(year from cancelled_on) as integer) from cooperation_project
                where cancelled_on is not null) s
        join cooperation_project p on p.id = s.id
        join pairing pa on pa.id = p.pairing_id;

