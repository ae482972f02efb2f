CREATE TABLE "person_job_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_job_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" text,
	"reason" text,
	"source" text,
	"revises" bigint,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"employer" text,
	"placement_kind" text
);
--> statement-breakpoint
CREATE TABLE "person_parent_situations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_parent_situations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" text,
	"reason" text,
	"source" text,
	"revises" bigint,
	"parent" text NOT NULL,
	"parent_person_id" bigint,
	"situation" text NOT NULL,
	"began_on" date,
	"ended_on" date,
	"evidence_kind" text NOT NULL,
	"disability_category" text,
	"disability_grade" smallint,
	CONSTRAINT "person_parent_situations_grade" CHECK ("person_parent_situations"."disability_grade" between 1 and 4),
	CONSTRAINT "person_parent_situations_dates" CHECK ("person_parent_situations"."ended_on" is null or "person_parent_situations"."began_on" is null or "person_parent_situations"."ended_on" >= "person_parent_situations"."began_on")
);
--> statement-breakpoint
CREATE TABLE "person_supporters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_supporters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" text,
	"reason" text,
	"source" text,
	"revises" bigint,
	"relation" text NOT NULL,
	"supporter_person_id" bigint,
	"name" text,
	"id_number_enc" text,
	"id_number_index" text,
	"id_last4" varchar(4),
	"birth_date" date,
	"monthly_income_fen" bigint,
	"property_within_rule" boolean,
	"disability_category" text,
	"disability_grade" smallint,
	"situations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "person_supporters_who" CHECK ("person_supporters"."relation" = 'none' or "person_supporters"."supporter_person_id" is not null or "person_supporters"."name" is not null),
	CONSTRAINT "person_supporters_income" CHECK ("person_supporters"."monthly_income_fen" >= 0),
	CONSTRAINT "person_supporters_grade" CHECK ("person_supporters"."disability_grade" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "person_unemployment" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "person_unemployment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" text,
	"reason" text,
	"source" text,
	"revises" bigint,
	"contribution_months" smallint NOT NULL,
	"last_employer" text,
	"separation_on" date NOT NULL,
	"separation_reason" text NOT NULL,
	"registered_on" date,
	"unused_months" smallint DEFAULT 0 NOT NULL,
	"subsidy_received" boolean DEFAULT false NOT NULL,
	"reemployed_on" date,
	CONSTRAINT "person_unemployment_months" CHECK ("person_unemployment"."contribution_months" between 0 and 600 and "person_unemployment"."unused_months" between 0 and 600)
);
--> statement-breakpoint
ALTER TABLE "person_job_events" ADD CONSTRAINT "person_job_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_job_events" ADD CONSTRAINT "person_job_events_revises_person_job_events_id_fk" FOREIGN KEY ("revises") REFERENCES "public"."person_job_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_parent_situations" ADD CONSTRAINT "person_parent_situations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_parent_situations" ADD CONSTRAINT "person_parent_situations_revises_person_parent_situations_id_fk" FOREIGN KEY ("revises") REFERENCES "public"."person_parent_situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_parent_situations" ADD CONSTRAINT "person_parent_situations_parent_person_id_persons_id_fk" FOREIGN KEY ("parent_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_supporters" ADD CONSTRAINT "person_supporters_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_supporters" ADD CONSTRAINT "person_supporters_revises_person_supporters_id_fk" FOREIGN KEY ("revises") REFERENCES "public"."person_supporters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_supporters" ADD CONSTRAINT "person_supporters_supporter_person_id_persons_id_fk" FOREIGN KEY ("supporter_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_unemployment" ADD CONSTRAINT "person_unemployment_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_unemployment" ADD CONSTRAINT "person_unemployment_revises_person_unemployment_id_fk" FOREIGN KEY ("revises") REFERENCES "public"."person_unemployment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_job_events_person_idx" ON "person_job_events" USING btree ("person_id","on_date") WHERE "person_job_events"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "person_parent_situations_person_idx" ON "person_parent_situations" USING btree ("person_id") WHERE "person_parent_situations"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "person_supporters_person_idx" ON "person_supporters" USING btree ("person_id") WHERE "person_supporters"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "person_supporters_linked_idx" ON "person_supporters" USING btree ("supporter_person_id") WHERE "person_supporters"."supporter_person_id" is not null;--> statement-breakpoint
CREATE INDEX "person_unemployment_person_idx" ON "person_unemployment" USING btree ("person_id") WHERE "person_unemployment"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "payment_plans_household_idx" ON "payment_plans" USING btree ("household_id") WHERE "payment_plans"."status" = 'active';