-- Extensions and the role that every request's transaction runs as (row-level security applies to it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kehoach_app') THEN
    CREATE ROLE kehoach_app NOLOGIN;
  END IF;
END $$;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT kehoach_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or a superuser who needs no membership
END $$;
