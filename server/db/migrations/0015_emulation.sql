CREATE TABLE "emulation_block_units" (
	"tenant_id" uuid NOT NULL,
	"block_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "emulation_block_units_block_id_unit_id_pk" PRIMARY KEY("block_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "emulation_block_units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "emulation_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emulation_blocks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "emulation_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"sort_order" integer NOT NULL,
	"text" text NOT NULL,
	"weight" integer DEFAULT 0 NOT NULL,
	"measure" text DEFAULT 'manual' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emulation_criteria" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "emulation_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"round_kind" text NOT NULL,
	"year" integer NOT NULL,
	"number" text NOT NULL,
	"decision_date" date NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_decisions_number" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
ALTER TABLE "emulation_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "emulation_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"phases" jsonb NOT NULL,
	"forms" text[] NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"council_members" integer NOT NULL,
	"pass_pct" integer,
	"plan_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emulation_movements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "emulation_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"pledge" text NOT NULL,
	"registered_by" uuid,
	"registered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "emulation_registrations_unit_year" UNIQUE("movement_id","unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "emulation_registrations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "emulation_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"block_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_scores_cell" UNIQUE("block_id","year","unit_id","criterion_id")
);
--> statement-breakpoint
ALTER TABLE "emulation_scores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "nomination_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nomination_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "nomination_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nomination_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"round_kind" text NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"nominee_unit_id" uuid,
	"achievement_id" uuid NOT NULL,
	"form" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_comment" text DEFAULT '' NOT NULL,
	"duplicates_seen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"council_members" integer,
	"participants" integer,
	"votes_for" integer,
	"votes_against" integer,
	"council_date" date,
	"council_result" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	"decision_no" text DEFAULT '' NOT NULL,
	"decision_date" date,
	"decision_signer" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"forwarded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nominations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "emulation_block_units" ADD CONSTRAINT "emulation_block_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_block_units" ADD CONSTRAINT "emulation_block_units_block_id_emulation_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."emulation_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_block_units" ADD CONSTRAINT "emulation_block_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_blocks" ADD CONSTRAINT "emulation_blocks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_blocks" ADD CONSTRAINT "emulation_blocks_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criteria" ADD CONSTRAINT "emulation_criteria_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_criteria" ADD CONSTRAINT "emulation_criteria_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_decisions" ADD CONSTRAINT "emulation_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_decisions" ADD CONSTRAINT "emulation_decisions_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_decisions" ADD CONSTRAINT "emulation_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_movements" ADD CONSTRAINT "emulation_movements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_movements" ADD CONSTRAINT "emulation_movements_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_movements" ADD CONSTRAINT "emulation_movements_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_movements" ADD CONSTRAINT "emulation_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_registrations" ADD CONSTRAINT "emulation_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_block_id_emulation_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."emulation_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_criterion_id_emulation_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."emulation_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_scores" ADD CONSTRAINT "emulation_scores_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_files" ADD CONSTRAINT "nomination_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_files" ADD CONSTRAINT "nomination_files_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination_files" ADD CONSTRAINT "nomination_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_nominee_unit_id_org_units_id_fk" FOREIGN KEY ("nominee_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_decision_id_emulation_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."emulation_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emulation_blocks_movement" ON "emulation_blocks" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "emulation_criteria_movement" ON "emulation_criteria" USING btree ("movement_id","sort_order");--> statement-breakpoint
CREATE INDEX "nomination_events_nomination" ON "nomination_events" USING btree ("nomination_id","created_at");--> statement-breakpoint
CREATE INDEX "nomination_files_nomination" ON "nomination_files" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "nominations_movement" ON "nominations" USING btree ("tenant_id","movement_id","year");--> statement-breakpoint
CREATE INDEX "nominations_achievement" ON "nominations" USING btree ("achievement_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_block_units" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_blocks" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_criteria" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_decisions" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_movements" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_registrations" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "emulation_scores" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "nomination_events" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "nomination_files" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "nominations" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
-- A decided commendation is history an auditor relies on: neither it nor its dossier changes afterwards.
CREATE FUNCTION nominations_decided_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'decided' THEN
    RAISE EXCEPTION 'nomination % is decided', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER nominations_decided_locked BEFORE UPDATE OR DELETE ON nominations
  FOR EACH ROW EXECUTE FUNCTION nominations_decided_locked();--> statement-breakpoint
CREATE FUNCTION nomination_files_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM nominations WHERE id = COALESCE(NEW.nomination_id, OLD.nomination_id)) = 'decided' THEN
    RAISE EXCEPTION 'nomination % is decided', COALESCE(NEW.nomination_id, OLD.nomination_id) USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER nomination_files_locked BEFORE INSERT OR UPDATE OR DELETE ON nomination_files
  FOR EACH ROW EXECUTE FUNCTION nomination_files_locked();
