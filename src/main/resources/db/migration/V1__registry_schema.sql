-- Registry: counties, tracks, programmes, their designated counties and the pairings.
-- Written in SQL that H2 (embedded default) and PostgreSQL (production) both run.

create table county (
    code        varchar(6)  not null,
    name        varchar(64) not null,
    city_code   varchar(6)  not null,
    city_name   varchar(64) not null,
    category    varchar(16) not null,
    constraint county_pk primary key (code),
    constraint county_category_check check (category in ('INDUSTRIAL', 'MOUNTAIN', 'OTHER'))
);
create index county_city_idx on county (city_code);
create index county_category_idx on county (category);

create table track (
    code        varchar(32)   not null,
    position    integer       not null,
    name_zh     varchar(64)   not null,
    name_en     varchar(128)  not null,
    description varchar(1000),
    constraint track_pk primary key (code),
    constraint track_position_key unique (position)
);

create sequence program_seq start with 1001 increment by 50;
create table program (
    id            bigint       not null,
    code          varchar(32)  not null,
    name          varchar(200) not null,
    start_year    integer      not null,
    end_year      integer      not null,
    annual_budget numeric(18, 2),
    version       bigint       not null default 0,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint program_pk primary key (id),
    constraint program_code_key unique (code),
    constraint program_years_check check (end_year >= start_year),
    constraint program_budget_check check (annual_budget >= 0)
);

create table program_county (
    program_id  bigint      not null,
    county_code varchar(6)  not null,
    role        varchar(16) not null,
    constraint program_county_pk primary key (program_id, county_code),
    constraint program_county_program_fk foreign key (program_id) references program (id),
    constraint program_county_county_fk foreign key (county_code) references county (code),
    constraint program_county_role_check check (role in ('INDUSTRIAL', 'MOUNTAIN'))
);
create index program_county_county_idx on program_county (county_code);

create sequence pairing_seq start with 1001 increment by 50;
create table pairing (
    id                     bigint      not null,
    program_id             bigint      not null,
    industrial_county_code varchar(6)  not null,
    mountain_county_code   varchar(6)  not null,
    formed_on              date,
    status                 varchar(16) not null,
    evidence               varchar(16),
    source_note            varchar(2000),
    version                bigint      not null default 0,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint pairing_pk primary key (id),
    constraint pairing_program_fk foreign key (program_id) references program (id),
    constraint pairing_industrial_fk foreign key (industrial_county_code) references county (code),
    constraint pairing_mountain_fk foreign key (mountain_county_code) references county (code),
    -- The database, not only the service, keeps a county in at most one pairing per programme,
    -- so two instances racing to pair the same county cannot both win.
    constraint pairing_industrial_once unique (program_id, industrial_county_code),
    constraint pairing_mountain_once unique (program_id, mountain_county_code),
    constraint pairing_sides_differ check (industrial_county_code <> mountain_county_code),
    constraint pairing_status_check check (status in ('ACTIVE', 'SUSPENDED', 'DISSOLVED')),
    constraint pairing_evidence_check check (evidence in ('EXPLICIT', 'IMPLIED'))
);
create index pairing_program_status_idx on pairing (program_id, status, id);
create index pairing_industrial_idx on pairing (industrial_county_code);
create index pairing_mountain_idx on pairing (mountain_county_code);
