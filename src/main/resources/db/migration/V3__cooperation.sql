-- Cooperation along the six tracks: projects, activities and parks under a pairing.

create sequence cooperation_project_seq start with 1001 increment by 50;
create table cooperation_project (
    id                     bigint       not null,
    pairing_id             bigint       not null,
    track_code             varchar(32)  not null,
    title                  varchar(200) not null,
    lead_enterprise        varchar(200),
    host_county_code       varchar(6)   not null,
    investment             numeric(18, 2),
    expected_annual_output numeric(18, 2),
    expected_annual_tax    numeric(18, 2),
    status                 varchar(24)  not null,
    -- The date each step of the lifecycle was reached; null until it is.
    planned_on             date         not null,
    signed_on              date,
    construction_started_on date,
    production_started_on  date,
    cancelled_on           date,
    description            varchar(2000),
    version                bigint       not null default 0,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint cooperation_project_pk primary key (id),
    constraint cooperation_project_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint cooperation_project_track_fk foreign key (track_code) references track (code),
    constraint cooperation_project_host_fk foreign key (host_county_code) references county (code),
    constraint cooperation_project_status_check
        check (status in ('PLANNED', 'SIGNED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'CANCELLED')),
    constraint cooperation_project_amounts_check
        check (investment >= 0 and expected_annual_output >= 0 and expected_annual_tax >= 0)
);
create index cooperation_project_pairing_idx on cooperation_project (pairing_id, track_code);
create index cooperation_project_track_idx on cooperation_project (track_code, status);
create index cooperation_project_status_idx on cooperation_project (status);
create index cooperation_project_host_idx on cooperation_project (host_county_code);

create sequence cooperation_activity_seq start with 1001 increment by 50;
create table cooperation_activity (
    id           bigint       not null,
    pairing_id   bigint       not null,
    track_code   varchar(32)  not null,
    kind         varchar(32)  not null,
    held_on      date         not null,
    title        varchar(200) not null,
    participants integer,
    enterprises  integer,
    amount       numeric(18, 2),
    description  varchar(2000),
    version      bigint       not null default 0,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint cooperation_activity_pk primary key (id),
    constraint cooperation_activity_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint cooperation_activity_track_fk foreign key (track_code) references track (code),
    constraint cooperation_activity_kind_check check (kind in ('DOCKING_MEETING', 'TRAINING',
        'ENTERPRISE_DIAGNOSIS', 'CADRE_SECONDMENT', 'SIGNED_AGREEMENT', 'OTHER')),
    constraint cooperation_activity_counts_check check (participants >= 0 and enterprises >= 0 and amount >= 0)
);
create index cooperation_activity_pairing_idx on cooperation_activity (pairing_id, held_on);
create index cooperation_activity_track_idx on cooperation_activity (track_code, kind);

create sequence cooperation_park_seq start with 1001 increment by 50;
create table cooperation_park (
    id               bigint       not null,
    pairing_id       bigint       not null,
    name             varchar(200) not null,
    host_county_code varchar(6)   not null,
    established_on   date,
    area_mu          numeric(12, 2),
    focus_industry   varchar(200),
    version          bigint       not null default 0,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint cooperation_park_pk primary key (id),
    constraint cooperation_park_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint cooperation_park_host_fk foreign key (host_county_code) references county (code),
    constraint cooperation_park_area_check check (area_mu >= 0)
);
create index cooperation_park_pairing_idx on cooperation_park (pairing_id);
