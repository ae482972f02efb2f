CREATE TABLE "organisation_users" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"organisation_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"registration_authority" text,
	"registered_on" date,
	"charity_status" varchar(12) DEFAULT 'none' NOT NULL,
	"charity_since" date,
	"public_fundraising" boolean DEFAULT false NOT NULL,
	"public_fundraising_since" date,
	"address" text,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_credit_code_unique" UNIQUE("credit_code"),
	CONSTRAINT "organisations_kind" CHECK ("organisations"."kind" in ('charity', 'foundation', 'social_organisation', 'social_work', 'volunteer', 'enterprise', 'public_institution')),
	CONSTRAINT "organisations_charity_status" CHECK ("organisations"."charity_status" in ('none', 'registered', 'recognised')),
	CONSTRAINT "organisations_fundraising_needs_charity" CHECK (not "organisations"."public_fundraising" or "organisations"."charity_status" <> 'none')
);
--> statement-breakpoint
ALTER TABLE "organisation_users" ADD CONSTRAINT "organisation_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_users" ADD CONSTRAINT "organisation_users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_users_org_idx" ON "organisation_users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_scope_idx" ON "organisations" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");