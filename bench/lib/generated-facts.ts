// Generated demo households → the registry row the facts query (policy.facts.store.ts) would
// return for them once loaded, without a database: members head first then by person id, incomes
// summed per (person, subtype) over the 12 complete months before the date, the assets tuple and
// rigid spending in the same window. The bench then calls the real `factsFromRegistry` on it, so
// it measures the engine on the facts the screener builds.
import type { GeneratedHousehold } from '../../src/seed/generator/index.ts';
import type { AssetsTuple, IncomeRowTuple, MemberRowTuple, RegistryFactsRow } from '../../src/modules/policy/registry-facts.ts';
import { financePeriod } from '../../src/modules/households/finances.ts';
import { addDays } from '../../src/lib/local-date.ts';

/** Persons per household id block: person id = personBase + index within the household. */
export const PERSON_ID_BLOCK = 16;

/** The date window of the facts query for a reference date (months for incomes, days for expenses). */
export type FactsWindow = { fromMonth: string; toMonth: string; fromDay: string; toDay: string };

export function factsWindow(date: string): FactsWindow {
  const { from, to } = financePeriod(date);
  return { fromMonth: from, toMonth: to, fromDay: `${from}-01`, toDay: addDays(`${date.slice(0, 7)}-01`, -1) };
}

const RIGID = new Set(['medical', 'education', 'rehabilitation']);

/**
 * The registry row of one generated household. `id` is the household id; person ids are
 * `id * PERSON_ID_BLOCK + index` (index within the household), as if loaded in that order.
 */
export function registryRowFromGenerated(h: GeneratedHousehold, id: number, window: FactsWindow): RegistryFactsRow {
  const personBase = id * PERSON_ID_BLOCK;

  // members: json_agg(... order by m.relationship <> 'head', p.id)
  const members: MemberRowTuple[] = h.members.map((m, k) => {
    const p = m.person;
    return [
      personBase + k,
      m.relationship,
      p.birthDate,
      m.flags as unknown as Record<string, unknown>,
      p.disabilityCategory ?? null,
      p.disabilityGrade ?? null,
      p.seriousIllnesses,
      p.selfCare ?? null,
      null, // the generator records no deaths
      p.hukouCode,
      p.name,
    ];
  });
  members.sort((a, b) => (a[1] === 'head' ? 0 : 1) - (b[1] === 'head' ? 0 : 1) || a[0] - b[0]);

  // incomes: sum(amount_fen) group by person_id, subtype where month between from and to
  const incomes: IncomeRowTuple[] = [];
  for (const inc of h.incomes) {
    if (inc.month < window.fromMonth || inc.month > window.toMonth) continue;
    const personId = inc.memberIndex === null ? null : personBase + inc.memberIndex;
    let row: IncomeRowTuple | undefined;
    for (const r of incomes) if (r[0] === personId && r[1] === inc.subtype) { row = r; break; }
    if (row) row[2] += inc.amountFen;
    else incomes.push([personId, inc.subtype, inc.amountFen]);
  }

  // assets: one aggregate row (never null, zeros when the household has none)
  const assets: AssetsTuple = [0, 0, 0, 0, 0];
  for (const a of h.assets) {
    if (a.kind === 'deposit' || a.kind === 'securities') assets[0] += a.valueFen;
    else if (a.kind === 'house') {
      assets[1]++;
      assets[2] += a.floorAreaCm2 ?? 0;
    } else if (a.kind === 'vehicle') assets[3]++;
    else if (a.kind === 'business') assets[4]++;
  }

  // rigid spending: medical, education, rehabilitation expenses dated inside the window
  let rigidFen = 0;
  for (const e of h.expenses) {
    if (RIGID.has(e.kind) && e.date >= window.fromDay && e.date <= window.toDay) rigidFen += e.amountFen;
  }

  return {
    id,
    jurisdictionCode: h.jurisdictionCode,
    members: members.length > 0 ? members : null,
    incomes: incomes.length > 0 ? incomes : null,
    assets,
    rigidFen,
  };
}
