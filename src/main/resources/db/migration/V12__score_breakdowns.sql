-- Every breakdown an assessment held, stored once and never changed (org.tandem.assessment.ScoreBreakdown). An
-- assessment refers to its current breakdown, and its audit events name the breakdowns before and after a change
-- by id instead of carrying both texts: a run that rewrites 2,000 assessments wrote each breakdown three times
-- (the row, and the event's before and after), about 30 MB on H2, and now writes it once.
-- V13 moves the breakdowns already there; V14 makes the reference required and drops the old column.

create sequence score_breakdown_seq start with 1001 increment by 50;
create table score_breakdown (
    id         bigint          not null,
    digest     varchar(64)     not null,
    body       varchar(200000) not null,
    created_at timestamp with time zone not null,
    constraint score_breakdown_pk primary key (id)
);

alter table assessment add column breakdown_id bigint;
