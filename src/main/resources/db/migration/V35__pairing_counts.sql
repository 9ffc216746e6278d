-- How many pairings each programme has, so that a page of a programme's pairings (filtered by nothing else) tells
-- its total from one row instead of counting them at every read (H2 walks every index entry of the programme:
-- 0.3-1.6 ms at 2,000 pairings, most of the page's cost computed afresh). org.tandem.registry.PairingCounts keeps
-- it: a programme gets its row at 0 when created, and each creation or deletion of one of its pairings moves it by
-- one in the same transaction; the update holds the row to the commit, so concurrent writers take turns and none
-- is lost. A programme without a row (none is left so by the service) is counted as before.
create table pairing_count (
    program_id bigint  not null,
    pairings   integer not null,
    constraint pairing_count_pk primary key (program_id),
    constraint pairing_count_program_fk foreign key (program_id) references program (id) on delete cascade
);

insert into pairing_count (program_id, pairings)
    select g.id, (select count(*) from pairing p where p.program_id = g.id) from program g;
