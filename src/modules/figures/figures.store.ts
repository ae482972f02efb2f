// The SQL around a figure's source: its totals, its breakdown by place / month / category, and a
// page of its rows. Every query wraps the SAME source, so the list and the figure agree by
// construction. Scope and place are applied inside the source on its base table (index range),
// the category outside.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/client.ts';
import { underPrefix, withinScope } from '../../platform/db/scope.ts';
import type { FigureDefinition, SourceParams } from './figure.ts';

export type Totals = { n: number; fen: number; hits: number };
export type Where = { scope: string; under: string; today: string; category?: string | undefined };
export type RowOut = {
  ref: string; code: string; placeName: string | null; onDate: string | null; cat: string | null; amountFen: number | null; hit: boolean | null;
  personId: number | null; householdId: number | null; note: string | null; personName: string | null; idNumberEnc: string | null;
};

const date = (d: string) => sql`${d}::date`;

/**
 * A figure's statement in a read-only transaction with JIT compilation off: its cost estimate over
 * a county's rows passes PostgreSQL's JIT threshold, and compiling took ~0.9 s of a 5 s query in
 * the 1M-household bench for no gain on aggregates of this size.
 */
async function read<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<T>(tx, query);
  });
}

function params(from: SQL, to: SQL, w: Where): SourceParams {
  return {
    from,
    to,
    today: w.today,
    place: (column) => sql`(${withinScope(column, w.scope)} and ${w.under === '' ? sql`true` : underPrefix(column, w.under)})`,
  };
}

const AGG = sql`count(*)::int as n, coalesce(sum(r.amount_fen), 0)::bigint as fen, (count(*) filter (where r.hit))::int as hits`;
const catFilter = (w: Where) => (w.category === undefined ? sql`true` : sql`r.cat = ${w.category}`);

export async function totals(db: DbOrTx, def: FigureDefinition, from: string, to: string, w: Where): Promise<Totals> {
  const [row] = await read<Totals>(db, sql`select ${AGG} from (${def.source(params(date(from), date(to), w))}) r where ${catFilter(w)}`);
  return row!;
}

/** Totals per group: the code cut to the next level's length, or the category. */
export async function grouped(db: DbOrTx, def: FigureDefinition, from: string, to: string, w: Where, by: { placeLength: number } | 'category'): Promise<(Totals & { key: string | null })[]> {
  const key = by === 'category' ? sql`r.cat` : sql`substr(r.code, 1, ${by.placeLength})`;
  return read(db, sql`select ${key} as key, ${AGG} from (${def.source(params(date(from), date(to), w))}) r where ${catFilter(w)} group by 1 order by 1`);
}

/** Totals per month in one statement: the source runs laterally once per month, clipped to the period. */
export async function byMonth(db: DbOrTx, def: FigureDefinition, months: { month: string; from: string; to: string }[], w: Where): Promise<(Totals & { key: string })[]> {
  const values = sql.join(months.map((m) => sql`(${m.month}::text, ${m.from}::date, ${m.to}::date)`), sql`, `);
  const src = def.source(params(sql`m.f`, sql`m.t`, w));
  return read(db, sql`select m.month as key, ${AGG} from (values ${values}) as m(month, f, t) cross join lateral (${src}) r where ${catFilter(w)} group by 1 order by 1`);
}

/** A page of the rows, in place order, with the person named on each (the caller masks). */
export async function rows(db: DbOrTx, def: FigureDefinition, from: string, to: string, w: Where, page: { limit: number; offset: number }): Promise<RowOut[]> {
  return read<RowOut>(db, sql`
    select r.ref::text as ref, r.code::text as code, j.name as "placeName", r.on_date::text as "onDate", r.cat::text as cat, r.amount_fen::bigint as "amountFen",
           r.hit as hit, r.person_id::bigint as "personId", r.household_id::bigint as "householdId", r.note::text as note,
           p.name as "personName", p.id_number_enc as "idNumberEnc"
      from (${def.source(params(date(from), date(to), w))}) r
      left join persons p on p.id = r.person_id
      left join jurisdictions j on j.code = r.code
     where ${catFilter(w)}
     order by r.code, r.ref
     limit ${page.limit} offset ${page.offset}`);
}

/** The places one level below `under` (provinces under the whole country), for a breakdown with zeros. */
export async function childPlaces(db: DbOrTx, under: string): Promise<{ code: string; name: string }[]> {
  return queryRows(db, under === ''
    ? sql`select code, name from jurisdictions where parent_code is null order by code`
    : sql`select code, name from jurisdictions where parent_code = ${under} order by code`);
}

export async function place(db: DbOrTx, code: string): Promise<{ code: string; name: string } | undefined> {
  const [row] = await queryRows<{ code: string; name: string }>(db, sql`select code, name from jurisdictions where code = ${code}`);
  return row;
}
