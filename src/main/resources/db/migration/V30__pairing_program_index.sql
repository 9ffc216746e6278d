-- A programme's pairings in id order, read page by page from an index: the list of pairings of one programme walks
-- this index from the page's first row and stops at its last, instead of sorting all of the programme's pairings
-- (see Pairings.inIndexOrder). With a status filter pairing_program_status_idx (V1) serves the same way.
create index pairing_program_idx on pairing (program_id, id);
