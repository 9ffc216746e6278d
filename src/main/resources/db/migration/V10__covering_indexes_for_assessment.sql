-- The derived values read a programme-year's projects grouped by pairing and track, testing the date of each
-- lifecycle step and summing three columns. The old index held only (pairing_id, track_code), so every
-- project of the programme (all years) was read from the table, with its title and description. An index
-- holding the columns the query uses answers it from the index alone (measured in the benchmark). It keeps
-- (pairing_id, track_code) as its prefix, so the reads that used the old index can use this one.
drop index cooperation_project_pairing_idx;
create index cooperation_project_pairing_idx
    on cooperation_project (pairing_id, track_code, planned_on, signed_on, construction_started_on,
        production_started_on, cancelled_on, investment, expected_annual_output, expected_annual_tax);

-- The assessment reads a programme-year's targets and actuals (pairing, year, kind, indicator, quantity). The
-- unique index lacks the quantity, so each of them was looked up in the table; this one holds all of them.
create index indicator_value_pairing_year_idx
    on indicator_value (pairing_id, calendar_year, kind, indicator_code, quantity);
