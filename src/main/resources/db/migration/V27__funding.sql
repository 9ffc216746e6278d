-- Funding: allocation rules (versioned per programme-year, immutable once published), allocations computed from
-- finalized assessments, and the append-only ledger of what each pair was allocated, paid and clawed back.

create sequence allocation_rule_seq start with 1001 increment by 50;
create table allocation_rule (
    id             bigint        not null,
    program_id     bigint        not null,
    calendar_year  integer       not null,
    number         integer       not null,
    status         varchar(16)   not null,
    name           varchar(200)  not null,
    description    varchar(2000),
    example        boolean       not null default false,
    terms          varchar(20000) not null,
    published_at   timestamp with time zone,
    published_by   varchar(100),
    version        bigint        not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint allocation_rule_pk primary key (id),
    constraint allocation_rule_program_fk foreign key (program_id) references program (id),
    constraint allocation_rule_number_once unique (program_id, calendar_year, number),
    constraint allocation_rule_status_check check (status in ('DRAFT', 'PUBLISHED'))
);
create index allocation_rule_status_idx on allocation_rule (program_id, calendar_year, status, number);

create sequence allocation_seq start with 1001 increment by 50;
create table allocation (
    id             bigint         not null,
    program_id     bigint         not null,
    calendar_year  integer        not null,
    rule_id        bigint         not null,
    status         varchar(16)    not null,
    total          numeric(18, 2) not null,
    reserve        numeric(18, 2) not null,
    inputs_digest  varchar(64)    not null,
    breakdown      varchar(200000) not null,
    computed_by    varchar(100)   not null,
    approved_at    timestamp with time zone,
    approved_by    varchar(100),
    version        bigint         not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint allocation_pk primary key (id),
    constraint allocation_program_fk foreign key (program_id) references program (id),
    constraint allocation_rule_fk foreign key (rule_id) references allocation_rule (id),
    constraint allocation_status_check check (status in ('DRAFT', 'APPROVED'))
);
create index allocation_program_year_idx on allocation (program_id, calendar_year, status, id);
create index allocation_rule_idx on allocation (rule_id);

-- Append-only: entries are inserted, never updated or deleted; a correction is an entry that reverses another.
-- amount is signed: what the entry adds to its effect (a correction: the reversed entry's amount, negated).
create sequence ledger_entry_seq start with 1001 increment by 50;
create table ledger_entry (
    id              bigint         not null,
    program_id      bigint         not null,
    pairing_id      bigint         not null,
    calendar_year   integer        not null,
    kind            varchar(16)    not null,
    effect          varchar(16)    not null,
    amount          numeric(18, 2) not null,
    track_code      varchar(32),
    allocation_id   bigint,
    assessment_id   bigint,
    reverses_id     bigint,
    paid_on         date,
    reference       varchar(200),
    reason          varchar(1000),
    override        boolean        not null default false,
    recorded_by     varchar(100)   not null,
    created_at      timestamp with time zone not null,
    constraint ledger_entry_pk primary key (id),
    constraint ledger_entry_program_fk foreign key (program_id) references program (id),
    constraint ledger_entry_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint ledger_entry_track_fk foreign key (track_code) references track (code),
    constraint ledger_entry_allocation_fk foreign key (allocation_id) references allocation (id),
    constraint ledger_entry_assessment_fk foreign key (assessment_id) references assessment (id),
    constraint ledger_entry_reverses_fk foreign key (reverses_id) references ledger_entry (id),
    -- An entry is reversed at most once, even by two corrections racing.
    constraint ledger_entry_reversed_once unique (reverses_id),
    constraint ledger_entry_kind_check check (kind in ('ALLOCATION', 'DISBURSEMENT', 'CLAWBACK', 'CORRECTION')),
    constraint ledger_entry_effect_check check (effect in ('ALLOCATION', 'DISBURSEMENT', 'CLAWBACK'))
);
create index ledger_entry_program_year_idx on ledger_entry (program_id, calendar_year, pairing_id, effect);
create index ledger_entry_pairing_idx on ledger_entry (pairing_id, calendar_year, effect);
create index ledger_entry_kind_idx on ledger_entry (program_id, kind, id);
create index ledger_entry_track_idx on ledger_entry (track_code);
create index ledger_entry_allocation_idx on ledger_entry (allocation_id);
create index ledger_entry_assessment_idx on ledger_entry (assessment_id);

-- An EXAMPLE allocation rule for ZJ-MFG-2023, year 2023, shipped as a DRAFT. The official split of the 1.8 billion
-- CNY a year is not public: this rule only shows how one is written, is marked example = true, and must be replaced
-- by the province's own before any allocation counts. Its grade codes are those of the example scoring scheme (V6).
insert into allocation_rule (id, program_id, calendar_year, number, status, name, description, example, terms,
        version, created_at, updated_at) values
(1, 1, 2023, 1, 'DRAFT', '2023年度资金分配规则（示例，非官方）',
    'Example only: the shares, coefficients and clawback are illustrative, not the official 资金分配办法.', true,
    '{"total":1800000000.00,"basePercent":40,"gradeCoefficients":[{"grade":"EXCELLENT","coefficient":1.5},{"grade":"GOOD","coefficient":1.2},{"grade":"PASS","coefficient":1.0},{"grade":"FAIL","coefficient":0}],"failedKeepsBase":false,"capPerPair":null,"mountainPercent":null,"clawbackPercent":100}',
    0, current_timestamp, current_timestamp);
