-- Notifications (org.tandem.notification): an outbox of events that need someone's action, each recorded once in
-- the transaction of its cause, with who may see it; each user's read marks; admins' webhooks and their deliveries.

create sequence notification_seq start with 1 increment by 50;
create table notification (
    id            bigint                   not null,
    occurred_at   timestamp with time zone not null,
    event_type    varchar(40)              not null,
    subject_type  varchar(40)              not null,
    subject_id    varchar(100)             not null,
    pairing_id    bigint,
    calendar_year integer,
    actor         varchar(100)             not null,
    request_id    varchar(64),
    data          varchar(8000)            not null,
    constraint notification_pk primary key (id)
);
-- The feed of admins (everything), newest first.
create index notification_newest_idx on notification (occurred_at, id);
-- A pairing's events (the feed's filter pairing).
create index notification_pairing_idx on notification (pairing_id, occurred_at);

-- Who may see an event, written with it: role:<role>, county:<code> (later e.g. city:<code>). Admins see all.
create table notification_audience (
    audience        varchar(48) not null,
    notification_id bigint      not null,
    constraint notification_audience_pk primary key (audience, notification_id),
    constraint notification_audience_notification_fk foreign key (notification_id) references notification (id)
);
create index notification_audience_notification_idx on notification_audience (notification_id);

-- What each user has read; absent = unread.
create table notification_read (
    username        varchar(100)             not null,
    notification_id bigint                   not null,
    read_at         timestamp with time zone not null,
    constraint notification_read_pk primary key (username, notification_id),
    constraint notification_read_notification_fk foreign key (notification_id) references notification (id)
);

create sequence webhook_seq start with 1 increment by 50;
create table webhook (
    id          bigint                   not null,
    url         varchar(2000)            not null,
    secret      varchar(200)             not null,
    description varchar(500),
    active      boolean                  not null,
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint webhook_pk primary key (id)
);

create table webhook_event_type (
    webhook_id bigint      not null,
    event_type varchar(40) not null,
    constraint webhook_event_type_pk primary key (webhook_id, event_type),
    constraint webhook_event_type_webhook_fk foreign key (webhook_id) references webhook (id) on delete cascade
);
-- Which webhooks want an event: read once per recorded event.
create index webhook_event_type_by_type_idx on webhook_event_type (event_type, webhook_id);

-- One event to one webhook. PENDING → DELIVERED, or RETRYING (again at next_attempt_at) → ... → DEAD. A sender
-- claims a due delivery by setting its lease; a lease that ran out (the sender is gone) lets another claim it.
create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id              bigint                   not null,
    webhook_id      bigint                   not null,
    notification_id bigint                   not null,
    state           varchar(16)              not null,
    attempts        integer                  not null,
    next_attempt_at timestamp with time zone not null,
    lease_owner     varchar(64),
    lease_until     timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_status     integer,
    last_error      varchar(500),
    delivered_at    timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint webhook_delivery_pk primary key (id),
    constraint webhook_delivery_once unique (webhook_id, notification_id),
    constraint webhook_delivery_webhook_fk foreign key (webhook_id) references webhook (id) on delete cascade,
    constraint webhook_delivery_notification_fk foreign key (notification_id) references notification (id)
);
-- The due ones, by state and time; a webhook's own, newest first.
create index webhook_delivery_due_idx on webhook_delivery (state, next_attempt_at);
create index webhook_delivery_by_webhook_idx on webhook_delivery (webhook_id, id);
create index webhook_delivery_by_webhook_state_idx on webhook_delivery (webhook_id, state, id);
create index webhook_delivery_notification_idx on webhook_delivery (notification_id);
