CREATE TABLE "attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_kind" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"jurisdiction_code" varchar(15) NOT NULL,
	"kind" text,
	"caption" text,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_owner_kind_check" CHECK ("attachments"."owner_kind" ~ '^[a-z][a-z_]{0,39}$'),
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id","id");--> statement-breakpoint
-- hand-written below
-- The three attachment tables of one shape (case_attachments, help_request_attachments,
-- campaign_visit_photos) become the one table above. The sealed envelopes move unchanged (same
-- cipher, same key id; their ASCII bytes become text: `lastmile keys rotate` finds them here
-- afterwards); each row takes its
-- owner's place; new ids are given in upload order. Then the old tables go. The migrator runs
-- this file in one transaction, so a crash leaves either the old tables or the new one.
INSERT INTO "attachments" ("owner_kind", "owner_id", "jurisdiction_code", "kind", "caption", "file_name", "media_type", "size_bytes", "sha256", "content", "created_by", "created_at")
SELECT * FROM (
  SELECT CASE WHEN a."visit_id" IS NULL THEN 'case' ELSE 'case_visit' END, coalesce(a."visit_id", a."case_id"), c."jurisdiction_code",
         a."kind", NULL::text, a."file_name", a."mime_type", a."size_bytes", a."sha256", convert_from(a."content", 'UTF8'), a."created_by", a."created_at"
    FROM "case_attachments" a JOIN "assistance_cases" c ON c."id" = a."case_id"
  UNION ALL
  SELECT 'help_request', a."request_id", r."jurisdiction_code",
         NULL, NULL, a."file_name", a."mime_type", a."size_bytes", a."sha256", convert_from(a."content", 'UTF8'), a."created_by", a."created_at"
    FROM "help_request_attachments" a JOIN "help_requests" r ON r."id" = a."request_id"
  UNION ALL
  SELECT 'campaign_visit', p."visit_id", t."jurisdiction_code",
         'photo', NULL,
         'visit-' || p."visit_id" || CASE p."mime_type" WHEN 'image/png' THEN '.png' WHEN 'image/webp' THEN '.webp' ELSE '.jpg' END,
         p."mime_type", p."size_bytes", p."sha256", convert_from(p."content", 'UTF8'), v."visitor_user_id", p."created_at"
    FROM "campaign_visit_photos" p JOIN "campaign_visits" v ON v."id" = p."visit_id" JOIN "campaign_targets" t ON t."id" = v."target_id"
) moved ("owner_kind", "owner_id", "jurisdiction_code", "kind", "caption", "file_name", "media_type", "size_bytes", "sha256", "content", "created_by", "created_at")
ORDER BY "created_at", "owner_kind", "owner_id";--> statement-breakpoint
DROP TABLE "campaign_visit_photos" CASCADE;--> statement-breakpoint
DROP TABLE "case_attachments" CASCADE;--> statement-breakpoint
DROP TABLE "help_request_attachments" CASCADE;
