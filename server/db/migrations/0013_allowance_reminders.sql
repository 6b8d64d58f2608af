CREATE TABLE "allowance_reminder_claims" (
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allowance_reminder_claims_unit_id_month_user_id_kind_pk" PRIMARY KEY("unit_id","month","user_id","kind")
);
--> statement-breakpoint
ALTER TABLE "allowance_reminder_claims" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "allowance_reminder_claims" ADD CONSTRAINT "allowance_reminder_claims_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_reminder_claims" ADD CONSTRAINT "allowance_reminder_claims_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allowance_reminder_claims" ADD CONSTRAINT "allowance_reminder_claims_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "allowance_reminder_claims" AS PERMISSIVE FOR ALL TO "kehoach_app" USING (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('kehoach.tenant_id', true), '')::uuid);