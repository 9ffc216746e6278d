-- Evidence documents (org.tandem.document): files behind the figures, attached to a project, an activity, a park,
-- a pair-year's actuals or an assessment adjustment. Kept in the database with the data (so a backup holds them
-- too), as rows of chunks that H2 and PostgreSQL store alike; nothing is ever overwritten: a replacement is a new
-- version, a deletion is a mark with a reason.

-- A document: what it is attached to and its current version. The subject is named by kind and id (the record's
-- own table is not referenced: a document outlives the record's deletion as evidence of what was there); for
-- ACTUALS the subject id is the pairing and the year is the subject's year. Every document names its pairing and
-- the pair-year it counts against (for the per pair-year limit).
create sequence document_seq start with 1001 increment by 50;
create table document (
    id              bigint                   not null,
    pairing_id      bigint                   not null,
    subject_kind    varchar(16)              not null,
    subject_id      bigint                   not null,
    calendar_year   integer                  not null,
    current_version integer                  not null,
    deleted_at      timestamp with time zone,
    deleted_by      varchar(100),
    delete_reason   varchar(1000),
    version         bigint                   not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint document_pk primary key (id),
    constraint document_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint document_subject_kind_check
        check (subject_kind in ('PROJECT', 'ACTIVITY', 'PARK', 'ACTUALS', 'ADJUSTMENT', 'OBJECTION')),
    constraint document_version_check check (current_version >= 1)
);
-- The list of a record's documents (by kind, id and, for actuals, year), in id order.
create index document_subject_idx on document (subject_kind, subject_id, calendar_year, id);
-- The per pair-year total.
create index document_pairing_year_idx on document (pairing_id, calendar_year);

-- Each version of a document's content, as uploaded: the name the client gave, the media type detected from
-- the bytes, size, SHA-256, who uploaded it and when.
create sequence document_version_seq start with 1001 increment by 50;
create table document_version (
    id           bigint                   not null,
    document_id  bigint                   not null,
    number       integer                  not null,
    file_name    varchar(255)             not null,
    media_type   varchar(100)             not null,
    size_bytes   bigint                   not null,
    sha256       varchar(64)              not null,
    chunk_size   integer                  not null,
    uploaded_by  varchar(100)             not null,
    uploaded_at  timestamp with time zone not null,
    constraint document_version_pk primary key (id),
    constraint document_version_document_fk foreign key (document_id) references document (id),
    constraint document_version_once unique (document_id, number),
    constraint document_version_size_check check (size_bytes >= 0 and chunk_size > 0)
);

-- The bytes of each version, in order: chunk seq holds bytes [seq * chunk_size, (seq + 1) * chunk_size). Written
-- before the version's row (the hash and size are known only at the end of the stream), in the same transaction,
-- so the key names the document and the version's number; the primary key is the index every read uses.
create table document_chunk (
    document_id    bigint  not null,
    version_number integer not null,
    seq            integer not null,
    data           bytea   not null,
    constraint document_chunk_pk primary key (document_id, version_number, seq),
    constraint document_chunk_document_fk foreign key (document_id) references document (id)
);
