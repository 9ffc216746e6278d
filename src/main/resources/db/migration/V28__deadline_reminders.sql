-- Deadline notifications (issue 20): when the reminder that a reporting period's due date is near, and the notice
-- that it has passed, were recorded. Each is recorded once: the instance that sets the column records it.
alter table reporting_period add column reminded_at timestamp with time zone;
alter table reporting_period add column missed_at timestamp with time zone;
-- The check looks for due dates not yet reminded of or told missed.
create index reporting_period_due_idx on reporting_period (due_on);
