DROP INDEX "persons_phone_idx";--> statement-breakpoint
DROP INDEX "persons_tags_idx";--> statement-breakpoint
DROP INDEX "persons_card_idx";--> statement-breakpoint
ALTER TABLE "household_members" ALTER COLUMN "flags" SET DEFAULT '{"livingTogether":true,"fullTimeStudent":false,"servingSentence":false,"clergyLivingApartSince":null,"ableToLiveIndependently":null,"legalSupportDuty":false}'::jsonb;--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone_index") WHERE "persons"."phone_index" is not null;--> statement-breakpoint
CREATE INDEX "persons_tags_idx" ON "persons" USING gin ("tags") WHERE cardinality("persons"."tags") > 0;--> statement-breakpoint
CREATE INDEX "persons_card_idx" ON "persons" USING btree ("contact_card_no") WHERE "persons"."contact_card_no" is not null;