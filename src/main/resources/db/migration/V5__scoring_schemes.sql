-- Scoring schemes (考核评价办法), versioned per programme and year. The rules are one JSON document:
-- a published scheme is immutable, and a change is a new version, so the document never needs patching.

create sequence scoring_scheme_seq start with 1001 increment by 50;
create table scoring_scheme (
    id             bigint        not null,
    program_id     bigint        not null,
    calendar_year  integer       not null,
    number         integer       not null,
    status         varchar(16)   not null,
    name           varchar(200)  not null,
    description    varchar(2000),
    example        boolean       not null default false,
    rules          varchar(200000) not null,
    published_at   timestamp with time zone,
    published_by   varchar(100),
    version        bigint        not null default 0,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint scoring_scheme_pk primary key (id),
    constraint scoring_scheme_program_fk foreign key (program_id) references program (id),
    constraint scoring_scheme_number_once unique (program_id, calendar_year, number),
    constraint scoring_scheme_status_check check (status in ('DRAFT', 'PUBLISHED'))
);
create index scoring_scheme_status_idx on scoring_scheme (program_id, calendar_year, status, number);
