-- A finalized assessment locks its pair's data of that year (targets, actuals and the records the derived values
-- come from). The lock is a row of its own, next to the pairing whose data it locks: finalizing an assessment writes
-- it, reopening removes it, and every write of such data reads only this table. The assessments finalized before
-- are given their locks here.
create table pairing_year_lock (
    pairing_id     bigint  not null,
    calendar_year  integer not null,
    assessment_id  bigint  not null,
    constraint pairing_year_lock_pk primary key (pairing_id, calendar_year),
    constraint pairing_year_lock_pairing_fk foreign key (pairing_id) references pairing (id),
    constraint pairing_year_lock_assessment_fk foreign key (assessment_id) references assessment (id)
);

insert into pairing_year_lock (pairing_id, calendar_year, assessment_id)
    select pairing_id, calendar_year, id from assessment where status = 'FINALIZED';
