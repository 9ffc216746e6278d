-- Joint and multi-level approval of a pair-year's actuals, and the reporting calendar (issue 20).

-- A city reviewer is bound to a city (the 6-digit code of the prefecture-level city, county.city_code), as a
-- county editor is bound to a county.
alter table app_user add column city_code varchar(6);
alter table app_user_role drop constraint app_user_role_check;
alter table app_user_role add constraint app_user_role_check
    check (role in ('admin', 'assessor', 'county-editor', 'city-reviewer', 'viewer'));

-- A programme's approval chain, lowest level first, e.g. 'PAIR_COUNTIES,CITY,PROVINCE'. No row: the default chain,
-- 'PROVINCE' alone (a county submits, an assessor approves), which is how every programme worked before.
create table approval_chain (
    program_id  bigint      not null,
    levels      varchar(64) not null,
    version     bigint      not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint approval_chain_pk primary key (program_id),
    constraint approval_chain_program_fk foreign key (program_id) references program (id) on delete cascade
);

-- The level a SUBMITTED pair-year waits for (null otherwise), how many approvals are in force (so that a write
-- reads them only when there are some), and when its actuals were first and last submitted (for the calendar).
alter table pair_year add column awaiting_level varchar(16);
alter table pair_year add column approvals_in_force integer not null default 0;
alter table pair_year add column first_submitted_at timestamp with time zone;
alter table pair_year add column last_submitted_at timestamp with time zone;
alter table pair_year add constraint pair_year_awaiting_check
    check (awaiting_level in ('PAIR_COUNTIES', 'CITY', 'PROVINCE'));
update pair_year set awaiting_level = 'PROVINCE' where actuals_state = 'SUBMITTED';
update pair_year set first_submitted_at = (select min(c.occurred_at) from pair_year_change c
        where c.pairing_id = pair_year.pairing_id and c.calendar_year = pair_year.calendar_year and c.action = 'SUBMIT'),
    last_submitted_at = (select max(c.occurred_at) from pair_year_change c
        where c.pairing_id = pair_year.pairing_id and c.calendar_year = pair_year.calendar_year and c.action = 'SUBMIT')
    where ever_submitted;
-- The approval inbox filters by level and year; the calendar by year and state.
create index pair_year_awaiting_idx on pair_year (awaiting_level, calendar_year, pairing_id);
create index pair_year_year_state_idx on pair_year (calendar_year, actuals_state, pairing_id);

-- The approvals in force of a pair-year: one per level and side (the industrial or mountain county, or the city
-- above each; PROVINCE for the province). A return or a change of the actuals removes them; the history keeps all.
create sequence pair_year_approval_seq start with 1001 increment by 50;
create table pair_year_approval (
    id             bigint        not null,
    pair_year_id   bigint        not null,
    approval_level varchar(16)   not null,
    side           varchar(16)   not null,
    actor          varchar(100)  not null,
    approved_at    timestamp with time zone not null,
    comment        varchar(1000),
    constraint pair_year_approval_pk primary key (id),
    constraint pair_year_approval_pair_year_fk foreign key (pair_year_id) references pair_year (id),
    constraint pair_year_approval_once unique (pair_year_id, approval_level, side),
    constraint pair_year_approval_level_check check (approval_level in ('PAIR_COUNTIES', 'CITY', 'PROVINCE')),
    constraint pair_year_approval_side_check check (side in ('INDUSTRIAL', 'MOUNTAIN', 'PROVINCE'))
);

-- History entries of a step name its level and side; CONFIRM (a county's) and WITHDRAW (an approval taken back
-- by a change of the actuals) are new steps.
alter table pair_year_change add column approval_level varchar(16);
alter table pair_year_change add column side varchar(16);
alter table pair_year_change drop constraint pair_year_change_action_check;
alter table pair_year_change add constraint pair_year_change_action_check
    check (action in ('SET', 'REMOVE', 'SUBMIT', 'CONFIRM', 'APPROVE', 'RETURN', 'WITHDRAW'));

-- The reporting calendar: a programme's reporting periods of a year with their due dates.
create sequence reporting_period_seq start with 1001 increment by 50;
create table reporting_period (
    id             bigint     not null,
    program_id     bigint     not null,
    calendar_year  integer    not null,
    period         varchar(8) not null,
    due_on         date       not null,
    constraint reporting_period_pk primary key (id),
    constraint reporting_period_program_fk foreign key (program_id) references program (id) on delete cascade,
    constraint reporting_period_once unique (program_id, calendar_year, period),
    constraint reporting_period_period_check check (period in ('ANNUAL', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'))
);
