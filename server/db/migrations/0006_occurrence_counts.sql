CREATE TABLE "plan_occurrence_counts" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"bucket" date NOT NULL,
	"open_started" integer DEFAULT 0 NOT NULL,
	"open_fresh" integer DEFAULT 0 NOT NULL,
	"done_on_time" integer DEFAULT 0 NOT NULL,
	"done_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_occurrence_counts_plan_id_bucket_pk" PRIMARY KEY("plan_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "plan_occurrence_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "unit_occurrence_counts" (
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"bucket" date NOT NULL,
	"open_started" integer DEFAULT 0 NOT NULL,
	"open_fresh" integer DEFAULT 0 NOT NULL,
	"done_on_time" integer DEFAULT 0 NOT NULL,
	"done_late" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_occurrence_counts_unit_id_bucket_pk" PRIMARY KEY("unit_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "unit_occurrence_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "occurrences_open_due";--> statement-breakpoint
ALTER TABLE "plan_occurrence_counts" ADD CONSTRAINT "plan_occurrence_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_occurrence_counts" ADD CONSTRAINT "plan_occurrence_counts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_occurrence_counts" ADD CONSTRAINT "unit_occurrence_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_occurrence_counts" ADD CONSTRAINT "unit_occurrence_counts_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_occurrence_counts_tenant" ON "plan_occurrence_counts" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "unit_occurrence_counts_tenant" ON "unit_occurrence_counts" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "occurrences_open_due" ON "occurrences" USING btree ("tenant_id","due_on","id") WHERE "occurrences"."completed_on" IS NULL;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "plan_occurrence_counts" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "unit_occurrence_counts" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- The counts follow every change of occurrences in the same statement's transaction. `rows_sql` is the
-- changed rows with a sign (+1 new, -1 old); the counting rule is core/plans/status.ts's. `units_only`:
-- a plan changing status, whose periods go into or out of the units' counts whatever its status now.
-- It returns the statement, which the trigger executes itself: transition tables are visible only there.
CREATE FUNCTION kehoach_occurrence_counts_sql(rows_sql text, units_only boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    WITH c AS (%s), d AS (
      SELECT c.tenant_id, c.plan_id, c.unit_id, p.status = 'active' AS active,
        CASE WHEN c.completed_on IS NOT NULL OR c.due_on IS NULL THEN 'infinity'::date ELSE c.due_on END AS bucket,
        coalesce(sum(c.sign) FILTER (WHERE c.completed_on IS NULL AND c.last_update_at IS NOT NULL), 0)::int AS open_started,
        coalesce(sum(c.sign) FILTER (WHERE c.completed_on IS NULL AND c.last_update_at IS NULL), 0)::int AS open_fresh,
        coalesce(sum(c.sign) FILTER (WHERE c.completed_on IS NOT NULL AND (c.due_on IS NULL OR c.completed_on <= c.due_on)), 0)::int AS done_on_time,
        coalesce(sum(c.sign) FILTER (WHERE c.completed_on IS NOT NULL AND c.completed_on > c.due_on), 0)::int AS done_late
      FROM c JOIN plans p ON p.id = c.plan_id
      GROUP BY 1, 2, 3, 4, 5
    ), u AS (
      INSERT INTO unit_occurrence_counts AS t (tenant_id, unit_id, bucket, open_started, open_fresh, done_on_time, done_late)
      SELECT tenant_id, unit_id, bucket, sum(open_started), sum(open_fresh), sum(done_on_time), sum(done_late)
      FROM d WHERE active OR %L GROUP BY tenant_id, unit_id, bucket ORDER BY unit_id, bucket
      ON CONFLICT (unit_id, bucket) DO UPDATE SET open_started = t.open_started + excluded.open_started,
        open_fresh = t.open_fresh + excluded.open_fresh, done_on_time = t.done_on_time + excluded.done_on_time, done_late = t.done_late + excluded.done_late
    )
    INSERT INTO plan_occurrence_counts AS t (tenant_id, plan_id, bucket, open_started, open_fresh, done_on_time, done_late)
    SELECT tenant_id, plan_id, bucket, sum(open_started), sum(open_fresh), sum(done_on_time), sum(done_late)
    FROM d WHERE NOT %L GROUP BY tenant_id, plan_id, bucket ORDER BY plan_id, bucket
    ON CONFLICT (plan_id, bucket) DO UPDATE SET open_started = t.open_started + excluded.open_started,
      open_fresh = t.open_fresh + excluded.open_fresh, done_on_time = t.done_on_time + excluded.done_on_time, done_late = t.done_late + excluded.done_late
  $q$, rows_sql, units_only, units_only)
$fn$;
--> statement-breakpoint
CREATE FUNCTION kehoach_occurrence_counts() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE kehoach_occurrence_counts_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows' END, false);
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER occurrence_counts_insert AFTER INSERT ON occurrences REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kehoach_occurrence_counts();--> statement-breakpoint
CREATE TRIGGER occurrence_counts_update AFTER UPDATE ON occurrences REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kehoach_occurrence_counts();--> statement-breakpoint
CREATE TRIGGER occurrence_counts_delete AFTER DELETE ON occurrences REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kehoach_occurrence_counts();--> statement-breakpoint
-- A plan that becomes active brings its periods into the units' counts; one that stops (closed, replaced,
-- deleted) takes them out. Deleting a plan subtracts before its periods are cascaded away unseen.
CREATE FUNCTION kehoach_plan_occurrence_counts() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.status = 'active';
  now_active boolean := TG_OP <> 'DELETE' AND NEW.status = 'active';
  plan uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
  IF was <> now_active THEN
    EXECUTE kehoach_occurrence_counts_sql(format(
      'SELECT %s AS sign, o.tenant_id, o.plan_id, o.unit_id, o.due_on, o.completed_on, o.last_update_at FROM occurrences o WHERE o.plan_id = %L',
      CASE WHEN now_active THEN 1 ELSE -1 END, plan), true);
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER plan_occurrence_counts_status AFTER UPDATE OF status ON plans FOR EACH ROW EXECUTE FUNCTION kehoach_plan_occurrence_counts();--> statement-breakpoint
CREATE TRIGGER plan_occurrence_counts_delete BEFORE DELETE ON plans FOR EACH ROW EXECUTE FUNCTION kehoach_plan_occurrence_counts();--> statement-breakpoint
-- Existing periods, counted once.
DO $$ BEGIN EXECUTE kehoach_occurrence_counts_sql('SELECT 1 AS sign, * FROM occurrences', false); END $$;
