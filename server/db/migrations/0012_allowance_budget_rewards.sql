CREATE TABLE "allowance_budget_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"decision_no" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allowance_budget_adjustments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "allowance_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"reward_fund" bigint DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_budgets_year" UNIQUE("unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "allowance_budgets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "achievement_files" (
	"tenant_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievement_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid,
	"collective_name" text DEFAULT '' NOT NULL,
	"task_id" uuid,
	"task_text" text NOT NULL,
	"title" text NOT NULL,
	"output" text NOT NULL,
	"period" text NOT NULL,
	"match_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reward_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"proposed_amount" bigint NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"duplicates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_no" text DEFAULT '' NOT NULL,
	"decision_date" date,
	"decided_amount" bigint,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reward_proposals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "allowance_budget_adjustments" ADD CONSTRAINT "allowance_budget_adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_budget_adjustments" ADD CONSTRAINT "allowance_budget_adjustments_budget_id_allowance_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."allowance_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_budget_adjustments" ADD CONSTRAINT "allowance_budget_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_budgets" ADD CONSTRAINT "allowance_budgets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_budgets" ADD CONSTRAINT "allowance_budgets_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_budgets" ADD CONSTRAINT "allowance_budgets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_files" ADD CONSTRAINT "achievement_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_files" ADD CONSTRAINT "achievement_files_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_files" ADD CONSTRAINT "achievement_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_proposals" ADD CONSTRAINT "reward_proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_proposals" ADD CONSTRAINT "reward_proposals_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_proposals" ADD CONSTRAINT "reward_proposals_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_proposals" ADD CONSTRAINT "reward_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_proposals" ADD CONSTRAINT "reward_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allowance_budget_adjustments_budget" ON "allowance_budget_adjustments" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "achievement_files_achievement" ON "achievement_files" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "achievements_match" ON "achievements" USING btree ("tenant_id","match_key");--> statement-breakpoint
CREATE INDEX "achievements_unit" ON "achievements" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "reward_proposals_unit" ON "reward_proposals" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "reward_proposals_achievement" ON "reward_proposals" USING btree ("achievement_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_budget_adjustments" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_budgets" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "achievement_files" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "achievements" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reward_proposals" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);