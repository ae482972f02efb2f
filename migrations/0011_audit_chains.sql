CREATE SEQUENCE "public"."audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "audit_chain" RENAME COLUMN "last_id" TO "last_seq";--> statement-breakpoint
ALTER TABLE "audit_chain" DROP CONSTRAINT "audit_chain_single_row";--> statement-breakpoint
ALTER TABLE "audit_chain" ADD COLUMN "last_key_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;--> statement-breakpoint
-- hand-written below
-- Entries of the single unkeyed chain (migration 0001) become chain 0 with seq = id. The
-- append-only guard is lifted for this one data move, inside the migration's transaction.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_delete";--> statement-breakpoint
UPDATE "audit_log" SET "seq" = "id";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_delete";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_key" ON "audit_log" USING btree ("chain", "seq");--> statement-breakpoint
-- New rows take ids after the old ones (ids are no longer consecutive; seq is, per chain).
SELECT setval('audit_log_id_seq', coalesce((SELECT max("id") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
-- The old head row becomes chain 0; chains 1–15 start empty from the genesis hash.
UPDATE "audit_chain" SET "id" = 0 WHERE "id" = 1;--> statement-breakpoint
INSERT INTO "audit_chain" ("id", "last_seq", "last_hash")
  SELECT g, 0, repeat('0', 64) FROM generate_series(0, 15) AS g
  ON CONFLICT ("id") DO NOTHING;
