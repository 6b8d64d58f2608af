ALTER TABLE "indicators" ADD COLUMN "unit_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- How many units report on each indicator follows indicator_units in the same transaction, so leadership's
-- dashboard reads it instead of counting a province's 227,000 (indicator, unit) pairs on every request.
CREATE FUNCTION kehoach_indicator_unit_count() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE indicators i SET unit_count = i.unit_count + d.n
    FROM (SELECT indicator_id, count(*)::int AS n FROM new_pairs GROUP BY 1) d WHERE i.id = d.indicator_id;
  ELSE
    UPDATE indicators i SET unit_count = i.unit_count - d.n
    FROM (SELECT indicator_id, count(*)::int AS n FROM old_pairs GROUP BY 1) d WHERE i.id = d.indicator_id;
  END IF;
  RETURN NULL;
END $fn$;
--> statement-breakpoint
CREATE TRIGGER indicator_unit_count_insert AFTER INSERT ON indicator_units REFERENCING NEW TABLE AS new_pairs FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_unit_count();--> statement-breakpoint
CREATE TRIGGER indicator_unit_count_delete AFTER DELETE ON indicator_units REFERENCING OLD TABLE AS old_pairs FOR EACH STATEMENT EXECUTE FUNCTION kehoach_indicator_unit_count();--> statement-breakpoint
UPDATE indicators i SET unit_count = c.n FROM (SELECT indicator_id, count(*)::int AS n FROM indicator_units GROUP BY 1) c WHERE i.id = c.indicator_id;
