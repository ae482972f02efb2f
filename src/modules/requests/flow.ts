// The pure rules of a help request: which action may follow which state, the deadlines a
// category gives, the routing rule that applies to a place, and tracking codes. No I/O.
import { randomInt } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { levelLength, parentCode } from '../../lib/division-code.ts';
import { OPEN_STATES, STATE_LABELS, type HandlerLevel, type RequestState } from './requests.schema.ts';

export type Action = 'assign' | 'take' | 'resolve' | 'transfer' | 'follow_up' | 'merge' | 'note' | 'attach' | 'open_case' | 'reveal';

const OPEN: readonly RequestState[] = OPEN_STATES;
const ALLOWED: Record<Action, readonly RequestState[]> = {
  assign: OPEN,
  take: ['new', 'assigned', 'returned', 'transferred'],
  resolve: OPEN,
  transfer: OPEN,
  follow_up: ['resolved'],
  merge: [...OPEN, 'resolved'],
  note: [...OPEN, 'resolved', 'visited'],
  attach: [...OPEN, 'resolved', 'visited'],
  open_case: [...OPEN, 'resolved', 'visited'],
  reveal: [...OPEN, 'resolved', 'visited', 'merged'],
};

const ACTION_LABELS: Record<Action, { zh: string; en: string }> = {
  assign: { zh: '派单', en: 'assign' },
  take: { zh: '接单', en: 'take' },
  resolve: { zh: '办结', en: 'resolve' },
  transfer: { zh: '转办', en: 'transfer' },
  follow_up: { zh: '回访', en: 'follow up' },
  merge: { zh: '合并', en: 'merge' },
  note: { zh: '补充说明', en: 'add a note to' },
  attach: { zh: '上传附件', en: 'attach files to' },
  open_case: { zh: '转救助申请', en: 'open a case from' },
  reveal: { zh: '查看电话', en: 'reveal the phone of' },
};

export const isOpen = (state: string): boolean => (OPEN as readonly string[]).includes(state);

/** Throws a 409 naming the state when the action cannot follow it. */
export function assertCan(action: Action, state: RequestState): void {
  if (ALLOWED[action].includes(state)) return;
  const s = STATE_LABELS[state];
  const a = ACTION_LABELS[action];
  throw new AppError('conflict', `Cannot ${a.en} a request that is ${s.en.toLowerCase()}`, `诉求${s.zh}，不能${a.zh}`);
}

// ── deadlines ──
const HOUR = 3_600_000;
export type Clock = { responseDueAt: Date; resolutionDueAt: Date };

export function deadlines(createdAt: Date, category: { responseHours: number; resolutionHours: number }): Clock {
  return {
    responseDueAt: new Date(createdAt.getTime() + category.responseHours * HOUR),
    resolutionDueAt: new Date(createdAt.getTime() + category.resolutionHours * HOUR),
  };
}

/** The deadline that counts now: the response until someone takes it up, then the resolution. */
export function currentDue(r: { state: string; respondedAt: Date | null; responseDueAt: Date; resolutionDueAt: Date }): Date | null {
  if (!isOpen(r.state)) return null;
  return r.respondedAt ? r.resolutionDueAt : r.responseDueAt;
}

/** Time a level gets to act after an escalation or transfer before the next escalation. */
export function graceAfter(now: Date, category: { responseHours: number }): Date {
  return new Date(now.getTime() + category.responseHours * HOUR);
}

/** When the escalation job should look again: the current deadline, or a grace period once it has passed. */
export function nextEscalation(now: Date, due: Date | null, handlerCode: string, category: { responseHours: number }): Date | null {
  if (due === null || handlerCode.length <= COUNTY_LENGTH) return null;
  return due > now ? due : graceAfter(now, category);
}

export const COUNTY_LENGTH = 6;

/** One level up, stopping at the county (it sees everything in its area). */
export function escalationTarget(handlerCode: string): string | undefined {
  if (handlerCode.length <= COUNTY_LENGTH) return undefined;
  const up = parentCode(handlerCode);
  return up && up.length >= COUNTY_LENGTH ? up : undefined;
}

// ── routing ──
export type Rule = { id: number | null; categoryCode: string | null; jurisdictionCode: string | null; handlerLevel: HandlerLevel; handlerRole: string | null; department: string | null };

/** Used when no configured rule applies: the grid's grid worker. */
export const DEFAULT_RULE: Rule = { id: null, categoryCode: null, jurisdictionCode: null, handlerLevel: 'grid', handlerRole: 'grid_worker', department: null };

/** The rule for a category at a place: the longest jurisdiction prefix wins, then the category's own rule. */
export function pickRule(rules: readonly Rule[], category: string, place: string): Rule {
  let best: Rule | undefined;
  const rank = (r: Rule) => (r.jurisdictionCode?.length ?? 0) * 2 + (r.categoryCode ? 1 : 0);
  for (const r of rules) {
    if (r.categoryCode !== null && r.categoryCode !== category) continue;
    if (r.jurisdictionCode !== null && !place.startsWith(r.jurisdictionCode)) continue;
    if (!best || rank(r) > rank(best)) best = r;
  }
  return best ?? DEFAULT_RULE;
}

/** The code of the level that handles a place: the place cut to that level (a place above it handles itself). */
export function handlerCodeFor(place: string, level: HandlerLevel): string {
  const length = levelLength(level);
  return place.length > length ? place.slice(0, length) : place;
}

// ── tracking codes ──
// No 0/O, 1/I/L, so a code read over the phone is not mistaken.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 8 random characters in two groups (K7M3-Q9XP): 31^8 ≈ 8.5 × 10^11, and lookups are rate-limited. */
export function newTrackingCode(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Distance in metres between two points (haversine), for "nearby" duplicate suggestions. */
export function metresBetween(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
