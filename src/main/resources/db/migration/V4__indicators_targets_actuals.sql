-- Indicators (指标) with the default catalogue, yearly targets and actuals per pairing, the actuals
-- workflow per pair-year, and the history of every change.

create table indicator (
    code                   varchar(48)  not null,
    track_code             varchar(32)  not null,
    name_zh                varchar(100) not null,
    name_en                varchar(200) not null,
    unit                   varchar(16)  not null,
    direction              varchar(24)  not null,
    source                 varchar(16)  not null,
    -- For a DERIVED indicator: what it is computed from; all null for a REPORTED one.
    derived_from           varchar(16),
    derived_aggregate      varchar(8),
    derived_measure        varchar(32),
    derived_any_track      boolean,
    derived_project_status varchar(24),
    -- Comma-separated ActivityKind names; null means any kind.
    derived_activity_kinds varchar(200),
    active                 boolean      not null default true,
    description            varchar(1000),
    version                bigint       not null default 0,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint indicator_pk primary key (code),
    constraint indicator_track_fk foreign key (track_code) references track (code),
    constraint indicator_direction_check check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    constraint indicator_source_check check (source in ('REPORTED', 'DERIVED')),
    constraint indicator_from_check check (derived_from in ('PROJECT', 'ACTIVITY')),
    constraint indicator_aggregate_check check (derived_aggregate in ('COUNT', 'SUM')),
    constraint indicator_derivation_check check (
        (source = 'REPORTED' and derived_from is null and derived_aggregate is null and derived_measure is null
            and derived_project_status is null and derived_activity_kinds is null)
        or (source = 'DERIVED' and derived_from is not null and derived_aggregate is not null
            and derived_any_track is not null))
);
create index indicator_track_idx on indicator (track_code, code);
create index indicator_source_idx on indicator (source);

-- The actuals workflow of one pairing in one year; created on the first write.
create sequence pair_year_seq start with 1001 increment by 50;
create table pair_year (
    id             bigint      not null,
    pairing_id     bigint      not null,
    calendar_year integer     not null,
    actuals_state  varchar(16) not null,
    -- Once true, every change of a value of this pair-year needs a reason.
    ever_submitted boolean     not null default false,
    version        bigint      not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint pair_year_pk primary key (id),
    constraint pair_year_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint pair_year_once unique (pairing_id, calendar_year),
    constraint pair_year_state_check check (actuals_state in ('DRAFT', 'SUBMITTED', 'APPROVED'))
);

-- Targets and reported actuals: one row per (pairing, year, kind, indicator).
create sequence indicator_value_seq start with 1001 increment by 50;
create table indicator_value (
    id             bigint         not null,
    pairing_id     bigint         not null,
    calendar_year integer        not null,
    kind           varchar(8)     not null,
    indicator_code varchar(48)    not null,
    quantity       numeric(20, 4) not null,
    version        bigint         not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint indicator_value_pk primary key (id),
    constraint indicator_value_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint indicator_value_indicator_fk foreign key (indicator_code) references indicator (code),
    constraint indicator_value_once unique (pairing_id, calendar_year, kind, indicator_code),
    constraint indicator_value_kind_check check (kind in ('TARGET', 'ACTUAL')),
    constraint indicator_value_quantity_check check (quantity >= 0)
);
create index indicator_value_indicator_idx on indicator_value (indicator_code, kind);

-- Every change of a target or an actual, and every workflow step, kept for good.
create sequence pair_year_change_seq start with 1001 increment by 50;
create table pair_year_change (
    id             bigint         not null,
    pairing_id     bigint         not null,
    calendar_year integer        not null,
    kind           varchar(8)     not null,
    action         varchar(8)     not null,
    indicator_code varchar(48),
    old_value      numeric(20, 4),
    new_value      numeric(20, 4),
    from_state     varchar(16),
    to_state       varchar(16),
    reason         varchar(1000),
    actor          varchar(100)   not null,
    occurred_at    timestamp with time zone not null,
    constraint pair_year_change_pk primary key (id),
    constraint pair_year_change_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint pair_year_change_indicator_fk foreign key (indicator_code) references indicator (code),
    constraint pair_year_change_kind_check check (kind in ('TARGET', 'ACTUAL', 'WORKFLOW')),
    constraint pair_year_change_action_check check (action in ('SET', 'REMOVE', 'SUBMIT', 'APPROVE', 'RETURN'))
);
create index pair_year_change_time_idx on pair_year_change (pairing_id, calendar_year, occurred_at);
create index pair_year_change_kind_idx on pair_year_change (pairing_id, calendar_year, kind, occurred_at);
create index pair_year_change_indicator_idx on pair_year_change (pairing_id, calendar_year, indicator_code, occurred_at);
create index pair_year_change_code_idx on pair_year_change (indicator_code);

-- The default catalogue: at least two indicators per track. Derived ones turn the pair's projects and
-- activities of the year into figures, so nothing is typed in twice. Money is in CNY.
insert into indicator (code, track_code, name_zh, name_en, unit, direction, source, derived_from,
        derived_aggregate, derived_measure, derived_any_track, derived_project_status, derived_activity_kinds,
        active, description, version, created_at, updated_at) values
('PROJECTS_SIGNED', 'PROJECT_COOP', '签约合作项目数', 'Cooperation projects signed', '个', 'HIGHER_IS_BETTER',
    'DERIVED', 'PROJECT', 'COUNT', null, false, 'SIGNED', null, true,
    'Projects of the track whose signing date falls in the year.', 0, current_timestamp, current_timestamp),
('PROJECTS_IN_PRODUCTION', 'PROJECT_COOP', '投产合作项目数', 'Cooperation projects in production', '个',
    'HIGHER_IS_BETTER', 'DERIVED', 'PROJECT', 'COUNT', null, false, 'IN_PRODUCTION', null, true,
    'Projects of the track that started production in the year.', 0, current_timestamp, current_timestamp),
('EXPECTED_OUTPUT_IN_PRODUCTION', 'PROJECT_COOP', '投产项目预计年产值', 'Expected annual output of projects in production',
    'CNY', 'HIGHER_IS_BETTER', 'DERIVED', 'PROJECT', 'SUM', 'EXPECTED_ANNUAL_OUTPUT', false, 'IN_PRODUCTION', null,
    true, 'Sum of the expected annual output at full capacity of the projects that started production in the year.',
    0, current_timestamp, current_timestamp),
('EXPECTED_TAX_IN_PRODUCTION', 'PROJECT_COOP', '投产项目预计年税收', 'Expected annual tax of projects in production',
    'CNY', 'HIGHER_IS_BETTER', 'DERIVED', 'PROJECT', 'SUM', 'EXPECTED_ANNUAL_TAX', false, 'IN_PRODUCTION', null,
    true, 'Sum of the expected annual tax of the projects that started production in the year.',
    0, current_timestamp, current_timestamp),
('CHAIN_DOCKING_MEETINGS', 'CHAIN_COLLAB', '产业链对接活动次数', 'Supply-chain docking meetings', '次',
    'HIGHER_IS_BETTER', 'DERIVED', 'ACTIVITY', 'COUNT', null, false, null, 'DOCKING_MEETING', true,
    'Docking meetings held under the track in the year.', 0, current_timestamp, current_timestamp),
('SUPPLY_CONTRACTS_VALUE', 'CHAIN_COLLAB', '产业链配套合同金额', 'Value of supply contracts concluded', 'CNY',
    'HIGHER_IS_BETTER', 'REPORTED', null, null, null, null, null, null, true,
    'Upstream/downstream supply contracts between firms of the two counties, as reported.',
    0, current_timestamp, current_timestamp),
('ENTERPRISES_RELOCATED', 'ORDERLY_TRANSFER', '有序转移企业数', 'Enterprises relocated', '家',
    'HIGHER_IS_BETTER', 'REPORTED', null, null, null, null, null, null, true,
    'Firms of the industrial county that moved or expanded capacity into the mountain county, as reported.',
    0, current_timestamp, current_timestamp),
('TRANSFER_INVESTMENT_SIGNED', 'ORDERLY_TRANSFER', '转移项目签约投资额', 'Investment of transfer projects signed',
    'CNY', 'HIGHER_IS_BETTER', 'DERIVED', 'PROJECT', 'SUM', 'INVESTMENT', false, 'SIGNED', null, true,
    'Sum of the investment of the track''s projects signed in the year.', 0, current_timestamp, current_timestamp),
('INVESTMENT_LEADS_SHARED', 'INVEST_INFO', '共享招商信息条数', 'Investment leads shared', '条',
    'HIGHER_IS_BETTER', 'REPORTED', null, null, null, null, null, null, true,
    'Investment-promotion leads passed to the partner county, as reported.', 0, current_timestamp, current_timestamp),
('JOINT_PROMOTION_EVENTS', 'INVEST_INFO', '联合招商活动次数', 'Joint investment-promotion events', '次',
    'HIGHER_IS_BETTER', 'DERIVED', 'ACTIVITY', 'COUNT', null, false, null, 'DOCKING_MEETING,SIGNED_AGREEMENT', true,
    'Docking meetings and signed agreements held under the track in the year.',
    0, current_timestamp, current_timestamp),
('ENTERPRISES_DIAGNOSED', 'DIGITAL_ASSIST', '诊断企业数', 'Enterprises diagnosed', '家',
    'HIGHER_IS_BETTER', 'DERIVED', 'ACTIVITY', 'SUM', 'ENTERPRISES', true, null, 'ENTERPRISE_DIAGNOSIS', true,
    'Enterprises covered by enterprise diagnoses in the year, under whichever track they were recorded.',
    0, current_timestamp, current_timestamp),
('LEAN_BENCHMARK_PROJECTS', 'DIGITAL_ASSIST', '精益管理标杆项目数', 'Lean-management benchmark projects', '个',
    'HIGHER_IS_BETTER', 'REPORTED', null, null, null, null, null, null, true,
    'Lean-management benchmark projects established, as reported.', 0, current_timestamp, current_timestamp),
('CADRES_SECONDED', 'FACTOR_RECIPROCITY', '互派挂职干部人次', 'Cadre secondments', '人次',
    'HIGHER_IS_BETTER', 'DERIVED', 'ACTIVITY', 'COUNT', null, true, null, 'CADRE_SECONDMENT', true,
    'Cadre secondments recorded in the year, under whichever track.', 0, current_timestamp, current_timestamp),
('TRAINING_PARTICIPANTS', 'FACTOR_RECIPROCITY', '培训人次', 'Training participants', '人次',
    'HIGHER_IS_BETTER', 'DERIVED', 'ACTIVITY', 'SUM', 'PARTICIPANTS', true, null, 'TRAINING', true,
    'Participants of the trainings held in the year, under whichever track.', 0, current_timestamp, current_timestamp),
('LAND_QUOTA_MU', 'FACTOR_RECIPROCITY', '调剂用地指标', 'Land quota exchanged', '亩',
    'HIGHER_IS_BETTER', 'REPORTED', null, null, null, null, null, null, true,
    'Construction-land quota exchanged between the two counties, in mu, as reported.',
    0, current_timestamp, current_timestamp),
('LAND_APPROVAL_DAYS', 'FACTOR_RECIPROCITY', '合作项目用地审批平均天数', 'Average land approval time for cooperation projects',
    '天', 'LOWER_IS_BETTER', 'REPORTED', null, null, null, null, null, null, true,
    'Average days from application to land approval for cooperation projects, as reported; fewer is better.',
    0, current_timestamp, current_timestamp);
