DROP INDEX "occurrences_unit_due";--> statement-breakpoint
CREATE INDEX "occurrences_unit_due" ON "occurrences" USING btree ("tenant_id","unit_id","due_on","completed_on","plan_id");