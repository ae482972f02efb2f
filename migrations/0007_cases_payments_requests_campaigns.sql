CREATE TABLE "assistance_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assistance_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_no" text NOT NULL,
	"program" text NOT NULL,
	"kind" text DEFAULT 'application' NOT NULL,
	"parent_case_id" bigint,
	"procedure" text NOT NULL,
	"state" text NOT NULL,
	"household_id" bigint,
	"applicant_person_id" bigint NOT NULL,
	"beneficiary_person_id" bigint,
	"jurisdiction_code" varchar(15) NOT NULL,
	"channel" text NOT NULL,
	"source_ref" text,
	"category" text,
	"cause" text,
	"cause_key" text,
	"requested_fen" bigint,
	"proposed_fen" bigint,
	"approved_fen" bigint,
	"payment_period" text,
	"people_covered" smallint,
	"promise_signed" boolean DEFAULT false NOT NULL,
	"data_check_authorised" boolean DEFAULT false NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"separately_registered" boolean DEFAULT false NOT NULL,
	"separate_note" text,
	"county_visit_done" boolean DEFAULT false NOT NULL,
	"approval_level" text,
	"exception_decision" jsonb,
	"publicity_round" smallint DEFAULT 0 NOT NULL,
	"publicity_from" date,
	"publicity_to" date,
	"prepaid_fen" bigint DEFAULT 0 NOT NULL,
	"prepaid_on" date,
	"paperwork_due_on" date,
	"step_started_on" date NOT NULL,
	"due_on" date,
	"overall_due_on" date,
	"extended" boolean DEFAULT false NOT NULL,
	"assignee_user_id" integer,
	"decision" jsonb,
	"decided_as_of" date,
	"received_on" date NOT NULL,
	"approved_on" date,
	"refused_on" date,
	"refusal_reason" text,
	"notice_due_on" date,
	"notice_served_on" date,
	"review_outcome" text,
	"first_payment_month" char(7),
	"next_review_on" date,
	"closed_on" date,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistance_cases_case_no_unique" UNIQUE("case_no"),
	CONSTRAINT "assistance_cases_money" CHECK (coalesce("assistance_cases"."approved_fen", 0) >= 0 and coalesce("assistance_cases"."proposed_fen", 0) >= 0 and "assistance_cases"."prepaid_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"assignee_user_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"visit_count" integer DEFAULT 0 NOT NULL,
	"last_visit_id" bigint,
	"last_visit_on" date,
	"last_result" text,
	"revisit_on" date,
	"closed_on" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_targets_status" CHECK ("campaign_targets"."status" in ('pending', 'revisit', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "campaign_visit_photos" (
	"visit_id" bigint PRIMARY KEY NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" bigint NOT NULL,
	"target_id" bigint NOT NULL,
	"visited_on" date NOT NULL,
	"result" text NOT NULL,
	"closes" boolean NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"location" text,
	"latitude" double precision,
	"longitude" double precision,
	"visitor_user_id" integer,
	"visitor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"jurisdiction_code" varchar(15) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"revisit_days" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"checklist" jsonb NOT NULL,
	"criteria" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_period" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_status" CHECK ("campaigns"."status" in ('active', 'closed')),
	CONSTRAINT "campaigns_revisit_days" CHECK ("campaigns"."revisit_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"visit_id" bigint,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"on_date" date NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"visited_on" date NOT NULL,
	"investigators" jsonb NOT NULL,
	"findings" text NOT NULL,
	"family_confirmed" boolean DEFAULT false NOT NULL,
	"confirmed_by" text,
	"location" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "council_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"jurisdiction_code" varchar(15) NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_request_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_request_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_request_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_request_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "help_request_followers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_request_followers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"person_id" bigint,
	"name" text,
	"phone_enc" text,
	"source_request_id" bigint,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tracking_code" varchar(12) NOT NULL,
	"channel" text NOT NULL,
	"category_code" varchar(40) NOT NULL,
	"state" text NOT NULL,
	"description" text NOT NULL,
	"person_id" bigint,
	"jurisdiction_code" varchar(15) NOT NULL,
	"address" text,
	"lat" double precision,
	"long" double precision,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_phone_index" text,
	"media_url" text,
	"handler_code" varchar(15) NOT NULL,
	"handler_role" text,
	"department" text,
	"assignee_user_id" integer,
	"council_meeting_id" bigint,
	"case_id" bigint,
	"merged_into_id" bigint,
	"response_due_at" timestamp with time zone NOT NULL,
	"resolution_due_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"next_escalation_at" timestamp with time zone,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"resolution_note" text,
	"satisfaction" smallint,
	"satisfaction_comment" text,
	"visited_at" timestamp with time zone,
	"created_by" integer,
	"submitted_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_requests_state" CHECK ("help_requests"."state" in ('new','assigned','in_progress','returned','transferred','resolved','visited','merged')),
	CONSTRAINT "help_requests_channel" CHECK ("help_requests"."channel" in ('hotline_card','patrol','council','walk_in','public_web','open311')),
	CONSTRAINT "help_requests_satisfaction" CHECK ("help_requests"."satisfaction" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "overpayments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "overpayments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"household_id" bigint,
	"jurisdiction_code" varchar(15) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overpayments_amounts" CHECK ("overpayments"."amount_fen" > 0 and "overpayments"."recovered_fen" >= 0 and "overpayments"."recovered_fen" <= "overpayments"."amount_fen" and "overpayments"."fine_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"county_code" varchar(15) NOT NULL,
	"month" char(7) NOT NULL,
	"status" text NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exported_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"household_id" bigint,
	"payee_person_id" bigint NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"program" text NOT NULL,
	"period" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"from_month" char(7) NOT NULL,
	"to_month" char(7),
	"status" text NOT NULL,
	"status_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_plans_amount" CHECK ("payment_plans"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" bigint,
	"case_id" bigint NOT NULL,
	"household_id" bigint,
	"payee_person_id" bigint NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"program" text NOT NULL,
	"month" char(7) NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"batch_id" bigint,
	"status" text NOT NULL,
	"failure_reason" text,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_categories" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text,
	"response_hours" integer NOT NULL,
	"resolution_hours" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_categories_hours" CHECK ("request_categories"."response_hours" > 0 and "request_categories"."resolution_hours" >= "request_categories"."response_hours")
);
--> statement-breakpoint
CREATE TABLE "request_routes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_routes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"category_code" varchar(40),
	"jurisdiction_code" varchar(15),
	"handler_level" text NOT NULL,
	"handler_role" text,
	"department" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_routes_level" CHECK ("request_routes"."handler_level" in ('grid','village','township','county')),
	CONSTRAINT "request_routes_target" CHECK ("request_routes"."handler_role" is not null or "request_routes"."department" is not null)
);
--> statement-breakpoint
CREATE TABLE "reserve_funds" (
	"township_code" varchar(15) NOT NULL,
	"year" smallint NOT NULL,
	"allocated_fen" bigint NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_funds_township_code_year_pk" PRIMARY KEY("township_code","year"),
	CONSTRAINT "reserve_funds_balance" CHECK ("reserve_funds"."spent_fen" >= 0 and "reserve_funds"."spent_fen" <= "reserve_funds"."allocated_fen")
);
--> statement-breakpoint
DROP INDEX "persons_name_idx";--> statement-breakpoint
DROP INDEX "persons_initials_idx";--> statement-breakpoint
DROP INDEX "persons_pinyin_idx";--> statement-breakpoint
DROP INDEX "persons_last4_idx";--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_parent_case_id_assistance_cases_id_fk" FOREIGN KEY ("parent_case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_applicant_person_id_persons_id_fk" FOREIGN KEY ("applicant_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_beneficiary_person_id_persons_id_fk" FOREIGN KEY ("beneficiary_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD CONSTRAINT "assistance_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visit_photos" ADD CONSTRAINT "campaign_visit_photos_visit_id_campaign_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."campaign_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_target_id_campaign_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."campaign_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_visitor_user_id_users_id_fk" FOREIGN KEY ("visitor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_visit_id_case_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."case_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_visits" ADD CONSTRAINT "case_visits_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_visits" ADD CONSTRAINT "case_visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_attachments" ADD CONSTRAINT "help_request_attachments_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_attachments" ADD CONSTRAINT "help_request_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_events" ADD CONSTRAINT "help_request_events_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_events" ADD CONSTRAINT "help_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_followers" ADD CONSTRAINT "help_request_followers_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_followers" ADD CONSTRAINT "help_request_followers_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_followers" ADD CONSTRAINT "help_request_followers_source_request_id_help_requests_id_fk" FOREIGN KEY ("source_request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_category_code_request_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."request_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_handler_code_jurisdictions_code_fk" FOREIGN KEY ("handler_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_council_meeting_id_council_meetings_id_fk" FOREIGN KEY ("council_meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_merged_into_id_help_requests_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayments" ADD CONSTRAINT "overpayments_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayments" ADD CONSTRAINT "overpayments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayments" ADD CONSTRAINT "overpayments_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayments" ADD CONSTRAINT "overpayments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_county_code_jurisdictions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_payee_person_id_persons_id_fk" FOREIGN KEY ("payee_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_plan_id_payment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."payment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_id_assistance_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assistance_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payee_person_id_persons_id_fk" FOREIGN KEY ("payee_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_routes" ADD CONSTRAINT "request_routes_category_code_request_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."request_categories"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_routes" ADD CONSTRAINT "request_routes_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_funds" ADD CONSTRAINT "reserve_funds_township_code_jurisdictions_code_fk" FOREIGN KEY ("township_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_cases_scope_idx" ON "assistance_cases" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "assistance_cases_queue_idx" ON "assistance_cases" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "assistance_cases_assignee_idx" ON "assistance_cases" USING btree ("assignee_user_id","due_on");--> statement-breakpoint
CREATE INDEX "assistance_cases_household_idx" ON "assistance_cases" USING btree ("household_id","program");--> statement-breakpoint
CREATE INDEX "assistance_cases_beneficiary_idx" ON "assistance_cases" USING btree ("beneficiary_person_id");--> statement-breakpoint
CREATE INDEX "assistance_cases_review_idx" ON "assistance_cases" USING btree ("next_review_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_targets_person_uq" ON "campaign_targets" USING btree ("campaign_id","person_id");--> statement-breakpoint
CREATE INDEX "campaign_targets_scope_idx" ON "campaign_targets" USING btree ("campaign_id","jurisdiction_code" collate "C","id");--> statement-breakpoint
CREATE INDEX "campaign_targets_assignee_idx" ON "campaign_targets" USING btree ("assignee_user_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_targets_revisit_idx" ON "campaign_targets" USING btree ("revisit_on") WHERE "campaign_targets"."status" = 'revisit';--> statement-breakpoint
CREATE INDEX "campaign_visits_target_idx" ON "campaign_visits" USING btree ("target_id","id");--> statement-breakpoint
CREATE INDEX "campaigns_scope_idx" ON "campaigns" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_visits_case_idx" ON "case_visits" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "council_meetings_scope_idx" ON "council_meetings" USING btree ("jurisdiction_code" collate "C","held_on");--> statement-breakpoint
CREATE INDEX "help_request_attachments_request_idx" ON "help_request_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "help_request_events_request_idx" ON "help_request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "help_request_followers_request_idx" ON "help_request_followers" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_tracking_uq" ON "help_requests" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "help_requests_open_scope_idx" ON "help_requests" USING btree ("jurisdiction_code" collate "C","due_at","id","state") WHERE "help_requests"."state" in ('new','assigned','in_progress','returned','transferred');--> statement-breakpoint
CREATE INDEX "help_requests_open_due_idx" ON "help_requests" USING btree ("due_at","jurisdiction_code" collate "C","category_code","id") WHERE "help_requests"."state" in ('new','assigned','in_progress','returned','transferred');--> statement-breakpoint
CREATE INDEX "help_requests_scope_idx" ON "help_requests" USING btree ("jurisdiction_code" collate "C","id");--> statement-breakpoint
CREATE INDEX "help_requests_resolved_idx" ON "help_requests" USING btree ("jurisdiction_code" collate "C") WHERE "help_requests"."state" = 'resolved';--> statement-breakpoint
CREATE INDEX "help_requests_escalated_idx" ON "help_requests" USING btree ("handler_code") WHERE "help_requests"."state" in ('new','assigned','in_progress','returned','transferred') and "help_requests"."escalation_level" > 0;--> statement-breakpoint
CREATE INDEX "help_requests_assignee_idx" ON "help_requests" USING btree ("assignee_user_id","due_at") WHERE "help_requests"."state" in ('new','assigned','in_progress','returned','transferred');--> statement-breakpoint
CREATE INDEX "help_requests_escalation_idx" ON "help_requests" USING btree ("next_escalation_at") WHERE "help_requests"."state" in ('new','assigned','in_progress','returned','transferred') and "help_requests"."next_escalation_at" is not null;--> statement-breakpoint
CREATE INDEX "help_requests_person_idx" ON "help_requests" USING btree ("person_id","created_at") WHERE "help_requests"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "help_requests_place_category_idx" ON "help_requests" USING btree ("jurisdiction_code","category_code","created_at");--> statement-breakpoint
CREATE INDEX "help_requests_council_idx" ON "help_requests" USING btree ("council_meeting_id") WHERE "help_requests"."council_meeting_id" is not null;--> statement-breakpoint
CREATE INDEX "help_requests_case_idx" ON "help_requests" USING btree ("case_id") WHERE "help_requests"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "help_requests_merged_idx" ON "help_requests" USING btree ("merged_into_id") WHERE "help_requests"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "overpayments_scope_idx" ON "overpayments" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_batches_county_month_uq" ON "payment_batches" USING btree ("county_code","month");--> statement-breakpoint
CREATE INDEX "payment_plans_scope_idx" ON "payment_plans" USING btree ("jurisdiction_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "payment_plans_case_idx" ON "payment_plans" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_plan_month_uq" ON "payments" USING btree ("plan_id","month","kind") WHERE "payments"."plan_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_scope_idx" ON "payments" USING btree ("jurisdiction_code" varchar_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "payments_case_idx" ON "payments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payments_batch_idx" ON "payments" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "payments_household_year_idx" ON "payments" USING btree ("household_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "request_routes_uq" ON "request_routes" USING btree (coalesce("category_code", ''),coalesce("jurisdiction_code", ''));--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name" collate "C","jurisdiction_code" collate "C","id") WHERE "persons"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "persons_initials_idx" ON "persons" USING btree ("name_initials" collate "C","jurisdiction_code" collate "C","id") WHERE "persons"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "persons_pinyin_idx" ON "persons" USING btree ("name_pinyin" collate "C","jurisdiction_code" collate "C","id") WHERE "persons"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "persons_last4_idx" ON "persons" USING btree ("id_last4" collate "C","jurisdiction_code" collate "C","id") WHERE "persons"."merged_into" is null;