// Importing a persons ledger (台账): validate every row (per-row rules, then the checks that need
// the database and the whole file), write an annotated report, and commit what passed.
// Committing is idempotent and resumable: households are keyed by file hash + 户编号 and persons
// by ID number, each batch is its own transaction, so running it again after a crash finishes
// the job with nothing duplicated and nothing half-written.
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { isWithin } from '../../lib/division-code.ts';
import { parseIdNumber } from '../../lib/id-number.ts';
import { jurisdictions } from '../jurisdictions/jurisdictions.table.ts';
import { persons } from '../persons/persons.table.ts';
import { activeCodes } from '../persons/vocabulary.store.ts';
import { toPersonValues, type PersonData } from '../persons/person-values.ts';
import type { PersonValues } from '../persons/persons.store.ts';
import { MemberFlags } from '../households/households.schema.ts';
import { insertPersonsReusing, loadHouseholdBatch, type HouseholdBundle } from '../households/bulk-load.ts';
import { readRows, type ImportFormat } from './read-rows.ts';
import { columnLabel, mapHeaders, mapRow, type HeaderMapping, type RowProblem } from './map-rows.ts';
import { writeReport, type Outcome } from './report.ts';
import type { ImportCounts } from './import.schema.ts';

export type ImportContext = { db: Db; sensitive: SensitiveFields; scope: string; today: string };
export type Progress = (done: number, total: number) => void;

type RowState = { outcome: Outcome; problems: RowProblem[] };
type Validation = {
  counts: ImportCounts;
  states: Map<number, RowState>;
  mapping: HeaderMapping['mapping'];
  totalRows: number;
  /** Mapped rows by row number, kept when asked (the commit then needs no second read). */
  inputs?: Map<number, NonNullable<ReturnType<typeof mapRow>['input']>>;
};

const problem = (column: string, field: string, message: string, messageZh: string): RowProblem => ({ column, field, message, messageZh });

function openRows(content: Buffer, format: ImportFormat) {
  return readRows(Readable.from([content]), format);
}

async function headerMapping(content: Buffer, format: ImportFormat): Promise<HeaderMapping> {
  const rows = openRows(content, format);
  try {
    const header = await rows.header();
    const mapping = mapHeaders(header.headers);
    if (mapping.missingRequired.length > 0) {
      throw new AppError(
        'validation_failed',
        `The file lacks required columns: ${mapping.missingRequired.join(', ')} (download the template)`,
        `文件缺少必填列：${mapping.missingRequired.join('、')}（请下载模板对照）`,
        [{ field: 'file', message: `missing columns: ${mapping.missingRequired.join(', ')}`, messageZh: `缺少列：${mapping.missingRequired.join('、')}` }],
      );
    }
    return mapping;
  } finally {
    await rows.close();
  }
}

/** Validate the whole file. Rows of a household stand or fall together. */
export async function validatePersons(ctx: ImportContext, content: Buffer, format: ImportFormat, onProgress?: Progress, keepInputs = false): Promise<Validation> {
  const { mapping } = await headerMapping(content, format);
  const [tags, illnesses] = await Promise.all([activeCodes(ctx.db, 'tag'), activeCodes(ctx.db, 'illness')]);
  const parse = { today: ctx.today, tags: Object.fromEntries(tags), illnesses: Object.fromEntries(illnesses) };
  const col = (field: string) => columnLabel(mapping, field);
  const states = new Map<number, RowState>();
  const byIdNumber = new Map<string, number>(); // normalised ID → first row
  const idRows: { row: number; index: string; name: string }[] = [];
  const codeRows = new Map<string, number[]>();
  const groups = new Map<string, { rows: number[]; heads: number }>();
  const inputs = keepInputs ? new Map<number, NonNullable<ReturnType<typeof mapRow>['input']>>() : undefined;
  let totalRows = 0;

  for await (const row of openRows(content, format)) {
    totalRows++;
    const m = mapRow(row, mapping, parse);
    const state: RowState = { outcome: 'ok', problems: [...m.problems] };
    states.set(row.rowNumber, state);
    if (m.example) {
      state.outcome = 'skipped';
      state.problems.push(problem('', '', 'template example row', '模板示例行，已跳过'));
      continue;
    }
    const input = m.input;
    if (input) {
      inputs?.set(row.rowNumber, input);
      if (!isWithin(input.jurisdictionCode, ctx.scope)) state.problems.push(problem(col('jurisdictionCode'), 'jurisdictionCode', 'outside your jurisdiction', '不在本辖区范围内'));
      codeRows.set(input.jurisdictionCode, [...(codeRows.get(input.jurisdictionCode) ?? []), row.rowNumber]);
      if (input.idNumber) {
        const id = parseIdNumber(input.idNumber);
        if (id.ok) {
          const first = byIdNumber.get(id.value);
          if (first !== undefined) {
            state.outcome = 'duplicate';
            state.problems.push(problem(col('idNumber'), 'idNumber', `same ID number as row ${first}`, `与第 ${first} 行身份证号码重复`));
          } else {
            byIdNumber.set(id.value, row.rowNumber);
            idRows.push({ row: row.rowNumber, index: ctx.sensitive.index('id_number', id.value), name: input.name });
          }
        }
      }
      if (input.householdKey) {
        const g = groups.get(input.householdKey) ?? { rows: [], heads: 0 };
        g.rows.push(row.rowNumber);
        if (input.relationship === 'head') g.heads++;
        groups.set(input.householdKey, g);
        if (!input.relationship) state.problems.push(problem(col('relationship'), 'relationship', 'required with a household key', '填写户编号时须填写与户主关系'));
      } else if (!input.idNumber) {
        state.problems.push(problem(col('idNumber'), 'idNumber', 'a person without an ID number needs a household key', '无身份证号码的人员须填写户编号'));
      }
    }
    if (totalRows % 500 === 0) onProgress?.(totalRows, 0);
  }

  // Checks that need the database, in a few queries for the whole file.
  const codes = [...codeRows.keys()];
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += 5000) {
    for (const r of await ctx.db.select({ code: jurisdictions.code }).from(jurisdictions).where(inArray(jurisdictions.code, codes.slice(i, i + 5000)))) known.add(r.code);
  }
  for (const [code, rows] of codeRows) {
    if (known.has(code)) continue;
    for (const r of rows) states.get(r)!.problems.push(problem(col('jurisdictionCode'), 'jurisdictionCode', `unknown jurisdiction ${code}`, `区划代码 ${code} 不存在`));
  }
  for (let i = 0; i < idRows.length; i += 5000) {
    const chunk = idRows.slice(i, i + 5000);
    const existing = await ctx.db
      .select({ index: persons.idNumberIndex, name: persons.name, code: persons.jurisdictionCode })
      .from(persons)
      .where(inArray(persons.idNumberIndex, chunk.map((c) => c.index)));
    const byIndex = new Map(existing.map((e) => [e.index!, e]));
    for (const c of chunk) {
      const e = byIndex.get(c.index);
      if (!e) continue;
      const state = states.get(c.row)!;
      if (!isWithin(e.code, ctx.scope)) {
        state.outcome = 'duplicate';
        state.problems.push(problem(col('idNumber'), 'idNumber', 'already registered in another jurisdiction', '已在其他辖区登记，请联系对方核实'));
      } else if (e.name !== c.name) {
        state.outcome = 'duplicate';
        state.problems.push(problem(col('name'), 'name', `already registered as ${e.name}`, `该身份证号码已登记为「${e.name}」，姓名不一致`));
      }
    }
  }
  for (const [key, g] of groups) {
    if (g.heads === 1) continue;
    const text = g.heads === 0 ? ['has no head', '没有户主'] : ['has more than one head', '有多名户主'];
    for (const r of g.rows) states.get(r)!.problems.push(problem(col('relationship'), 'relationship', `household ${key} ${text[0]}`, `户编号 ${key} ${text[1]}`));
  }
  // A household is imported whole or not at all.
  for (const [key, g] of groups) {
    const bad = g.rows.some((r) => states.get(r)!.problems.length > 0 && states.get(r)!.outcome !== 'skipped');
    if (!bad) continue;
    for (const r of g.rows) {
      const s = states.get(r)!;
      if (s.problems.length === 0) {
        s.outcome = 'skipped';
        s.problems.push(problem('', '', `another row of household ${key} has problems`, `同户（户编号 ${key}）其他成员有问题，本户暂不导入`));
      }
    }
  }
  const counts: ImportCounts = { total: totalRows, ok: 0, error: 0, duplicate: 0, skipped: 0 };
  for (const s of states.values()) {
    if (s.outcome === 'ok' && s.problems.length > 0) s.outcome = 'error';
    counts[s.outcome]++;
  }
  onProgress?.(totalRows, totalRows);
  return { counts, states, mapping, totalRows, ...(inputs ? { inputs } : {}) };
}

/** The annotated report: the file's rows with 结果 and 问题说明 (constant memory). */
export async function reportFor(content: Buffer, format: ImportFormat, validation: Validation): Promise<Buffer> {
  const rows = openRows(content, format);
  const { headers } = await rows.header();
  const out = new PassThrough();
  const collected = buffer(out);
  async function* annotated() {
    for await (const row of rows) {
      const s = validation.states.get(row.rowNumber) ?? { outcome: 'ok' as const, problems: [] };
      yield { rowNumber: row.rowNumber, cells: row.cells, problems: s.problems, outcome: s.outcome };
    }
  }
  await writeReport(out, annotated(), headers);
  out.end();
  return collected;
}

export type CommitResult = { households: number; persons: number; reusedPersons: number; skippedHouseholds: number };

/** Load the rows that pass validation now. Safe to run again: what is there is skipped. */
export async function commitPersons(
  ctx: ImportContext,
  content: Buffer,
  format: ImportFormat,
  fileKey: string,
  hooks: { onProgress?: Progress; afterBatch?: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], note: string) => Promise<void> } = {},
): Promise<CommitResult> {
  const validation = await validatePersons(ctx, content, format, undefined, true);
  const groups = new Map<string, { head?: PersonData & { relationship?: string }; members: (PersonData & { relationship?: string })[] }>();
  const singles: PersonData[] = [];
  for (const [rowNumber, input] of validation.inputs!) {
    if (validation.states.get(rowNumber)?.outcome !== 'ok') continue;
    const { householdKey, relationship, ...person } = input as typeof input & { relationship?: string };
    const data = { ...(person as PersonData), relationship };
    if (!householdKey) singles.push(person as PersonData);
    else {
      const g = groups.get(householdKey) ?? { members: [] };
      if (relationship === 'head') g.head = data;
      else g.members.push(data);
      groups.set(householdKey, g);
    }
  }
  const result: CommitResult = { households: 0, persons: 0, reusedPersons: 0, skippedHouseholds: 0 };
  const total = singles.length + [...groups.values()].reduce((n, g) => n + 1 + g.members.length, 0);
  let done = 0;
  for (let i = 0; i < singles.length; i += 1000) {
    const chunk = singles.slice(i, i + 1000);
    await ctx.db.transaction(async (tx) => {
      const r = await insertPersonsReusing(tx, chunk.map((p) => toPersonValues(ctx.sensitive, p) as PersonValues));
      result.persons += r.inserted;
      result.reusedPersons += chunk.length - r.inserted;
      await hooks.afterBatch?.(tx, `persons ${i + 1}–${i + chunk.length}`);
    });
    done += chunk.length;
    hooks.onProgress?.(done, total);
  }
  const bundles: HouseholdBundle[] = [...groups].map(([key, g]) => ({
    key: `import:${fileKey}:${key}`,
    jurisdictionCode: g.head!.jurisdictionCode,
    address: g.head!.address,
    members: [g.head!, ...g.members].map(({ relationship, ...person }) => ({ person, relationship: relationship ?? 'other', flags: MemberFlags.parse({}) })),
    incomes: [],
    assets: [],
    expenses: [],
  }));
  for (let i = 0; i < bundles.length; i += 300) {
    const chunk = bundles.slice(i, i + 300);
    await ctx.db.transaction(async (tx) => {
      const r = await loadHouseholdBatch(tx, ctx.sensitive, chunk, ctx.today);
      result.households += r.households;
      result.persons += r.persons;
      result.reusedPersons += r.personsReused;
      result.skippedHouseholds += r.skipped;
      await hooks.afterBatch?.(tx, `households ${i + 1}–${i + chunk.length}`);
    });
    done += chunk.reduce((n, b) => n + b.members.length, 0);
    hooks.onProgress?.(done, total);
  }
  return result;
}
