-- Users of the built-in identity provider, the key it signs tokens with, and the audit trail.

create sequence app_user_seq start with 1001 increment by 50;
create table app_user (
    id              bigint       not null,
    username        varchar(100) not null,
    display_name    varchar(200),
    kind            varchar(16)  not null,
    password_hash   varchar(100) not null,
    county_code     varchar(6),
    enabled         boolean      not null,
    failed_logins   integer      not null default 0,
    locked_until    timestamp with time zone,
    version         bigint       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint app_user_pk primary key (id),
    constraint app_user_username_key unique (username),
    constraint app_user_county_fk foreign key (county_code) references county (code),
    constraint app_user_kind_check check (kind in ('PERSON', 'SERVICE'))
);

create table app_user_role (
    user_id bigint      not null,
    role    varchar(32) not null,
    constraint app_user_role_pk primary key (user_id, role),
    constraint app_user_role_user_fk foreign key (user_id) references app_user (id),
    constraint app_user_role_check check (role in ('admin', 'assessor', 'county-editor', 'viewer'))
);

-- Generated on first start and kept with the data, so every instance sharing the database signs and
-- verifies with the same key. Never shipped, never a default.
create table signing_key (
    kid         varchar(64)  not null,
    private_key varchar(4000) not null,
    public_key  varchar(1000) not null,
    created_at  timestamp with time zone not null,
    constraint signing_key_pk primary key (kid)
);

-- Append-only: the service inserts, and no endpoint updates or deletes.
create sequence audit_event_seq start with 1 increment by 1;
create table audit_event (
    id           bigint          not null,
    occurred_at  timestamp with time zone not null,
    actor        varchar(100)    not null,
    action       varchar(32)     not null,
    entity_type  varchar(64)     not null,
    entity_id    varchar(100),
    before_state varchar(200000),
    after_state  varchar(200000),
    request_id   varchar(64),
    constraint audit_event_pk primary key (id)
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, occurred_at);
create index audit_event_actor_idx on audit_event (actor, occurred_at);
create index audit_event_time_idx on audit_event (occurred_at);
