-- The objection window (公示): a programme-year's assessments published for objections for a number of days, and
-- the objections the pairs' county editors file in it, each resolved by an assessor (upheld with an adjustment or a
-- rescore, or rejected with a reason). Finalizing an assessment is refused while its year's window is open or an
-- objection to it is unresolved.

create sequence objection_window_seq start with 1001 increment by 50;
create table objection_window (
    id             bigint       not null,
    program_id     bigint       not null,
    calendar_year  integer      not null,
    days           integer      not null,
    published_at   timestamp with time zone not null,
    closes_at      timestamp with time zone not null,
    published_by   varchar(100) not null,
    version        bigint       not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint objection_window_pk primary key (id),
    constraint objection_window_program_fk foreign key (program_id) references program (id),
    -- One window per programme-year; the unique index serves every read by (program, year).
    constraint objection_window_once unique (program_id, calendar_year),
    constraint objection_window_days_check check (days between 1 and 90)
);

create sequence objection_seq start with 1001 increment by 50;
create table objection (
    id                    bigint        not null,
    assessment_id         bigint        not null,
    -- The assessment's programme, year and pairing, held here so that a programme-year's list is read from an index.
    program_id            bigint        not null,
    calendar_year         integer       not null,
    pairing_id            bigint        not null,
    state                 varchar(16)   not null,
    reason                varchar(2000) not null,
    filed_by              varchar(100)  not null,
    filed_county_code     varchar(6),
    filed_at              timestamp with time zone not null,
    remedy                varchar(16),
    resolution_reason     varchar(1000),
    resolved_by           varchar(100),
    resolved_at           timestamp with time zone,
    adjustment_id         bigint,
    total_before          numeric(7, 1),
    total_after           numeric(7, 1),
    breakdown_before_id   bigint,
    breakdown_after_id    bigint,
    version               bigint        not null default 0,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint objection_pk primary key (id),
    constraint objection_assessment_fk foreign key (assessment_id) references assessment (id),
    constraint objection_program_fk foreign key (program_id) references program (id),
    constraint objection_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint objection_adjustment_fk foreign key (adjustment_id) references assessment_adjustment (id),
    constraint objection_state_check check (state in ('OPEN', 'UPHELD', 'REJECTED')),
    constraint objection_remedy_check check (remedy in ('ADJUSTMENT', 'RESCORE')),
    constraint objection_resolved_check check ((state = 'OPEN') = (resolved_at is null)),
    constraint objection_upheld_check check ((state = 'UPHELD') = (remedy is not null))
);
-- A programme-year's objections, by state or all, in id order: the list's filter and order from the index alone.
create index objection_program_year_state_idx on objection (program_id, calendar_year, state, id);
create index objection_program_year_idx on objection (program_id, calendar_year, id);
-- An assessment's objections, and whether any is still open (finalizing asks).
create index objection_assessment_idx on objection (assessment_id, state, id);
-- A county editor sees its own pairs' objections: by pairing.
create index objection_pairing_idx on objection (pairing_id, calendar_year);
create index objection_adjustment_idx on objection (adjustment_id);
