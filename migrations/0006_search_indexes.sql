DROP INDEX "persons_name_idx";--> statement-breakpoint
DROP INDEX "persons_initials_idx";--> statement-breakpoint
DROP INDEX "persons_pinyin_idx";--> statement-breakpoint
DROP INDEX "persons_last4_idx";--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name" text_pattern_ops,"jurisdiction_code" varchar_pattern_ops) WHERE "persons"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "persons_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops,"jurisdiction_code" varchar_pattern_ops) WHERE "persons"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "persons_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops,"jurisdiction_code" varchar_pattern_ops) WHERE "persons"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "persons_last4_idx" ON "persons" USING btree ("id_last4","jurisdiction_code" varchar_pattern_ops) WHERE "persons"."merged_into" is null;