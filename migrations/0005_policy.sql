CREATE TABLE "policy_parameters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policy_parameters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"jurisdiction" varchar(15) NOT NULL,
	"valid_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"tag" text NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"run_id" bigint NOT NULL,
	"household_id" bigint NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"program" text NOT NULL,
	"subject" smallint DEFAULT -1 NOT NULL,
	"status" text NOT NULL,
	"amount_fen" bigint,
	"category" text,
	"near_miss" boolean DEFAULT false NOT NULL,
	"missing" text[]
);
--> statement-breakpoint
CREATE TABLE "screening_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "screening_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"programs" text[] NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"as_of" date NOT NULL,
	"status" text NOT NULL,
	"households_total" integer,
	"households_done" integer DEFAULT 0 NOT NULL,
	"last_household_id" bigint DEFAULT 0 NOT NULL,
	"eligible_count" integer DEFAULT 0 NOT NULL,
	"started_by" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_run_id_screening_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."screening_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_parameters_key_idx" ON "policy_parameters" USING btree ("key","jurisdiction","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_results_pk" ON "screening_results" USING btree ("run_id","household_id","program","subject");--> statement-breakpoint
CREATE INDEX "screening_results_scope_idx" ON "screening_results" USING btree ("run_id","jurisdiction_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "screening_runs_scope_idx" ON "screening_runs" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");