CREATE TABLE "place_locations" (
	"jurisdiction_code" varchar(15) PRIMARY KEY NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"kind" text DEFAULT 'centroid' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_locations_wgs84_china" CHECK ("place_locations"."lng" between 73.4 and 135.1 and "place_locations"."lat" between 3.8 and 53.6),
	CONSTRAINT "place_locations_kind" CHECK ("place_locations"."kind" in ('centroid','office'))
);
--> statement-breakpoint
CREATE TABLE "service_catalogue" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"group_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_catalogue_code" CHECK ("service_catalogue"."code" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "service_point_consultations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_point_consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"point_id" bigint NOT NULL,
	"service_code" varchar(40),
	"asked_at" timestamp with time zone NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"outcome" text NOT NULL,
	"program_id" text,
	"person_id" bigint,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_point_consultations_outcome" CHECK ("service_point_consultations"."outcome" in ('answered','referred_self_check','application_registered','referred_elsewhere','follow_up')),
	CONSTRAINT "service_point_consultations_program" CHECK ("service_point_consultations"."outcome" <> 'referred_self_check' or "service_point_consultations"."program_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "service_point_meal_settlements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_point_meal_settlements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"point_id" bigint NOT NULL,
	"operator_id" bigint,
	"month" varchar(7) NOT NULL,
	"meals" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_point_meal_settlements_total" CHECK ("service_point_meal_settlements"."total_fen" >= 0 and "service_point_meal_settlements"."meals" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_point_meals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_point_meals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"point_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"served_on" date NOT NULL,
	"category" text NOT NULL,
	"subsidy_fen" integer NOT NULL,
	"settlement_id" bigint,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_point_meals_category" CHECK ("service_point_meals"."category" in ('age80','dibao','tekun')),
	CONSTRAINT "service_point_meals_subsidy" CHECK ("service_point_meals"."subsidy_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_point_services" (
	"point_id" bigint NOT NULL,
	"service_code" varchar(40) NOT NULL,
	CONSTRAINT "service_point_services_point_id_service_code_pk" PRIMARY KEY("point_id","service_code")
);
--> statement-breakpoint
CREATE TABLE "service_point_types" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_point_types_code" CHECK ("service_point_types"."code" ~ '^[a-z][a-z0-9_]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "service_point_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_point_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"point_id" bigint NOT NULL,
	"service_code" varchar(40) NOT NULL,
	"visited_on" date NOT NULL,
	"count" integer NOT NULL,
	"person_id" bigint,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_point_visits_count" CHECK ("service_point_visits"."count" between 1 and 100000 and ("service_point_visits"."person_id" is null or "service_point_visits"."count" = 1))
);
--> statement-breakpoint
CREATE TABLE "service_points" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_points_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type_code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"operator_id" bigint,
	"jurisdiction_code" varchar(15) NOT NULL,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"always_open" boolean DEFAULT false NOT NULL,
	"hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"holiday_rule" text DEFAULT 'as_usual' NOT NULL,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer,
	"accessibility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_reason" text,
	"closed_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_points_wgs84_china" CHECK ("service_points"."lng" between 73.4 and 135.1 and "service_points"."lat" between 3.8 and 53.6),
	CONSTRAINT "service_points_holiday_rule" CHECK ("service_points"."holiday_rule" in ('as_usual','closed_on_holidays','workdays')),
	CONSTRAINT "service_points_status" CHECK ("service_points"."status" in ('open','temporarily_closed','closed')),
	CONSTRAINT "service_points_closed_reason" CHECK ("service_points"."status" = 'open' or "service_points"."closed_reason" is not null),
	CONSTRAINT "service_points_capacity" CHECK ("service_points"."capacity" is null or "service_points"."capacity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "place_locations" ADD CONSTRAINT "place_locations_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_consultations" ADD CONSTRAINT "service_point_consultations_point_id_service_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_consultations" ADD CONSTRAINT "service_point_consultations_service_code_service_catalogue_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service_catalogue"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_consultations" ADD CONSTRAINT "service_point_consultations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_consultations" ADD CONSTRAINT "service_point_consultations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meal_settlements" ADD CONSTRAINT "service_point_meal_settlements_point_id_service_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."service_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meal_settlements" ADD CONSTRAINT "service_point_meal_settlements_operator_id_organisations_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meal_settlements" ADD CONSTRAINT "service_point_meal_settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meals" ADD CONSTRAINT "service_point_meals_point_id_service_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."service_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meals" ADD CONSTRAINT "service_point_meals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meals" ADD CONSTRAINT "service_point_meals_settlement_id_service_point_meal_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."service_point_meal_settlements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_meals" ADD CONSTRAINT "service_point_meals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_services" ADD CONSTRAINT "service_point_services_point_id_service_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_services" ADD CONSTRAINT "service_point_services_service_code_service_catalogue_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service_catalogue"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_visits" ADD CONSTRAINT "service_point_visits_point_id_service_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_visits" ADD CONSTRAINT "service_point_visits_service_code_service_catalogue_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service_catalogue"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_visits" ADD CONSTRAINT "service_point_visits_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_point_visits" ADD CONSTRAINT "service_point_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_type_code_service_point_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."service_point_types"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_operator_id_organisations_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_point_consultations_point_idx" ON "service_point_consultations" USING btree ("point_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_point_meal_settlements_month_uq" ON "service_point_meal_settlements" USING btree ("point_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "service_point_meals_person_day_uq" ON "service_point_meals" USING btree ("person_id","served_on");--> statement-breakpoint
CREATE INDEX "service_point_meals_point_idx" ON "service_point_meals" USING btree ("point_id","served_on");--> statement-breakpoint
CREATE INDEX "service_point_services_service_idx" ON "service_point_services" USING btree ("service_code","point_id");--> statement-breakpoint
CREATE INDEX "service_point_visits_point_idx" ON "service_point_visits" USING btree ("point_id","visited_on");--> statement-breakpoint
CREATE INDEX "service_points_lat_lng_idx" ON "service_points" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "service_points_scope_idx" ON "service_points" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "service_points_type_idx" ON "service_points" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "service_points_operator_idx" ON "service_points" USING btree ("operator_id");