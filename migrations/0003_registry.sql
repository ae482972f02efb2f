CREATE TABLE "household_assets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_assets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"value_fen" bigint NOT NULL,
	"floor_area_cm2" bigint,
	"description" text DEFAULT '' NOT NULL,
	"as_of" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_expenses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_expenses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"date" date NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_incomes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_incomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" bigint NOT NULL,
	"person_id" bigint,
	"type" text NOT NULL,
	"subtype" text NOT NULL,
	"month" char(7) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"household_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"relationship" text NOT NULL,
	"flags" jsonb NOT NULL,
	"joined_at" date NOT NULL,
	"left_at" date
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"jurisdiction_code" varchar(15) NOT NULL,
	"address" text,
	"head_person_id" bigint,
	"bank_name" text,
	"bank_account_enc" text,
	"account_holder" text,
	"external_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "persons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"id_number_enc" text,
	"id_number_index" text,
	"id_last4" varchar(4),
	"sex" text,
	"birth_date" date,
	"phone_enc" text,
	"phone_index" text,
	"hukou_code" varchar(15),
	"jurisdiction_code" varchar(15) NOT NULL,
	"address" text,
	"ethnicity" text,
	"marital_status" text,
	"education" text,
	"employment_status" text,
	"work_capacity" text,
	"disability_category" text,
	"disability_grade" smallint,
	"serious_illnesses" text[] DEFAULT '{}' NOT NULL,
	"self_care" jsonb,
	"death_date" date,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"contact_card_no" text,
	"merged_into" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_disability_grade" CHECK ("persons"."disability_grade" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "registry_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registry_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity" text NOT NULL,
	"entity_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"actor_name" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "vocabularies" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text,
	"active" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_assets" ADD CONSTRAINT "household_assets_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_expenses" ADD CONSTRAINT "household_expenses_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_incomes" ADD CONSTRAINT "household_incomes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_incomes" ADD CONSTRAINT "household_incomes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_head_person_id_persons_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_persons_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_assets_household_idx" ON "household_assets" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_expenses_household_idx" ON "household_expenses" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_incomes_household_idx" ON "household_incomes" USING btree ("household_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_current_uq" ON "household_members" USING btree ("person_id") WHERE "household_members"."left_at" is null;--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "households_scope_idx" ON "households" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_external_key_uq" ON "households" USING btree ("external_key");--> statement-breakpoint
CREATE INDEX "persons_scope_idx" ON "persons" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_uq" ON "persons" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_initials_idx" ON "persons" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_pinyin_idx" ON "persons" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_last4_idx" ON "persons" USING btree ("id_last4");--> statement-breakpoint
CREATE INDEX "persons_tags_idx" ON "persons" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "persons_card_idx" ON "persons" USING btree ("contact_card_no");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_history_version_uq" ON "registry_history" USING btree ("entity","entity_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "vocabularies_kind_code_uq" ON "vocabularies" USING btree ("kind","code");
--> statement-breakpoint
-- Hand-written: the default configurable lists (admins may add more).
INSERT INTO "vocabularies" ("kind", "code", "label_zh", "label_en") VALUES
  ('tag','elderly_alone','独居老人','Elderly living alone'),
  ('tag','left_behind_child','留守儿童','Left-behind child'),
  ('tag','child_in_difficulty','困境儿童','Child in difficulty'),
  ('tag','orphan','孤儿','Orphan'),
  ('tag','de_facto_unsupported_child','事实无人抚养儿童','De-facto unsupported child'),
  ('tag','disabled','残疾人','Person with disability'),
  ('tag','seriously_ill','重病患者','Seriously ill'),
  ('tag','outdoor_worker','户外劳动者','Outdoor worker'),
  ('tag','migrant_worker','外来务工人员','Migrant worker'),
  ('tag','near_dibao','低保边缘','Near 低保 (marginal)'),
  ('illness','malignant_tumour','恶性肿瘤','Malignant tumour'),
  ('illness','uraemia','尿毒症','Uraemia'),
  ('illness','leukaemia','白血病','Leukaemia'),
  ('illness','organ_transplant','器官移植','Organ transplant'),
  ('illness','severe_mental_illness','重性精神病','Severe mental illness'),
  ('illness','congenital_heart_disease','先天性心脏病','Congenital heart disease'),
  ('illness','haemophilia','血友病','Haemophilia');
