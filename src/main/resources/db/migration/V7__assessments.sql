-- Annual assessments (年度考核): runs of the annual job, one assessment per pairing and year with its
-- breakdown, reviewers' adjustments, and revisions kept when a finalized assessment is reopened.

create sequence assessment_run_seq start with 1001 increment by 50;
create table assessment_run (
    id                  bigint       not null,
    program_id          bigint       not null,
    calendar_year       integer      not null,
    scheme_id           bigint       not null,
    status              varchar(16)  not null,
    requested_by        varchar(100) not null,
    requested_at        timestamp with time zone not null,
    finished_at         timestamp with time zone,
    pairings_assessed   integer,
    pairings_finalized  integer,
    duration_ms         bigint,
    error               varchar(1000),
    version             bigint       not null default 0,
    constraint assessment_run_pk primary key (id),
    constraint assessment_run_program_fk foreign key (program_id) references program (id),
    constraint assessment_run_scheme_fk foreign key (scheme_id) references scoring_scheme (id),
    constraint assessment_run_status_check check (status in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
create index assessment_run_program_year_idx on assessment_run (program_id, calendar_year, status);

create sequence assessment_seq start with 1001 increment by 50;
create table assessment (
    id               bigint         not null,
    pairing_id       bigint         not null,
    program_id       bigint         not null,
    calendar_year    integer        not null,
    scheme_id        bigint         not null,
    run_id           bigint,
    status           varchar(16)    not null,
    base_total       numeric(8, 2)  not null,
    bonus_total      numeric(8, 2)  not null,
    deduction_total  numeric(8, 2)  not null,
    total            numeric(7, 1)  not null,
    grade_code       varchar(32)    not null,
    grade_label      varchar(32)    not null,
    passed           boolean        not null,
    vetoed           boolean        not null,
    inputs_digest    varchar(64)    not null,
    breakdown        varchar(200000) not null,
    computed_at      timestamp with time zone not null,
    finalized_at     timestamp with time zone,
    finalized_by     varchar(100),
    version          bigint         not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint assessment_pk primary key (id),
    constraint assessment_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint assessment_program_fk foreign key (program_id) references program (id),
    constraint assessment_scheme_fk foreign key (scheme_id) references scoring_scheme (id),
    constraint assessment_run_fk foreign key (run_id) references assessment_run (id),
    constraint assessment_once unique (pairing_id, calendar_year),
    constraint assessment_status_check check (status in ('COMPUTED', 'FINALIZED'))
);
create index assessment_program_year_idx on assessment (program_id, calendar_year, total);

create sequence assessment_adjustment_seq start with 1001 increment by 50;
create table assessment_adjustment (
    id            bigint        not null,
    assessment_id bigint        not null,
    item_code     varchar(48)   not null,
    points        numeric(8, 2) not null,
    reason        varchar(1000) not null,
    actor         varchar(100)  not null,
    created_at    timestamp with time zone not null,
    constraint assessment_adjustment_pk primary key (id),
    constraint assessment_adjustment_assessment_fk foreign key (assessment_id) references assessment (id),
    constraint assessment_adjustment_points_check check (points >= 0)
);
create index assessment_adjustment_assessment_idx on assessment_adjustment (assessment_id);

create sequence assessment_revision_seq start with 1001 increment by 50;
create table assessment_revision (
    id            bigint          not null,
    assessment_id bigint          not null,
    number        integer         not null,
    snapshot      varchar(200000) not null,
    reason        varchar(1000)   not null,
    actor         varchar(100)    not null,
    created_at    timestamp with time zone not null,
    constraint assessment_revision_pk primary key (id),
    constraint assessment_revision_assessment_fk foreign key (assessment_id) references assessment (id),
    constraint assessment_revision_once unique (assessment_id, number)
);
