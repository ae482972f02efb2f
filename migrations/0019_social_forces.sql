CREATE TABLE "charity_projects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charity_projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"cause" varchar(16) NOT NULL,
	"goal_fen" bigint,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"jurisdiction_code" varchar(15) NOT NULL,
	"fundraising_filing_no" varchar(40),
	"criteria" jsonb,
	"partner_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"status" varchar(8) DEFAULT 'active' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charity_projects_period" CHECK ("charity_projects"."ends_on" is null or "charity_projects"."ends_on" >= "charity_projects"."starts_on"),
	CONSTRAINT "charity_projects_goal" CHECK ("charity_projects"."goal_fen" is null or "charity_projects"."goal_fen" > 0),
	CONSTRAINT "charity_projects_status" CHECK ("charity_projects"."status" in ('active', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "charity_stores" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charity_stores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charity_stores_kind" CHECK ("charity_stores"."kind" in ('warehouse', 'service_point'))
);
--> statement-breakpoint
CREATE TABLE "distribution_recipients" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "distribution_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"distribution_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"person_id" bigint,
	"jurisdiction_code" varchar(15) NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"value_fen" bigint NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"delivered_on" date,
	"signed_by" integer,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_recipients_status" CHECK ("distribution_recipients"."status" in ('pending', 'delivered', 'undelivered'))
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "distributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"project_id" bigint,
	"store_id" bigint,
	"name" text NOT NULL,
	"kind" varchar(8) NOT NULL,
	"cause" varchar(16) NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"package" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"value_fen" bigint NOT NULL,
	"planned_on" date NOT NULL,
	"criteria" jsonb,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"status" varchar(8) DEFAULT 'open' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributions_kind" CHECK (("distributions"."kind" = 'goods' and "distributions"."store_id" is not null) or ("distributions"."kind" = 'money' and "distributions"."project_id" is not null and "distributions"."amount_fen" > 0)),
	CONSTRAINT "distributions_status" CHECK ("distributions"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" bigint NOT NULL,
	"project_id" bigint,
	"kind" varchar(8) NOT NULL,
	"donor_kind" varchar(12) NOT NULL,
	"donor_name" text,
	"donor_organisation_id" bigint,
	"amount_fen" bigint NOT NULL,
	"channel" varchar(12),
	"received_on" date NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"restricted_purpose" text,
	"store_id" bigint,
	"receipt_year" integer NOT NULL,
	"receipt_no" integer NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_kind" CHECK ("donations"."kind" in ('money', 'goods')),
	CONSTRAINT "donations_donor" CHECK (("donations"."donor_kind" = 'anonymous' and "donations"."donor_name" is null) or ("donations"."donor_kind" in ('person', 'organisation') and "donations"."donor_name" is not null)),
	CONSTRAINT "donations_amount" CHECK (("donations"."kind" = 'money' and "donations"."amount_fen" > 0) or ("donations"."kind" = 'goods' and "donations"."amount_fen" >= 0)),
	CONSTRAINT "donations_receipt_no" CHECK ("donations"."receipt_no" > 0)
);
--> statement-breakpoint
CREATE TABLE "goods_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goods_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"unit" varchar(20) NOT NULL,
	"category" varchar(16) NOT NULL,
	"perishable" boolean DEFAULT false NOT NULL,
	"unit_value_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goods_items_value" CHECK ("goods_items"."unit_value_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "receipt_counters" (
	"organisation_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"last_no" integer NOT NULL,
	CONSTRAINT "receipt_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "stock_balances" (
	"store_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"quantity" bigint NOT NULL,
	"value_fen" bigint NOT NULL,
	CONSTRAINT "stock_balances_store_id_item_id_pk" PRIMARY KEY("store_id","item_id"),
	CONSTRAINT "stock_balances_not_negative" CHECK ("stock_balances"."quantity" >= 0 and "stock_balances"."value_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"store_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"kind" varchar(14) NOT NULL,
	"quantity" bigint NOT NULL,
	"value_fen" bigint NOT NULL,
	"reason" text,
	"donation_id" bigint,
	"distribution_id" bigint,
	"other_store_id" bigint,
	"expires_on" date,
	"occurred_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_kind" CHECK ("stock_movements"."kind" in ('in', 'out', 'transfer_in', 'transfer_out', 'loss', 'distribution', 'return')),
	CONSTRAINT "stock_movements_sign" CHECK (("stock_movements"."kind" in ('in', 'transfer_in', 'return') and "stock_movements"."quantity" > 0) or ("stock_movements"."kind" in ('out', 'transfer_out', 'loss', 'distribution') and "stock_movements"."quantity" < 0)),
	CONSTRAINT "stock_movements_loss_reason" CHECK ("stock_movements"."kind" <> 'loss' or coalesce(length(trim("stock_movements"."reason")), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wishes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"jurisdiction_code" varchar(15) NOT NULL,
	"organisation_id" bigint,
	"person_id" bigint,
	"beneficiary_kind" varchar(8) NOT NULL,
	"category" varchar(12) NOT NULL,
	"budget_fen" bigint NOT NULL,
	"public_text" text NOT NULL,
	"status" varchar(10) DEFAULT 'posted' NOT NULL,
	"claimant_kind" varchar(12),
	"claimant_name" text,
	"claimant_phone_enc" text,
	"claimed_at" timestamp with time zone,
	"fulfilled_on" date,
	"confirmation" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_status" CHECK ("wishes"."status" in ('posted', 'claimed', 'fulfilled')),
	CONSTRAINT "wishes_budget" CHECK ("wishes"."budget_fen" > 0),
	CONSTRAINT "wishes_kind" CHECK ("wishes"."beneficiary_kind" in ('child', 'elderly'))
);
--> statement-breakpoint
ALTER TABLE "charity_projects" ADD CONSTRAINT "charity_projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_projects" ADD CONSTRAINT "charity_projects_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_projects" ADD CONSTRAINT "charity_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_stores" ADD CONSTRAINT "charity_stores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_stores" ADD CONSTRAINT "charity_stores_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_recipients" ADD CONSTRAINT "distribution_recipients_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_project_id_charity_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."charity_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_store_id_charity_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."charity_stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_project_id_charity_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."charity_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_donor_organisation_id_organisations_id_fk" FOREIGN KEY ("donor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_store_id_charity_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."charity_stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_counters" ADD CONSTRAINT "receipt_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_store_id_charity_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."charity_stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_item_id_goods_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."goods_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_store_id_charity_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."charity_stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_item_id_goods_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."goods_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_other_store_id_charity_stores_id_fk" FOREIGN KEY ("other_store_id") REFERENCES "public"."charity_stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charity_projects_org_idx" ON "charity_projects" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "charity_projects_scope_idx" ON "charity_projects" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "charity_stores_org_idx" ON "charity_stores" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_recipients_household_uq" ON "distribution_recipients" USING btree ("distribution_id","household_id");--> statement-breakpoint
CREATE INDEX "distribution_recipients_scope_idx" ON "distribution_recipients" USING btree ("distribution_id","jurisdiction_code" collate "C","id");--> statement-breakpoint
CREATE INDEX "distribution_recipients_household_idx" ON "distribution_recipients" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "distribution_recipients_person_idx" ON "distribution_recipients" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "distributions_org_idx" ON "distributions" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "distributions_scope_idx" ON "distributions" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_receipt_uq" ON "donations" USING btree ("organisation_id","receipt_year","receipt_no");--> statement-breakpoint
CREATE INDEX "donations_project_idx" ON "donations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goods_items_name_unit_uq" ON "goods_items" USING btree ("name","unit");--> statement-breakpoint
CREATE INDEX "stock_movements_store_item_idx" ON "stock_movements" USING btree ("store_id","item_id","id");--> statement-breakpoint
CREATE INDEX "stock_movements_distribution_idx" ON "stock_movements" USING btree ("distribution_id") WHERE "stock_movements"."distribution_id" is not null;--> statement-breakpoint
CREATE INDEX "wishes_scope_idx" ON "wishes" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");