-- An assessment run is carried out by one service instance, which renews the run's lease while it works. A run
-- still RUNNING whose lease has run out belongs to an instance that is gone (killed, crashed, stopped): it is
-- marked FAILED and no longer blocks a new run of its programme-year.
alter table assessment_run add column runner_instance varchar(36);
alter table assessment_run add column heartbeat_at timestamp with time zone;
update assessment_run set heartbeat_at = coalesce(finished_at, requested_at);
alter table assessment_run alter column heartbeat_at set not null;
