CREATE TABLE "login_throttles" (
	"kind" varchar(10) NOT NULL,
	"username" varchar(64) NOT NULL,
	"address" varchar(64) NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "login_throttles_kind_username_address_pk" PRIMARY KEY("kind","username","address")
);
--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD COLUMN "cause_kind" varchar(32);--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD COLUMN "cause_event_on" date;--> statement-breakpoint
ALTER TABLE "assistance_cases" ADD COLUMN "cause_reference" text;--> statement-breakpoint
CREATE INDEX "login_throttles_last_failure_idx" ON "login_throttles" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "assistance_cases" DROP COLUMN "cause_key";--> statement-breakpoint
-- hand-written below
-- 临时救助 causes were free text keyed by their wording (cause_key, dropped above). They become
-- structured: the kind from keywords (else 'other'); the event date from the text — a full date,
-- "M月D日" or "M月" (the 1st) in the year the case was received, or the year before when that day
-- is after it — else the day the application was received. The text stays as the description.
CREATE FUNCTION "lastmile_0009_date"(y integer, m integer, d integer) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF y < 1900 OR y > 2100 THEN RETURN NULL; END IF;
  RETURN make_date(y, m, d);
EXCEPTION WHEN others THEN RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "lastmile_0009_recent"(m integer, d integer, received date) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE c date;
BEGIN
  c := "lastmile_0009_date"(extract(year FROM received)::integer, m, d);
  IF c IS NULL OR c > received THEN c := "lastmile_0009_date"(extract(year FROM received)::integer - 1, m, d); END IF;
  RETURN c;
END $$;--> statement-breakpoint
UPDATE "assistance_cases" AS c SET
  "cause_kind" = CASE
    WHEN c.cause ~ '火灾|失火|起火|着火|火情|大火|烧毁' THEN 'fire'
    WHEN c.cause ~ '车祸|交通事故|撞伤|被撞|追尾' THEN 'traffic_accident'
    WHEN c.cause ~ '洪|水灾|内涝|地震|暴雨|台风|冰雹|泥石流|滑坡|雪灾|旱灾|自然灾害|倒塌' THEN 'natural_disaster'
    WHEN c.cause ~ '学费|上学|入学|教育|读书|大学|升学' THEN 'education'
    WHEN c.cause ~ '医疗费|医药费|住院费|治疗费|手术费|医疗支出|医疗费用' OR (c.category = 'expenditure' AND c.cause ~ '病|医|住院|治疗|手术') THEN 'medical'
    WHEN c.cause ~ '重病|疾病|急病|心梗|脑梗|脑出血|中风|癌|白血病|病|住院' THEN 'sudden_illness'
    WHEN c.cause ~ '摔伤|意外|受伤|伤害|烫伤|烧伤|溺水|骨折|工伤' THEN 'accidental_injury'
    WHEN c.cause ~ '失业|停工|下岗|失去工作|停产|裁员' THEN 'job_loss'
    WHEN c.cause ~ '流浪|乞讨|生活无着|迷路|滞留|走失' THEN 'stranded'
    ELSE 'other'
  END,
  "cause_event_on" = coalesce(
    CASE
      WHEN p.ymd IS NOT NULL THEN "lastmile_0009_date"(p.ymd[1]::integer, p.ymd[2]::integer, p.ymd[3]::integer)
      WHEN p.md IS NOT NULL THEN "lastmile_0009_recent"(p.md[1]::integer, p.md[2]::integer, c.received_on)
      WHEN p.m IS NOT NULL THEN "lastmile_0009_recent"(p.m[1]::integer, 1, c.received_on)
    END,
    c.received_on)
FROM (
  SELECT id,
         regexp_match(cause, '(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})') AS ymd,
         regexp_match(cause, '(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]') AS md,
         regexp_match(cause, '(\d{1,2})\s*月') AS m
    FROM "assistance_cases"
   WHERE program = 'temporary' AND cause IS NOT NULL AND cause_kind IS NULL
) AS p
WHERE c.id = p.id;--> statement-breakpoint
DROP FUNCTION "lastmile_0009_recent"(integer, integer, date);--> statement-breakpoint
DROP FUNCTION "lastmile_0009_date"(integer, integer, integer);
