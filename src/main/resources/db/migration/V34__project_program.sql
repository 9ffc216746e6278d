-- A project's programme: its pairing's, which never changes (a pairing cannot move to another programme), kept on the
-- project so that a programme's projects in id order are a range of one index. The projects list of a programme
-- without a year, and its export, read a page from that index and stop at its end; before, H2 joined every project
-- of the programme's pairings and sorted them for each page (SYN-2000's 100,000 projects: 40-70 ms a page, and 5 s
-- to export them in batches of 500, each batch reading all of them again).
alter table cooperation_project add column program_id bigint;
update cooperation_project p set program_id = (select pa.program_id from pairing pa where pa.id = p.pairing_id);
alter table cooperation_project alter column program_id set not null;
-- No foreign key of its own: the column copies the pairing's, whose key already names the programme, and H2 would
-- give such a key an index of its own on program_id alone, which it then preferred to this one and sorted again.
create index cooperation_project_program_idx on cooperation_project (program_id, id);
