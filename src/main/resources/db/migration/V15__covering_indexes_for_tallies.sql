-- An assessment run reads a programme-year's tallies (V11) pairing by pairing. With only the primary keys, H2
-- found each row in the key's index and then fetched the row itself for the year and the sums: half of the
-- time of reading them (measured in the benchmark: about 0.35 s of 2,000 pairings' 120,000 rows a year). These
-- indexes hold every column the read uses, so it is answered from the index alone.
create index project_tally_read_idx on project_tally (pairing_id, calendar_year, track_code, step, projects,
    investment, expected_annual_output, expected_annual_tax);
create index activity_tally_read_idx on activity_tally (pairing_id, calendar_year, track_code, kind, activities,
    participants, enterprises, amount);
