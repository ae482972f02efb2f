CREATE TABLE "imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"file_sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text NOT NULL,
	"progress" jsonb,
	"counts" jsonb,
	"committed" jsonb,
	"report" "bytea",
	"error" text,
	"created_by" text NOT NULL,
	"scope" varchar(15) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "imports_scope_idx" ON "imports" USING btree ("scope" varchar_pattern_ops,"id");