-- Spreadsheet imports (org.tandem.spreadsheet): each import that changed data leaves a record of who imported
-- which file (name and SHA-256), of what kind, when, and what it did.
create sequence import_record_seq start with 1001 increment by 50;
create table import_record (
    id           bigint                   not null,
    kind         varchar(32)              not null,
    file_name    varchar(255)             not null,
    sha256       varchar(64)              not null,
    media_type   varchar(100)             not null,
    actor        varchar(100)             not null,
    imported_at  timestamp with time zone not null,
    request_id   varchar(64),
    rows_read    integer                  not null,
    created      integer                  not null,
    updated      integer                  not null,
    unchanged    integer                  not null,
    constraint import_record_pk primary key (id)
);
create index import_record_actor_idx on import_record (actor, imported_at);

-- What an audited change was part of, e.g. "import:1001": every event of an import's transaction names it.
alter table audit_event add column context varchar(100);
create index audit_event_context_idx on audit_event (context, occurred_at);
