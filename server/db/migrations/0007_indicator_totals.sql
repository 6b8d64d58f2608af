CREATE TABLE "indicator_period_totals" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"reported" integer DEFAULT 0 NOT NULL,
	"numerator" double precision DEFAULT 0 NOT NULL,
	"denominator" double precision DEFAULT 0 NOT NULL,
	"value_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_period_totals_indicator_id_period_key_pk" PRIMARY KEY("indicator_id","period_key")
);
--> statement-breakpoint
ALTER TABLE "indicator_period_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "indicator_period_totals" ADD CONSTRAINT "indicator_period_totals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_period_totals" ADD CONSTRAINT "indicator_period_totals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_period_totals_tenant" ON "indicator_period_totals" USING btree ("tenant_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_period_totals" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
-- The totals follow every change of values and of the indicator's responsible units in the same transaction.
-- `rows_sql` gives changed values with a sign (+1 counted, -1 no longer counted); a value counts when its unit
-- is responsible for the indicator and it is usable (a ratio with a numerator and a positive denominator, or a
-- plain value), as on the indicator's page. `pairs_changed`: the rows are those of units just added to or
-- removed from the indicator, so they count whatever indicator_units says now.
-- It returns the statement, which the trigger executes itself: transition tables are visible only there.
CREATE FUNCTION kehoach_indicator_totals_sql(rows_sql text, pairs_changed boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    WITH c AS (%s), d AS (
      SELECT c.tenant_id, c.indicator_id, c.period_key, sum(c.sign)::int AS reported,
        coalesce(sum(c.sign * c.numerator), 0) AS numerator, coalesce(sum(c.sign * c.denominator), 0) AS denominator,
        coalesce(sum(c.sign * c.value), 0) AS value_sum
      FROM c JOIN indicators i ON i.id = c.indicator_id
      WHERE CASE WHEN i.measure = 'ratio' THEN c.numerator IS NOT NULL AND c.denominator > 0 ELSE c.value IS NOT NULL END
        AND (%L OR EXISTS (SELECT 1 FROM indicator_units iu WHERE iu.indicator_id = c.indicator_id AND iu.unit_id = c.unit_id))
      GROUP BY 1, 2, 3
    )
    INSERT INTO indicator_period_totals AS t (tenant_id, indicator_id, period_key, reported, numerator, denominator, value_sum)
    SELECT * FROM d ORDER BY indicator_id, period_key
    ON CONFLICT (indicator_id, period_key) DO UPDATE SET reported = t.reported + excluded.reported,
      numerator = t.numerator + excluded.numerator, denominator = t.denominator + excluded.denominator, value_sum = t.value_sum + excluded.value_sum
  $q$, rows_sql, pairs_changed)
$fn$;
--> statement-breakpoint
CREATE FUNCTION kehoach_indicator_value_totals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  cols text := 'tenant_id, indicator_id, unit_id, period_key, numerator, denominator, value';
BEGIN
  EXECUTE kehoach_indicator_totals_sql(CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s FROM old_rows', cols)
    ELSE format('SELECT 1 AS sign, %s FROM new_rows UNION ALL SELECT -1 AS sign, %s FROM old_rows', cols, cols) END, false);
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER indicator_totals_insert AFTER INSERT ON indicator_values REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_value_totals();--> statement-breakpoint
CREATE TRIGGER indicator_totals_update AFTER UPDATE ON indicator_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_value_totals();--> statement-breakpoint
CREATE TRIGGER indicator_totals_delete AFTER DELETE ON indicator_values REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_value_totals();--> statement-breakpoint
-- A unit added to an indicator brings its values in; one removed takes them out (editing an indicator's
-- units deletes and re-inserts them, which nets to nothing for the units kept).
CREATE FUNCTION kehoach_indicator_unit_totals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE kehoach_indicator_totals_sql(format(
    'SELECT %s AS sign, v.tenant_id, v.indicator_id, v.unit_id, v.period_key, v.numerator, v.denominator, v.value
     FROM indicator_values v JOIN %s p ON p.indicator_id = v.indicator_id AND p.unit_id = v.unit_id',
    CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END, CASE WHEN TG_OP = 'INSERT' THEN 'new_pairs' ELSE 'old_pairs' END), true);
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER indicator_totals_units_insert AFTER INSERT ON indicator_units REFERENCING NEW TABLE AS new_pairs FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_unit_totals();--> statement-breakpoint
CREATE TRIGGER indicator_totals_units_delete AFTER DELETE ON indicator_units REFERENCING OLD TABLE AS old_pairs FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_unit_totals();--> statement-breakpoint
-- Which values are usable depends on the measure: a change of measure (refused by the service once values
-- exist, but kept correct here) recounts the indicator.
CREATE FUNCTION kehoach_indicator_measure_totals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM indicator_period_totals WHERE indicator_id = NEW.id;
  EXECUTE kehoach_indicator_totals_sql(format(
    'SELECT 1 AS sign, tenant_id, indicator_id, unit_id, period_key, numerator, denominator, value FROM indicator_values WHERE indicator_id = %L', NEW.id), false);
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER indicator_totals_measure AFTER UPDATE OF measure ON indicators FOR EACH ROW WHEN (OLD.measure IS DISTINCT FROM NEW.measure) EXECUTE FUNCTION kehoach_indicator_measure_totals();--> statement-breakpoint
-- Existing values, counted once.
DO $$ BEGIN EXECUTE kehoach_indicator_totals_sql('SELECT 1 AS sign, tenant_id, indicator_id, unit_id, period_key, numerator, denominator, value FROM indicator_values', false); END $$;
