-- A project moved past a lifecycle step (PLANNED straight to IN_PRODUCTION, say) now takes the skipped steps on the
-- date of the move (CooperationProject.moveTo), so that it counts as signed and as under construction as well.
-- Projects moved that way before are given the same dates here: a step reached is dated by the earliest later step
-- reached (a cancellation implies nothing). Their version moves on, so a client holding an old ETag reads them again.
update cooperation_project
    set signed_on = coalesce(signed_on, construction_started_on, production_started_on),
        construction_started_on = coalesce(construction_started_on, production_started_on),
        version = version + 1
    where (signed_on is null and (construction_started_on is not null or production_started_on is not null))
        or (construction_started_on is null and production_started_on is not null);

-- The project tallies counted again from the records, as CooperationTallies counts them.
delete from project_tally;

insert into project_tally (pairing_id, calendar_year, track_code, step, projects, investment, expected_annual_output,
        expected_annual_tax)
    select pairing_id, cast(extract(year from planned_on) as integer), track_code, 'PLANNED', count(*),
            sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where planned_on is not null
        group by pairing_id, cast(extract(year from planned_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from signed_on) as integer), track_code, 'SIGNED', count(*),
            sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where signed_on is not null
        group by pairing_id, cast(extract(year from signed_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from construction_started_on) as integer), track_code, 'UNDER_CONSTRUCTION',
            count(*), sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where construction_started_on is not null
        group by pairing_id, cast(extract(year from construction_started_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from production_started_on) as integer), track_code, 'IN_PRODUCTION',
            count(*), sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where production_started_on is not null
        group by pairing_id, cast(extract(year from production_started_on) as integer), track_code
    union all
    select pairing_id, cast(extract(year from cancelled_on) as integer), track_code, 'CANCELLED', count(*),
            sum(investment), sum(expected_annual_output), sum(expected_annual_tax)
        from cooperation_project where cancelled_on is not null
        group by pairing_id, cast(extract(year from cancelled_on) as integer), track_code;
