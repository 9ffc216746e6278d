-- Tallies of every pairing's cooperation records, which the derived indicators are read from (see
-- org.tandem.cooperation.CooperationTallies, which recounts a pairing's tallies whenever one of its projects or
-- activities changes). An annual assessment reads a few rows per pairing from here instead of every project and
-- activity of the programme: in the benchmark, 2,000 pairings have about 150,000 projects and 600,000 activities.

-- Per pairing, calendar year, track and lifecycle step: the projects that reached the step in that year.
create table project_tally (
    pairing_id             bigint        not null,
    calendar_year          integer       not null,
    track_code             varchar(32)   not null,
    step                   varchar(24)   not null,
    projects               bigint        not null,
    investment             numeric(24, 2),
    expected_annual_output numeric(24, 2),
    expected_annual_tax    numeric(24, 2),
    constraint project_tally_pk primary key (pairing_id, calendar_year, track_code, step),
    constraint project_tally_pairing_fk foreign key (pairing_id) references pairing (id)
);

-- Per pairing, calendar year, track and kind: the activities held in that year.
create table activity_tally (
    pairing_id    bigint         not null,
    calendar_year integer        not null,
    track_code    varchar(32)    not null,
    kind          varchar(32)    not null,
    activities    bigint         not null,
    participants  bigint,
    enterprises   bigint,
    amount        numeric(24, 2),
    constraint activity_tally_pk primary key (pairing_id, calendar_year, track_code, kind),
    constraint activity_tally_pairing_fk foreign key (pairing_id) references pairing (id)
);

-- The records already there, counted as CooperationTallies counts them.
insert into project_tally (pairing_id, calendar_year, track_code, step, projects, investment, expected_annual_output,
        expected_annual_tax)
    select pairing_id, cast(extract(year from planned_on) as integer), track_code, 'PLANNED', count(*),
            sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where planned_on is not null
        group by pairing_id, cast(extract(year from planned_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from signed_on) as integer), track_code, 'SIGNED', count(*),
            sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where signed_on is not null
        group by pairing_id, cast(extract(year from signed_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from construction_started_on) as integer), track_code, 'UNDER_CONSTRUCTION',
            count(*), sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where construction_started_on is not null
        group by pairing_id, cast(extract(year from construction_started_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from production_started_on) as integer), track_code, 'IN_PRODUCTION',
            count(*), sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where production_started_on is not null
        group by pairing_id, cast(extract(year from production_started_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from cancelled_on) as integer), track_code, 'CANCELLED', count(*),
            sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where cancelled_on is not null
        group by pairing_id, cast(extract(year from cancelled_on) as integer), track_code;

insert into activity_tally (pairing_id, calendar_year, track_code, kind, activities, participants, enterprises, amount)
    select pairing_id, cast(extract(year from held_on) as integer), track_code, kind, count(*), sum(participants),
            sum(enterprises), sum(amount)
        from cooperation_activity
        group by pairing_id, cast(extract(year from held_on) as integer), track_code, kind;
