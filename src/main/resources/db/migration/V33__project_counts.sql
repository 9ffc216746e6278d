-- How many projects had a step in each programme, year, track and status: the rows of project_year grouped by
-- those columns, so that a page of the projects list filtered by year (and by programme, track or status) tells
-- its total from a few rows instead of counting every matching row of project_year at every read (H2 walks every
-- index entry of the range: 3,683 entries and about 1.3 ms for one track and status of a 2,000-pair programme).
-- org.tandem.cooperation.ProjectYears keeps it in the transaction that writes a project's years: it adds the
-- difference between the rows it removed and those it wrote, key by key in key order; a key no row had before is
-- inserted with 0 first, under the lock of project_count_lock's one row, so that two writers never insert the same
-- key. A key whose projects all left keeps its row at 0.
create table project_count (
    program_id    bigint      not null,
    calendar_year integer     not null,
    track_code    varchar(32) not null,
    status        varchar(24) not null,
    projects      integer     not null,
    constraint project_count_pk primary key (program_id, calendar_year, track_code, status),
    constraint project_count_program_fk foreign key (program_id) references program (id) on delete cascade
);

create table project_count_lock (
    id integer not null,
    constraint project_count_lock_pk primary key (id)
);
insert into project_count_lock (id) values (1);

insert into project_count (program_id, calendar_year, track_code, status, projects)
    select program_id, calendar_year, track_code, status, count(*) from project_year
        group by program_id, calendar_year, track_code, status;

-- A year's projects of one programme in id order, with no other filter (50,076 rows for SYN-2000's 2024): read
-- from this index and stopped at the page's end, where they were sorted at every read (see
-- CooperationRecords.fixedIndexColumns).
create index project_year_program_year_idx on project_year (program_id, calendar_year, project_id);
