-- Per-period actuals (issue 20): an indicator is reported for the year (ANNUAL, the default and what every
-- indicator was before), per half-year (H1, H2) or per quarter (Q1-Q4). Period values are progress reports: the
-- annual actuals remain what assessments score.
alter table indicator add column reported_per varchar(16) default 'ANNUAL' not null;
alter table indicator add constraint indicator_reported_per_check
    check (reported_per in ('ANNUAL', 'HALF_YEAR', 'QUARTER'));

-- A pair-year's progress report of one period of the calendar: when it was first and last submitted. Created on
-- the first write or submission; its unique key is also the index the overdue list joins on.
create sequence period_report_seq start with 1001 increment by 50;
create table period_report (
    id                 bigint     not null,
    pairing_id         bigint     not null,
    calendar_year      integer    not null,
    period             varchar(8) not null,
    first_submitted_at timestamp with time zone,
    last_submitted_at  timestamp with time zone,
    version            bigint     not null default 0,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint period_report_pk primary key (id),
    constraint period_report_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint period_report_once unique (pairing_id, calendar_year, period),
    constraint period_report_period_check check (period in ('H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'))
);

-- The values of a progress report: one row per (pairing, year, period, indicator).
create sequence period_value_seq start with 1001 increment by 50;
create table period_value (
    id             bigint         not null,
    pairing_id     bigint         not null,
    calendar_year  integer        not null,
    period         varchar(8)     not null,
    indicator_code varchar(48)    not null,
    quantity       numeric(20, 4) not null,
    version        bigint         not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint period_value_pk primary key (id),
    constraint period_value_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint period_value_indicator_fk foreign key (indicator_code) references indicator (code),
    constraint period_value_once unique (pairing_id, calendar_year, period, indicator_code),
    constraint period_value_period_check check (period in ('H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4')),
    constraint period_value_quantity_check check (quantity >= 0)
);
create index period_value_indicator_idx on period_value (indicator_code);

-- History entries of a progress report name its period; null for the annual targets and actuals.
alter table pair_year_change add column period varchar(8);
