CREATE TABLE "corrective_action_files" (
	"tenant_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corrective_action_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "corrective_action_reminder_claims" (
	"tenant_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_action_reminder_claims_action_id_user_id_kind_pk" PRIMARY KEY("action_id","user_id","kind")
);
--> statement-breakpoint
ALTER TABLE "corrective_action_reminder_claims" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignment_id" uuid,
	"report_note" text DEFAULT '' NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by_name" text DEFAULT '' NOT NULL,
	"close_note" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_findings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_plan_units" (
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "inspection_plan_units_plan_id_unit_id_pk" PRIMARY KEY("plan_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "inspection_plan_units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"subject" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"coverage_target_pct" integer NOT NULL,
	"task_id" uuid,
	"basis" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspection_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"team" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"conclusion_no" text DEFAULT '' NOT NULL,
	"conclusion_date" date,
	"conclusion" text DEFAULT '' NOT NULL,
	"conclusion_file_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "corrective_action_files" ADD CONSTRAINT "corrective_action_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_files" ADD CONSTRAINT "corrective_action_files_action_id_corrective_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."corrective_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_files" ADD CONSTRAINT "corrective_action_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_reminder_claims" ADD CONSTRAINT "corrective_action_reminder_claims_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_reminder_claims" ADD CONSTRAINT "corrective_action_reminder_claims_action_id_corrective_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."corrective_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_action_reminder_claims" ADD CONSTRAINT "corrective_action_reminder_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_responsible_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_assignment_id_allowance_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."allowance_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_units" ADD CONSTRAINT "inspection_plan_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_units" ADD CONSTRAINT "inspection_plan_units_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan_units" ADD CONSTRAINT "inspection_plan_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_conclusion_file_id_files_id_fk" FOREIGN KEY ("conclusion_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_action_files_action" ON "corrective_action_files" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "corrective_actions_unit" ON "corrective_actions" USING btree ("tenant_id","responsible_unit_id","status");--> statement-breakpoint
CREATE INDEX "corrective_actions_finding" ON "corrective_actions" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_year" ON "inspection_plans" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "inspections_plan" ON "inspections" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspections_unit" ON "inspections" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "corrective_action_files" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "corrective_action_reminder_claims" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "corrective_actions" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inspection_findings" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inspection_plan_units" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inspection_plans" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "inspections" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);