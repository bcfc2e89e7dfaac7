-- TRUNCATE empties a table without firing row triggers, so the append-only rule needs its own statement
-- trigger. Only a superuser can step around it (session_replication_role = replica, as the test suite's reset
-- does), and the portal's own role is no superuser and does not own the table (docs/operations.md).
CREATE FUNCTION audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''audit_events is append-only''\073 END';

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate();
