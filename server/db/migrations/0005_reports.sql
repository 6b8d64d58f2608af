CREATE TABLE "report_consolidations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"signer" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_consolidations_period" UNIQUE("schedule_id","period_key")
);
--> statement-breakpoint
ALTER TABLE "report_consolidations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_lock_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"reason" text NOT NULL,
	"expires_on" date NOT NULL,
	"granted_by" uuid,
	"granted_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_reminder_claims" (
	"tenant_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_reminder_claims_once" UNIQUE("schedule_id","unit_id","period_key","user_id","kind","due_on")
);
--> statement-breakpoint
ALTER TABLE "report_reminder_claims" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"plan_id" uuid,
	"reporting_duty_id" uuid,
	"period_type" text NOT NULL,
	"due_rule" jsonb NOT NULL,
	"grace_days" integer DEFAULT 0 NOT NULL,
	"lock_days" integer DEFAULT 30 NOT NULL,
	"adhoc" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignee_mode" text NOT NULL,
	"assignee_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_submission_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_submission_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prefill" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"last_submitted_at" timestamp with time zone,
	"on_time" boolean,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"review_comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_submissions_period" UNIQUE("schedule_id","unit_id","period_key")
);
--> statement-breakpoint
ALTER TABLE "report_submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"builtin_key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_templates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_evidence" (
	"tenant_id" uuid NOT NULL,
	"value_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_evidence_value_id_file_id_pk" PRIMARY KEY("value_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_evidence" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_units" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "indicator_units_indicator_id_unit_id_pk" PRIMARY KEY("indicator_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"numerator" double precision,
	"denominator" double precision,
	"value" double precision,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_period" UNIQUE("indicator_id","period_key","unit_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_target_id" uuid,
	"code" text DEFAULT '' NOT NULL,
	"text" text NOT NULL,
	"subject" text NOT NULL,
	"measure" text NOT NULL,
	"unit" text NOT NULL,
	"comparator" text NOT NULL,
	"target" double precision NOT NULL,
	"aggregation" text DEFAULT 'sum' NOT NULL,
	"amber_pct" double precision DEFAULT 10 NOT NULL,
	"period_type" text NOT NULL,
	"numerator_label" text DEFAULT '' NOT NULL,
	"denominator_label" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_consolidations" ADD CONSTRAINT "report_consolidations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_consolidations" ADD CONSTRAINT "report_consolidations_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_consolidations" ADD CONSTRAINT "report_consolidations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_lock_exceptions" ADD CONSTRAINT "report_lock_exceptions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder_claims" ADD CONSTRAINT "report_reminder_claims_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder_claims" ADD CONSTRAINT "report_reminder_claims_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder_claims" ADD CONSTRAINT "report_reminder_claims_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder_claims" ADD CONSTRAINT "report_reminder_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_reporting_duty_id_plan_reporting_duties_id_fk" FOREIGN KEY ("reporting_duty_id") REFERENCES "public"."plan_reporting_duties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission_events" ADD CONSTRAINT "report_submission_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission_events" ADD CONSTRAINT "report_submission_events_submission_id_report_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission_events" ADD CONSTRAINT "report_submission_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_evidence" ADD CONSTRAINT "indicator_evidence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_units" ADD CONSTRAINT "indicator_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_target_id_plan_targets_id_fk" FOREIGN KEY ("plan_target_id") REFERENCES "public"."plan_targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_lock_exceptions_lookup" ON "report_lock_exceptions" USING btree ("schedule_id","unit_id","period_key");--> statement-breakpoint
CREATE INDEX "report_schedules_tenant" ON "report_schedules" USING btree ("tenant_id","active");--> statement-breakpoint
CREATE INDEX "report_submission_events_submission" ON "report_submission_events" USING btree ("submission_id","created_at");--> statement-breakpoint
CREATE INDEX "report_submissions_schedule" ON "report_submissions" USING btree ("tenant_id","schedule_id","period_key");--> statement-breakpoint
CREATE INDEX "report_submissions_unit" ON "report_submissions" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "report_templates_tenant" ON "report_templates" USING btree ("tenant_id","builtin_key");--> statement-breakpoint
CREATE INDEX "indicator_units_unit" ON "indicator_units" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "indicator_values_unit" ON "indicator_values" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE INDEX "indicators_plan" ON "indicators" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_consolidations" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_lock_exceptions" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_reminder_claims" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_schedules" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_submission_events" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_submissions" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "report_templates" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_evidence" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_units" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicator_values" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "indicators" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);