// The figures service: the catalogue, a figure's value with its breakdown, and the rows behind it
// (masked unless revealed, audited). Checks the input (period, place, dimension) before any SQL.
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hasPermission } from '../../platform/authz.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { canonicalCode, isWithin } from '../../lib/division-code.ts';
import { maskName } from '../../lib/masking.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { createTtlCache } from '../../lib/ttl-cache.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { FigureDefinition } from './figure.ts';
import { isProblem, monthsOf, parsePeriod } from './period.ts';
import * as store from './figures.store.ts';
import type { FigureQuery, FigureRowsQuery, FigureValue } from './figures.schema.ts';

export type Caller = { roles: readonly string[]; scope: string };
export type FiguresService = ReturnType<typeof createFiguresService>;

const NEXT_LENGTH = new Map<number, number>([[0, 2], [2, 4], [4, 6], [6, 9], [9, 12], [12, 15]]);
const REVEAL = 'persons.reveal';
const MAX_MONTHS = 120;

const badInput = (field: string, en: string, zh: string) => new AppError('validation_failed', en, zh, [{ field, message: en, messageZh: zh }]);

export function summary(def: FigureDefinition) {
  return {
    id: def.id, module: def.module, nameZh: def.nameZh, nameEn: def.nameEn, meaningZh: def.meaningZh, meaningEn: def.meaningEn,
    unit: def.unit, measure: def.measure, timing: def.timing, dimensions: [...def.dimensions],
    category: def.category ? { nameZh: def.category.nameZh, nameEn: def.category.nameEn } : null,
  };
}

export function sumOf(parts: readonly store.Totals[]): store.Totals {
  return parts.reduce((a, p) => ({ n: a.n + p.n, fen: a.fen + Number(p.fen), hits: a.hits + p.hits }), { n: 0, fen: 0, hits: 0 });
}

/** The figure from its rows' totals, by the definition's measure. */
export function valueOf(def: FigureDefinition, t: store.Totals): FigureValue {
  const value = def.measure === 'count' ? t.n : def.measure === 'sum' ? t.fen : t.n === 0 ? null : Math.round((t.hits * 1000) / t.n) / 10;
  return { value, count: t.n, amountFen: t.fen, hits: t.hits };
}

export function createFiguresService(deps: { db: Db; audit: AuditService; sensitive: SensitiveFields; figures: readonly FigureDefinition[]; now?: () => Date; cacheSeconds?: { closed: number; open: number } }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  // Values (not lists) are kept for a while: a closed period's figures are computed from dated
  // rows and do not change (docs/figures.md), so a dashboard seen again is served from memory; the
  // period in progress is kept briefly. The key is the place asked (already checked to lie inside
  // the caller's scope), so callers of different areas share entries for the same place.
  const cacheMs = { closed: (deps.cacheSeconds?.closed ?? 900) * 1000, open: (deps.cacheSeconds?.open ?? 60) * 1000 };
  const closedValues = createTtlCache<string, Awaited<ReturnType<typeof compute>>>({ ttlMs: cacheMs.closed, max: 5000, now: () => now().getTime() });
  const openValues = createTtlCache<string, Awaited<ReturnType<typeof compute>>>({ ttlMs: cacheMs.open, max: 5000, now: () => now().getTime() });
  const byId = new Map<string, FigureDefinition>();
  for (const def of deps.figures) {
    if (byId.has(def.id)) throw new Error(`figure ${def.id} is defined twice`);
    byId.set(def.id, def);
  }

  function figure(id: string): FigureDefinition {
    const def = byId.get(id);
    // An unknown id in the path is "not found", as for every other record (the access matrix relies on it).
    if (!def) throw new AppError('not_found', `Unknown figure "${id}" (GET /api/figures lists them)`, `没有统计指标“${id}”（见 GET /api/figures）`, [{ field: 'id', message: 'unknown figure', messageZh: '没有该统计指标' }]);
    return def;
  }

  /** The checked request: figure, period (null for live figures), the place, the caller's filter. */
  async function resolve(caller: Caller, id: string, q: { period?: string | undefined; under?: string | undefined; category?: string | undefined }) {
    const def = figure(id);
    const today = todayLocal(now());
    const parsed = parsePeriod(q.period, today);
    if (isProblem(parsed)) throw badInput('period', parsed.en, parsed.zh);
    const period = def.timing === 'now' ? { from: today, to: today } : parsed;
    if (q.category !== undefined && !def.dimensions.includes('category')) throw badInput('category', `Figure ${def.id} has no categories`, `统计指标 ${def.id} 不分类别`);
    let under = caller.scope;
    if (q.under !== undefined && q.under !== '') {
      const code = canonicalCode(q.under);
      if (!code) throw badInput('under', `"${q.under}" is not a division code`, `“${q.under}”不是有效的区划代码`);
      under = code;
    }
    // A place outside the caller's area is "not found", as everywhere (other areas' codes do not leak).
    if (!isWithin(under, caller.scope)) throw notFound('Place', '地区');
    const place = under === '' ? { code: '', name: '全部地区' } : await store.place(db, under);
    if (!place) throw notFound('Place', '地区');
    const where: store.Where = { scope: caller.scope, under, today, category: q.category };
    return { def, period, where, place, live: def.timing === 'now' };
  }

  return {
    catalogue: () => ({ items: [...byId.values()].map(summary) }),
    /** The month before today's (the 月报 when none is named). */
    lastMonth: () => monthsOf({ from: `${Number(todayLocal(now()).slice(0, 4)) - 1}-12-01`, to: todayLocal(now()) }).at(-2)!.month,
    /** The monthly report holds figures only (no names), but leaving the system it is recorded. */
    auditReport: (actor: Actor, month: string, under: string) =>
      db.transaction((tx) => deps.audit.record(tx, actor, { action: 'export', entity: 'figure_report', entityId: month, jurisdictionCode: under || null, reason: `monthly report ${month}` })),
    definitions: () => [...byId.values()],

    async value(caller: Caller, id: string, q: FigureQuery) {
      const resolved = await resolve(caller, id, q);
      const { def, period, where } = resolved;
      const by = q.by ?? null;
      if (by && !def.dimensions.includes(by)) throw badInput('by', `Figure ${def.id} cannot be broken down by ${by} (it can by: ${def.dimensions.join(', ')})`, `统计指标 ${def.id} 不能按“${by}”分组（可按：${def.dimensions.join('、')}）`);
      if (by === 'place' && !NEXT_LENGTH.has(where.under.length)) throw badInput('by', 'A grid has no places below it', '网格以下不再分地区');
      // One statement runs the source once per month: a breakdown is for a chart, ten years at most.
      if (by === 'month' && monthsOf(period).length > MAX_MONTHS) throw badInput('by', `A breakdown by month covers at most ${MAX_MONTHS} months; this period has ${monthsOf(period).length}`, `按月分组最多 ${MAX_MONTHS} 个月，该统计期有 ${monthsOf(period).length} 个月`);
      return cached(resolved, by);
    },

    async rows(caller: Caller, id: string, q: FigureRowsQuery, actor: Actor) {
      const resolved = await resolve(caller, id, q);
      const { def, period, where, place, live } = resolved;
      const reveal = q.reveal === 'true';
      if (reveal && !hasPermission(caller, REVEAL)) throw new AppError('forbidden', 'You may not reveal full names and ID numbers', '无权查看完整姓名和身份证号');
      // The page's total is the figure itself: the list adds up to it. A closed period's may come from
      // the kept values (its rows do not change); the period in progress is counted afresh with the page.
      const closed = !live && period.to < where.today;
      const [figureNow, list] = await Promise.all([closed ? cached(resolved, null) : compute(resolved, null), store.rows(db, def, period.from, period.to, where, { limit: q.limit, offset: q.offset })]);
      if (reveal && list.length > 0) {
        await db.transaction((tx) => deps.audit.record(tx, actor, { action: 'reveal', entity: 'figure', entityId: def.id, jurisdictionCode: where.under || null, reason: `figure rows ${JSON.stringify({ period: q.period, under: q.under, category: q.category, offset: q.offset, rows: list.length })}` }));
      }
      return {
        figure: summary(def), period: live ? null : { from: period.from, to: period.to }, under: place, total: figureNow.total, revealed: reveal,
        limit: q.limit, offset: q.offset, items: list.map((r) => present(r, reveal)),
      };
    },

    /** Every row, for an export: checked like `rows`, read in pages. */
    async openExport(caller: Caller, id: string, q: Omit<FigureRowsQuery, 'limit' | 'offset'>, actor: Actor) {
      const { def, period, where, place } = await resolve(caller, id, { ...q });
      const reveal = q.reveal === 'true';
      if (reveal && !hasPermission(caller, REVEAL)) throw new AppError('forbidden', 'You may not reveal full names and ID numbers', '无权查看完整姓名和身份证号');
      // Audited before the first row: an export cut off half-way has still shown what it showed.
      await db.transaction((tx) => deps.audit.record(tx, actor, { action: 'export', entity: 'figure', entityId: def.id, jurisdictionCode: where.under || null, reason: `${reveal ? 'REVEALED' : 'masked'} export; ${JSON.stringify({ period: `${period.from}..${period.to}`, under: where.under, category: q.category })}` }));
      return {
        def, period, place, reveal,
        async *pages() {
          for (let offset = 0; ; offset += 1000) {
            const list = await store.rows(db, def, period.from, period.to, where, { limit: 1000, offset });
            if (list.length === 0) return;
            yield list.map((r) => present(r, reveal));
            if (list.length < 1000) return;
          }
        },
      };
    },
  };

  function cached(r: Awaited<ReturnType<typeof resolve>>, by: NonNullable<FigureQuery['by']> | null) {
    const { def, period, where } = r;
    const key = JSON.stringify([def.id, period.from, period.to, where.under, where.category ?? null, by]);
    const cache = !r.live && period.to < where.today ? closedValues : openValues;
    return cache.get(key, () => compute(r, by));
  }

  /** A figure's total and breakdown, from the database (`cached` keeps it). */
  async function compute(r: Awaited<ReturnType<typeof resolve>>, by: NonNullable<FigureQuery['by']> | null) {
    const { def, period, where, place, live } = r;
    // A breakdown by place or category partitions the rows (every row has one code prefix and one
    // category), and count, money and hits add up, so the total is the sum of its parts: one pass.
    // Months do not partition (a household paid in two months counts once in the period): there
    // the total is its own statement, run side by side with the breakdown.
    let parts: store.Totals[] | undefined;
    const totals = by === 'month' || by === null ? store.totals(db, def, period.from, period.to, where) : undefined;
    totals?.catch(() => undefined);
    let breakdown: { key: string; labelZh: string; labelEn: string; value: FigureValue }[] = [];
    if (by === 'place') {
      const length = NEXT_LENGTH.get(where.under.length)!;
      const [groups, children] = await Promise.all([store.grouped(db, def, period.from, period.to, where, { placeLength: length }), store.childPlaces(db, where.under)]);
      parts = groups;
      const got = new Map(groups.map((g) => [g.key ?? '', g]));
      const zero = { n: 0, fen: 0, hits: 0 };
      breakdown = children.map((c) => ({ key: c.code, labelZh: c.name, labelEn: c.name, value: valueOf(def, got.get(c.code) ?? zero) }));
      // Rows registered at this place itself (a case handled by the township), or at a place no longer listed.
      for (const [key, g] of got) {
        if (children.some((c) => c.code === key)) continue;
        breakdown.push(key === where.under ? { key, labelZh: '本级', labelEn: 'At this level', value: valueOf(def, g) } : { key, labelZh: key, labelEn: key, value: valueOf(def, g) });
      }
    } else if (by === 'month') {
      const months = monthsOf(period);
      const got = new Map((await store.byMonth(db, def, months, where)).map((g) => [g.key, g]));
      breakdown = months.map((m) => ({ key: m.month, labelZh: m.month, labelEn: m.month, value: valueOf(def, got.get(m.month) ?? { n: 0, fen: 0, hits: 0 }) }));
    } else if (by === 'category') {
      const groups = await store.grouped(db, def, period.from, period.to, where, 'category');
      parts = groups;
      breakdown = groups.map((g) => {
        const key = g.key ?? '';
        const label = def.category?.labels?.[key];
        return { key, labelZh: label?.zh ?? key, labelEn: label?.en ?? key, value: valueOf(def, g) };
      });
    }
    const total = valueOf(def, totals ? await totals : sumOf(parts ?? []));
    return { figure: summary(def), period: live ? null : { from: period.from, to: period.to }, under: place, total, by, breakdown };
  }

  function present(r: store.RowOut, reveal: boolean) {
    return {
      ref: r.ref, jurisdictionCode: r.code, placeName: r.placeName, onDate: r.onDate, category: r.cat, amountFen: r.amountFen === null ? null : Number(r.amountFen),
      hit: r.hit, personId: r.personId === null ? null : Number(r.personId), householdId: r.householdId === null ? null : Number(r.householdId),
      name: r.personName === null ? null : reveal ? r.personName : maskName(r.personName),
      idNumber: reveal ? deps.sensitive.decrypt(r.idNumberEnc) : deps.sensitive.masked('id_number', r.idNumberEnc),
      note: r.note,
    };
  }
}
