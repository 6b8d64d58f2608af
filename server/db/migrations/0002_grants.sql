-- Privileges of the app role; the audit log is append-only for it, and for everyone through a trigger.
GRANT USAGE ON SCHEMA public TO kehoach_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kehoach_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kehoach_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kehoach_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kehoach_app;--> statement-breakpoint
-- System tables are for the auth module's system transactions only.
REVOKE ALL ON sessions, login_throttle, kehoach_migrations FROM kehoach_app;--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_events FROM kehoach_app;--> statement-breakpoint
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
