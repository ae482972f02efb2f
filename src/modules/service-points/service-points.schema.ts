// Contracts of service points (服务阵地): catalogues, staff CRUD, usage, the public directory.
// Browser-safe (zod only): the web imports these. Coordinates come in from any map system
// (lib/geo) and go out in WGS-84, saying so.
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { InstantText, LocalDate, YearMonth } from '../../lib/date.schema.ts';
import { CoordinateSystemSchema, PointIn, PointOut, checkPoint } from '../../lib/geo/schema.ts';
import { Phone } from '../persons/persons.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { ACCESSIBILITY, SERVICE_GROUPS } from './catalogue.ts';
import { HOLIDAY_RULES, TIME } from './hours.ts';

export const STATUSES = ['open', 'temporarily_closed', 'closed'] as const;
export const OUTCOMES = ['answered', 'referred_self_check', 'application_registered', 'referred_elsewhere', 'follow_up'] as const;

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const PointIdParams = z.object({ id: Id });
export const CatalogueCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, bi('a code of lower-case letters, digits and _ (2–40)', '编码应为小写字母、数字和下划线（2–40 位）'));
export const CodeParams = z.object({ code: CatalogueCode });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const Range = z.object({
  day: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday'),
  opens: z.string().regex(TIME, bi('a time as HH:MM', '时间格式应为 HH:MM')),
  closes: z.string().regex(TIME, bi('a time as HH:MM (24:00 for midnight)', '时间格式应为 HH:MM（午夜写 24:00）')),
});

export const PhoneEntry = z.object({ number: Phone, label: z.string().trim().max(40).nullable().default(null).describe('e.g. 值班电话') });

export const PointBody = z.object({
  typeCode: CatalogueCode,
  name: Text(100),
  operatorId: Id.nullable().default(null).describe('the organisation that runs it (organisations module)'),
  jurisdictionCode: CodeParam,
  address: Text(200),
  location: PointIn,
  services: z.array(CatalogueCode).max(40).default([]),
  alwaysOpen: z.boolean().default(false).describe('24-hour point'),
  hours: z.array(Range).max(70).default([]),
  holidayRule: z.enum(HOLIDAY_RULES).default('as_usual').describe('as_usual: weekly hours every day; closed_on_holidays; workdays: closed on days off, open on 调休 make-up working days with Monday’s hours'),
  phones: z.array(PhoneEntry).max(5).default([]).describe('public numbers of the point (published)'),
  capacity: z.number().int().min(0).max(100_000).nullable().default(null),
  accessibility: z.array(z.enum(ACCESSIBILITY)).max(ACCESSIBILITY.length).default([]),
  description: z.string().trim().max(1000).nullable().default(null),
});
export type PointBody = z.output<typeof PointBody>;

export const StatusBody = z
  .object({
    status: z.enum(STATUSES),
    reason: z.string().trim().min(1).max(200).optional().describe('required unless open'),
    until: LocalDate.optional().describe('temporarily closed up to and including this day'),
  })
  .superRefine((b, ctx) => {
    if (b.status !== 'open' && !b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: bi('give the reason for closing', '请填写暂停或关闭原因') });
    if (b.status !== 'temporarily_closed' && b.until) ctx.addIssue({ code: 'custom', path: ['until'], message: bi('only a temporary closure has an end', '仅暂停服务可设结束日期') });
  });

const Label = z.object({ zh: z.string(), en: z.string() });
export const TypeOut = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean(), sortOrder: z.number().int() });
export const ServiceOut = TypeOut.extend({ groupCode: z.string() });
export const Catalogue = z.object({ types: z.array(TypeOut), services: z.array(ServiceOut) });
export const TypeBody = z.object({ nameZh: Text(40), nameEn: Text(80), active: z.boolean().default(true), sortOrder: z.number().int().min(0).max(10_000).default(0) });
export const ServiceBody = TypeBody.extend({ groupCode: z.enum(SERVICE_GROUPS) });

const Hours = z.object({ opens: z.string(), closes: z.string() });
export const OpenNowOut = z.object({
  open: z.boolean(),
  reason: z.enum(['temporarily_closed', 'closed', 'holiday', 'outside_hours']).nullable(),
  closesAt: z.string().nullable(),
  today: z.array(Hours),
  dayKind: z.enum(['ordinary', 'holiday', 'make_up_workday', 'calendar_unknown']),
  holiday: Label.nullable(),
});

export const PointOutSchema = z.object({
  id: z.number().int(),
  typeCode: z.string(),
  type: Label,
  name: z.string(),
  operator: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  address: z.string(),
  location: PointOut,
  services: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  alwaysOpen: z.boolean(),
  hours: z.array(Range),
  holidayRule: z.enum(HOLIDAY_RULES),
  phones: z.array(z.object({ number: z.string(), label: z.string().nullable() })),
  capacity: z.number().int().nullable(),
  accessibility: z.array(z.string()),
  description: z.string().nullable(),
  status: z.enum(STATUSES),
  closedReason: z.string().nullable(),
  closedUntil: z.string().nullable(),
  openNow: OpenNowOut,
  updatedAt: z.string(),
});
export const PointList = z.object({ items: z.array(PointOutSchema), total: z.number().int() });

const Flag = z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true'));
export const ListQuery = z.object({
  under: CodeParam.optional().describe('only points at or below this place (within your area)'),
  type: CatalogueCode.optional(),
  service: CatalogueCode.optional(),
  status: z.enum(STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional().describe('part of the name or address'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

// ── the public directory ──
export const NearestQuery = z
  .object({
    lng: z.coerce.number().describe('where you are: longitude'),
    lat: z.coerce.number().describe('where you are: latitude'),
    system: CoordinateSystemSchema.default('wgs84').describe('the system of lng/lat, and of mapLocation in the answer'),
    radius: z.coerce.number().int().min(100).max(50_000).default(3000).describe('metres'),
    service: CatalogueCode.optional().describe('e.g. hot_water, hot_meal, mi_enrolment'),
    type: CatalogueCode.optional(),
    openNow: Flag.describe('only points open now (Asia/Shanghai, holiday calendar)'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .superRefine((q, ctx) => checkPoint(q, ctx));
export type NearestQuery = z.output<typeof NearestQuery>;

export const PublicPoint = z.object({
  id: z.number().int(),
  name: z.string(),
  type: Label.extend({ code: z.string() }),
  operator: z.string().nullable().describe('the organisation that runs it'),
  address: z.string(),
  place: z.string().nullable(),
  location: PointOut,
  mapLocation: z.object({ lng: z.number(), lat: z.number(), system: CoordinateSystemSchema }).describe('the same point in the system you asked in'),
  distanceM: z.number().int().describe('straight-line distance from you, metres'),
  services: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  alwaysOpen: z.boolean(),
  hours: z.array(Range),
  holidayRule: z.enum(HOLIDAY_RULES),
  phones: z.array(z.object({ number: z.string(), label: z.string().nullable() })),
  accessibility: z.array(z.string()),
  status: z.enum(STATUSES),
  closedReason: z.string().nullable(),
  openNow: OpenNowOut,
});
export const NearestAnswer = z.object({
  at: z.string().describe('the instant "open now" was judged at'),
  from: z.object({ lng: z.number(), lat: z.number(), system: z.literal('wgs84') }),
  radiusM: z.number().int(),
  items: z.array(PublicPoint),
});

// ── usage ──
export const VisitsBody = z.object({
  visitedOn: LocalDate,
  counts: z.array(z.object({ service: CatalogueCode, count: z.number().int().min(1).max(100_000) })).min(1).max(40),
  personId: Id.optional().describe('a registered person, for a service that needs it (then each count is 1)'),
});
export const VisitFigures = z.object({
  items: z.array(z.object({ month: z.string(), service: z.string(), zh: z.string(), en: z.string(), visits: z.number().int() })),
});
export const VisitsQuery = z.object({ from: YearMonth.optional(), to: YearMonth.optional() });

export const ConsultationBody = z
  .object({
    service: CatalogueCode.optional().describe('the service the question was about (社保咨询 …)'),
    askedAt: InstantText.optional().describe('now when absent'),
    question: Text(1000),
    answer: Text(2000),
    outcome: z.enum(OUTCOMES),
    programId: z.string().trim().regex(/^[a-z][a-z0-9_]{1,60}$/).optional().describe('the program referred to, e.g. unemployment_subsidy (失业补助金)'),
    personId: Id.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'referred_self_check' && !b.programId) ctx.addIssue({ code: 'custom', path: ['programId'], message: bi('name the program the self-check is for', '请注明转介自测的政策项目') });
  });
export const ConsultationOut = z.object({
  id: z.number().int(),
  pointId: z.number().int(),
  service: z.string().nullable(),
  askedAt: z.string(),
  question: z.string(),
  answer: z.string(),
  outcome: z.enum(OUTCOMES),
  programId: z.string().nullable(),
  program: Label.nullable(),
  selfCheckLink: z.string().nullable().describe('the public self-check page to hand the person'),
  personId: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
});
export const ConsultationList = z.object({ items: z.array(ConsultationOut) });

export const Figures = z.object({
  byType: z.array(z.object({ typeCode: z.string(), zh: z.string(), en: z.string(), points: z.number().int(), openNow: z.number().int() })),
  byPlace: z.array(z.object({ code: z.string(), name: z.string().nullable(), points: z.number().int() })),
  visitsByServiceMonth: VisitFigures.shape.items,
});

export const CoverageQuery = z.object({
  under: CodeParam.optional().describe('a county or township: its communities (villages) are measured; your own area when absent'),
  types: z.string().trim().min(1).max(400).default('love_station,medical_insurance_point').transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))]).describe('kinds of point, comma-separated'),
  maxM: z.coerce.number().int().min(100).max(100_000).default(1000).describe('the circle: communities whose nearest point of a kind is farther are listed'),
});
const Nearest = z.object({ typeCode: z.string(), pointId: z.number().int().nullable(), name: z.string().nullable(), distanceM: z.number().int().nullable() });
export const CoverageAnswer = z.object({
  under: z.string(),
  maxM: z.number().int(),
  types: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  communities: z.array(z.object({ code: z.string(), name: z.string(), location: PointOut.nullable(), nearest: z.array(Nearest), beyond: z.array(z.string()) })),
  beyond: z.array(z.object({ code: z.string(), name: z.string(), types: z.array(z.string()) })).describe('communities outside the circle for at least one kind'),
  unlocated: z.array(z.object({ code: z.string(), name: z.string() })).describe('communities with no location set (places module): not measured'),
  byTownship: z.array(z.object({ code: z.string(), name: z.string().nullable(), communities: z.number().int(), located: z.number().int(), covered: z.number().int() })),
  computedMs: z.number().int(),
});

// ── 幸福食堂 meals ──
export const MealBody = z.object({
  personId: Id.describe('the registered person served'),
  servedOn: LocalDate,
  category: z.enum(['age80', 'dibao', 'tekun']).describe('80 周岁以上, 低保, 特困: the subsidy rate is the dated policy parameter meal.subsidy.<category>_fen'),
});
export const MealOut = z.object({ id: z.number().int(), personId: z.number().int(), servedOn: z.string(), category: z.enum(['age80', 'dibao', 'tekun']), subsidyFen: z.number().int(), settlementId: z.number().int().nullable() });
export const SettlementOut = z.object({ id: z.number().int(), month: z.string(), meals: z.number().int(), totalFen: z.number().int().describe('分'), operatorId: z.number().int().nullable(), createdAt: z.string() });
export const MealMonth = z.object({ month: z.string(), meals: z.array(MealOut), totalFen: z.number().int(), settlement: SettlementOut.omit({ month: true }).nullable() });
export const MonthQuery = z.object({ month: YearMonth.optional().describe('the current month when absent') });
export const SettleBody = z.object({ month: YearMonth });
