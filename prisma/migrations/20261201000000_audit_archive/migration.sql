-- Audit rows stay append-only, except that the retention job may delete rows it has just archived to the
-- object store: it sets mag.audit_archiving for its own transaction only (SET LOCAL). Updates are never allowed.
-- The schema engine splits scripts at every semicolon, so the body writes it as the octal escape 073.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF TG_OP = ''DELETE'' AND current_setting(''mag.audit_archiving'', true) = ''on'' THEN RETURN OLD\073 END IF\073 RAISE EXCEPTION ''audit_events is append-only''\073 END';
