CREATE TABLE "allowance_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"decision_no" text NOT NULL,
	"decision_date" date NOT NULL,
	"signer" text DEFAULT '' NOT NULL,
	"task" text NOT NULL,
	"task_id" uuid,
	"output" text NOT NULL,
	"category" text NOT NULL,
	"job_position" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"stopped_on" date,
	"stop_reason" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allowance_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"for_month" text NOT NULL,
	"person_name" text NOT NULL,
	"person_title" text DEFAULT '' NOT NULL,
	"unit_name" text DEFAULT '' NOT NULL,
	"assignment_id" uuid,
	"decision_no" text DEFAULT '' NOT NULL,
	"category" text,
	"rating" text,
	"rate" bigint DEFAULT 0 NOT NULL,
	"days_covered" integer DEFAULT 0 NOT NULL,
	"days_in_month" integer DEFAULT 0 NOT NULL,
	"amount" bigint NOT NULL,
	"engine_eligible" boolean NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"included" boolean NOT NULL,
	"manual_reason" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_lines_once" UNIQUE("list_id","person_id","kind","for_month")
);
--> statement-breakpoint
ALTER TABLE "allowance_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_list_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allowance_list_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"policy_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_by_name" text DEFAULT '' NOT NULL,
	"approved_at" timestamp with time zone,
	"decision_no" text DEFAULT '' NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"pay_period" text DEFAULT '' NOT NULL,
	"paid_on" date,
	"paid_amount" bigint,
	"paid_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_lists_month" UNIQUE("unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "allowance_lists" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_other_benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"same_work" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allowance_other_benefits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"rate_full_time" bigint NOT NULL,
	"rate_part_time" bigint NOT NULL,
	"min_rating" text NOT NULL,
	"partial_month" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_policies_version" UNIQUE("tenant_id","version")
);
--> statement-breakpoint
ALTER TABLE "allowance_policies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_ratings" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"month" text NOT NULL,
	"rating" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_ratings_person_id_month_pk" PRIMARY KEY("person_id","month")
);
--> statement-breakpoint
ALTER TABLE "allowance_ratings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "allowance_assignments" ADD CONSTRAINT "allowance_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_assignments" ADD CONSTRAINT "allowance_assignments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_assignments" ADD CONSTRAINT "allowance_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_assignments" ADD CONSTRAINT "allowance_assignments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_assignments" ADD CONSTRAINT "allowance_assignments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_assignments" ADD CONSTRAINT "allowance_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lines" ADD CONSTRAINT "allowance_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lines" ADD CONSTRAINT "allowance_lines_list_id_allowance_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."allowance_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lines" ADD CONSTRAINT "allowance_lines_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lines" ADD CONSTRAINT "allowance_lines_assignment_id_allowance_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."allowance_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_list_events" ADD CONSTRAINT "allowance_list_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_list_events" ADD CONSTRAINT "allowance_list_events_list_id_allowance_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."allowance_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_list_events" ADD CONSTRAINT "allowance_list_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lists" ADD CONSTRAINT "allowance_lists_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lists" ADD CONSTRAINT "allowance_lists_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lists" ADD CONSTRAINT "allowance_lists_policy_id_allowance_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."allowance_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lists" ADD CONSTRAINT "allowance_lists_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lists" ADD CONSTRAINT "allowance_lists_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_lists" ADD CONSTRAINT "allowance_lists_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_other_benefits" ADD CONSTRAINT "allowance_other_benefits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_other_benefits" ADD CONSTRAINT "allowance_other_benefits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_other_benefits" ADD CONSTRAINT "allowance_other_benefits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_policies" ADD CONSTRAINT "allowance_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_policies" ADD CONSTRAINT "allowance_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_ratings" ADD CONSTRAINT "allowance_ratings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_ratings" ADD CONSTRAINT "allowance_ratings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_ratings" ADD CONSTRAINT "allowance_ratings_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allowance_assignments_unit" ON "allowance_assignments" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "allowance_assignments_person" ON "allowance_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "allowance_lines_person" ON "allowance_lines" USING btree ("tenant_id","person_id","for_month");--> statement-breakpoint
CREATE INDEX "allowance_list_events_list" ON "allowance_list_events" USING btree ("list_id","created_at");--> statement-breakpoint
CREATE INDEX "allowance_lists_tenant_month" ON "allowance_lists" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "allowance_other_benefits_person" ON "allowance_other_benefits" USING btree ("person_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_assignments" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_lines" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_list_events" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_lists" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_other_benefits" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_policies" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_ratings" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
-- A list approved or paid is locked in the database too, whatever the code above it does: its lines cannot be
-- added, changed or removed, and it moves only from approved to paid (a correction is a later month's line).
CREATE FUNCTION allowance_lines_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s text;
BEGIN
  SELECT status INTO s FROM allowance_lists WHERE id = COALESCE(NEW.list_id, OLD.list_id);
  IF s IN ('approved', 'paid') THEN
    RAISE EXCEPTION 'allowance list % is locked (%)', COALESCE(NEW.list_id, OLD.list_id), s USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER allowance_lines_locked BEFORE INSERT OR UPDATE OR DELETE ON allowance_lines
  FOR EACH ROW EXECUTE FUNCTION allowance_lines_locked();--> statement-breakpoint
CREATE FUNCTION allowance_lists_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'paid' OR (OLD.status = 'approved' AND NEW.status <> 'paid') THEN
    RAISE EXCEPTION 'allowance list % is locked (%)', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER allowance_lists_locked BEFORE UPDATE ON allowance_lists
  FOR EACH ROW EXECUTE FUNCTION allowance_lists_locked();
