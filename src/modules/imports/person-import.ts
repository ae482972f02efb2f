// Importing a persons ledger (台账): validate every row (per-row rules, then the checks that need
// the database and the whole file), write an annotated report, and commit what passed.
// Committing is idempotent and resumable: households are keyed by file hash + 户编号 and persons
// by ID number, each batch is its own transaction, so running it again after a crash finishes
// the job with nothing duplicated and nothing half-written.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { SensitiveFields } from '../../platform/crypto/sensitive.ts';
import { isWithin } from '../../lib/division-code.ts';
import { activeCodes } from '../persons/vocabulary.store.ts';
import type { ImportFormat } from './read-rows.ts';
import { columnLabel, mapHeaders, type RowProblem } from './map-rows.ts';
import type { ImportFieldKey } from './person-columns.ts';
import type { Outcome } from './report.ts';
import { annotatedReport, type RowNote } from './annotated-report.ts';
import type { ImportCounts } from './import.schema.ts';
import { Prefetch, commitUnits, encryptAhead, type CommitMember, type CommitResult, type CommitUnit } from './commit-batches.ts';
import { mappedRows } from './mapped-rows.ts';
import type { UploadLimits } from './upload-limits.ts';

export type { CommitResult } from './commit-batches.ts';
export type ImportContext = { db: Db; sensitive: SensitiveFields; scope: string; today: string; limits?: UploadLimits };
export type Progress = (done: number, total: number) => void;

type Validation = {
  counts: ImportCounts;
  /** Only the rows that are not plainly 'ok' (a million-row file keeps a million fewer objects): see outcomeOf. */
  states: Map<number, RowNote>;
  mapping: ReadonlyMap<string, ImportFieldKey>;
  totalRows: number;
  /** The rows that passed the per-row checks, kept when asked (the commit then needs no second read). */
  kept?: KeptRow[];
  /** Persons already registered under the file's ID numbers: blind index → person id. */
  registered?: Map<string, number>;
};

const problem = (column: string, field: string, message: string, messageZh: string): RowProblem => ({ column, field, message, messageZh });

/**
 * A counter for long loops over every row of a file: every `every` steps it lets the event loop
 * run (other requests, /api/health), so a 1,000,000-row file never holds the server for long.
 */
function yielder(every = 5_000): () => Promise<void> | undefined {
  let n = 0;
  return () => (++n % every === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined);
}


/** A row that passed the per-row checks, kept for the commit (which then needs no second read). */
export type KeptRow = CommitMember & { rowNumber: number };

/** Validate the whole file. Rows of a household stand or fall together. */
export async function validatePersons(ctx: ImportContext, content: Buffer, format: ImportFormat, onProgress?: Progress, keepInputs = false): Promise<Validation> {
  return validate(ctx, content, format, { onProgress, keep: keepInputs });
}

async function validate(
  ctx: ImportContext,
  content: Buffer,
  format: ImportFormat,
  options: { onProgress?: Progress | undefined; keep?: boolean; spare?: (kept: KeptRow[]) => boolean; onKept?: (rows: KeptRow[]) => void },
): Promise<Validation> {
  const { onProgress, keep = false } = options;
  const source = mappedRows(content, format, { ...(ctx.limits ? { limits: ctx.limits } : {}), index: ctx.sensitive.indexSecret('id_number') });
  let mapping: ReadonlyMap<string, ImportFieldKey>;
  try {
    // The vocabularies load while the file opens.
    const codes = Promise.all([activeCodes(ctx.db, 'tag'), activeCodes(ctx.db, 'illness')]);
    codes.catch(() => {}); // a bad file is the error to report
    const header = mapHeaders(await source.headers);
    if (header.missingRequired.length > 0) {
      throw new AppError(
        'validation_failed',
        `The file lacks required columns: ${header.missingRequired.join(', ')} (download the template)`,
        `文件缺少必填列：${header.missingRequired.join('、')}（请下载模板对照）`,
        [{ field: 'file', message: `missing columns: ${header.missingRequired.join(', ')}`, messageZh: `缺少列：${header.missingRequired.join('、')}` }],
      );
    }
    mapping = header.mapping;
    const [tags, illnesses] = await codes;
    source.start({ today: ctx.today, tags: Object.fromEntries(tags), illnesses: Object.fromEntries(illnesses) });
  } catch (error) {
    await source.close();
    throw error;
  }
  const col = (field: string) => columnLabel(mapping, field);
  const states = new Map<number, RowNote>();
  const stateOf = (row: number): RowNote => {
    let s = states.get(row);
    if (!s) states.set(row, (s = { outcome: 'ok', problems: [] }));
    return s;
  };
  const byIdNumber = new Map<string, number>(); // normalised ID → first row
  // ID numbers of the rows read since the last lookup (the lookup takes them and checks its answers).
  let idRows: { row: number; index: string; name: string }[] = [];
  // Rows whose ID number is registered already: checked once the whole file is read, in row order.
  const registeredHits: { row: number; name: string; e: { id: number; name: string; code: string }; index: string }[] = [];
  const codeRows = new Map<string, number[]>();
  const groups = new Map<string, { rows: number[]; heads: number }>();
  const kept: KeptRow[] = [];
  let totalRows = 0;

  // The checks that need the database run chunk by chunk while the file is read (the database
  // is idle then); their findings are applied once the whole file is read, in the usual order.
  const knownCodes = new Set<string>();
  const lookups: Promise<void>[] = [];
  const lookUp = (query: Promise<void>) => {
    query.catch(() => {}); // awaited (and thrown) below
    lookups.push(query);
  };
  let codesLooked = 0;
  const codesSeen: string[] = [];
  const lookUpChunk = () => {
    const codes = codesSeen.slice(codesLooked);
    codesLooked = codesSeen.length;
    if (codes.length > 0) {
      lookUp(
        queryRows<{ code: string }>(ctx.db, sql`select code from jurisdictions where code = any(${sql.param(codes)}::text[])`).then((rows) => {
          for (const r of rows) knownCodes.add(r.code);
        }),
      );
    }
    const asked = idRows;
    idRows = [];
    const ids = asked.map((c) => c.index);
    if (ids.length > 0) {
      lookUp(
        queryRows<{ id: number; index: string; name: string; code: string }>(
          ctx.db,
          sql`select id, id_number_index as index, name, jurisdiction_code as code from persons where id_number_index = any(${sql.param(ids)}::text[])`,
        ).then((rows) => {
          const found = new Map(rows.map((e) => [e.index, { id: Number(e.id), name: e.name, code: e.code }]));
          for (const c of asked) {
            const e = found.get(c.index);
            if (e) registeredHits.push({ row: c.row, name: c.name, e, index: c.index });
          }
        }),
      );
    }
  };

  const spare = options.spare;
  let keptBefore = 0;
  for await (const chunk of source.chunks(spare && (() => spare(kept)))) {
    for (const m of chunk) {
      totalRows++;
      // A row's state is kept only once it has something to say.
      const state: RowNote = { outcome: 'ok', problems: m.problems };
      if (m.problems.length > 0) states.set(m.rowNumber, state);
      if (m.example) {
        states.set(m.rowNumber, state);
        state.outcome = 'skipped';
        state.problems.push(problem('', '', 'template example row', '模板示例行，已跳过'));
        continue;
      }
      const input = m.input;
      if (!input) continue;
      const row: KeptRow = { rowNumber: m.rowNumber, input, idIndex: undefined };
      if (keep) kept.push(row);
      if (!isWithin(input.jurisdictionCode, ctx.scope)) state.problems.push(problem(col('jurisdictionCode'), 'jurisdictionCode', 'outside your jurisdiction', '不在本辖区范围内'));
      const sameCode = codeRows.get(input.jurisdictionCode);
      if (sameCode) sameCode.push(m.rowNumber);
      else {
        codeRows.set(input.jurisdictionCode, [m.rowNumber]);
        codesSeen.push(input.jurisdictionCode);
      }
      // The column parser gives the ID number checked and normalised (18 characters).
      const id = input.idNumber;
      if (id) {
        const first = byIdNumber.get(id);
        if (first !== undefined) {
          state.outcome = 'duplicate';
          state.problems.push(problem(col('idNumber'), 'idNumber', `same ID number as row ${first}`, `与第 ${first} 行身份证号码重复`));
        } else {
          byIdNumber.set(id, m.rowNumber);
          row.idIndex = m.idIndex ?? ctx.sensitive.index('id_number', id);
          idRows.push({ row: m.rowNumber, index: row.idIndex, name: input.name });
        }
      }
      if (input.householdKey) {
        let g = groups.get(input.householdKey);
        if (!g) groups.set(input.householdKey, (g = { rows: [], heads: 0 }));
        g.rows.push(m.rowNumber);
        if (input.relationship === 'head') g.heads++;
        if (!input.relationship) state.problems.push(problem(col('relationship'), 'relationship', 'required with a household key', '填写户编号时须填写与户主关系'));
      } else if (!input.idNumber) {
        state.problems.push(problem(col('idNumber'), 'idNumber', 'a person without an ID number needs a household key', '无身份证号码的人员须填写户编号'));
      }
      if (state.outcome !== 'ok' || state.problems.length > 0) states.set(m.rowNumber, state);
      if (totalRows % 500 === 0) onProgress?.(totalRows, 0);
    }
    lookUpChunk();
    if (options.onKept && kept.length > keptBefore) options.onKept(kept.slice(keptBefore));
    keptBefore = kept.length;
  }

  // What the database said, in the order the problems are listed.
  await Promise.all(lookups);
  const breathe = yielder();
  for (const [code, rowNumbers] of codeRows) {
    await breathe();
    if (knownCodes.has(code)) continue;
    for (const r of rowNumbers) stateOf(r).problems.push(problem(col('jurisdictionCode'), 'jurisdictionCode', `unknown jurisdiction ${code}`, `区划代码 ${code} 不存在`));
  }
  const registered = new Map<string, number>();
  registeredHits.sort((x, y) => x.row - y.row);
  for (const { row, name, e, index } of registeredHits) {
    await breathe();
    registered.set(index, e.id);
    if (!isWithin(e.code, ctx.scope)) {
      const state = stateOf(row);
      state.outcome = 'duplicate';
      state.problems.push(problem(col('idNumber'), 'idNumber', 'already registered in another jurisdiction', '已在其他辖区登记，请联系对方核实'));
    } else if (e.name !== name) {
      const state = stateOf(row);
      state.outcome = 'duplicate';
      state.problems.push(problem(col('name'), 'name', `already registered as ${e.name}`, `该身份证号码已登记为「${e.name}」，姓名不一致`));
    }
  }
  for (const [key, g] of groups) {
    await breathe();
    if (g.heads === 1) continue;
    const text = g.heads === 0 ? ['has no head', '没有户主'] : ['has more than one head', '有多名户主'];
    for (const r of g.rows) stateOf(r).problems.push(problem(col('relationship'), 'relationship', `household ${key} ${text[0]}`, `户编号 ${key} ${text[1]}`));
  }
  // A household is imported whole or not at all.
  for (const [key, g] of groups) {
    await breathe();
    const bad = g.rows.some((r) => {
      const s = states.get(r);
      return s !== undefined && s.problems.length > 0 && s.outcome !== 'skipped';
    });
    if (!bad) continue;
    for (const r of g.rows) {
      const s = stateOf(r);
      if (s.problems.length === 0) {
        s.outcome = 'skipped';
        s.problems.push(problem('', '', `another row of household ${key} has problems`, `同户（户编号 ${key}）其他成员有问题，本户暂不导入`));
      }
    }
  }
  const counts: ImportCounts = { total: totalRows, ok: 0, error: 0, duplicate: 0, skipped: 0 };
  for (const s of states.values()) {
    await breathe();
    if (s.outcome === 'ok' && s.problems.length > 0) s.outcome = 'error';
    counts[s.outcome]++;
  }
  counts.ok += totalRows - states.size; // the rows with nothing to say
  onProgress?.(totalRows, totalRows);
  return { counts, states, mapping, totalRows, ...(keep ? { kept, registered } : {}) };
}

/** A row's outcome (a row without a kept state passed). */
export function outcomeOf(validation: Validation, rowNumber: number): Outcome {
  return validation.states.get(rowNumber)?.outcome ?? 'ok';
}

/** The annotated report: the file's rows with 结果 and 问题说明 (constant memory; large files on a worker thread). */
export function reportFor(content: Buffer, format: ImportFormat, validation: Validation, limits?: UploadLimits): Promise<Buffer> {
  return annotatedReport(content, format, validation.states, limits);
}

/** Load the rows that pass validation now. Safe to run again: what is there is skipped. */
export async function commitPersons(
  ctx: ImportContext,
  content: Buffer,
  format: ImportFormat,
  fileKey: string,
  hooks: { onProgress?: Progress; afterBatch?: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], note: string, written: CommitResult) => Promise<void> } = {},
): Promise<CommitResult> {
  // While the file is read: encrypt the rows read so far, and ask the database what the commit
  // will need to know (households already there, ids) — the commit needs both anyway.
  const householdKey = (key: string) => `import:${fileKey}:${key}`;
  const prefetch = new Prefetch(ctx.db, householdKey);
  const validation = await validate(ctx, content, format, {
    keep: true,
    spare: (kept) => encryptAhead(ctx.sensitive, kept),
    onKept: (rows) => prefetch.add(rows),
  });
  // Persons without a household first, then whole households (head first), in file order.
  const singles: CommitUnit[] = [];
  const households = new Map<string, CommitUnit>();
  for (const row of validation.kept!) {
    if (outcomeOf(validation, row.rowNumber) !== 'ok') continue;
    const input = row.input;
    if (!input.householdKey) singles.push({ members: [row] });
    else {
      let h = households.get(input.householdKey);
      if (!h) households.set(input.householdKey, (h = { key: householdKey(input.householdKey), members: [] }));
      if (input.relationship === 'head') h.members.unshift(row);
      else h.members.push(row);
    }
  }
  const result = await commitUnits(ctx, singles, [...households.values()], validation.registered!, hooks, await prefetch.done());
  await recordUnemployment(ctx, validation.kept!.filter((r) => outcomeOf(validation, r.rowNumber) === 'ok'), fileKey);
  return result;
}

/**
 * The unemployment-insurance columns become the person's facts (person_unemployment), found by
 * the ID number the row must carry. Safe to run again: a fact already recorded for the same
 * person and separation date is skipped.
 */
async function recordUnemployment(ctx: ImportContext, rows: KeptRow[], fileKey: string): Promise<void> {
  const facts = rows.filter((r) => r.input.contributionMonths !== undefined && r.idIndex !== undefined).map((r) => ({
    idIndex: r.idIndex!, months: r.input.contributionMonths!, employer: r.input.lastEmployer ?? null,
    separationOn: r.input.separationOn!, reason: r.input.separationReason!, registeredOn: r.input.registeredOn ?? null,
  }));
  for (let i = 0; i < facts.length; i += 5_000) {
    const chunk = JSON.stringify(facts.slice(i, i + 5_000));
    await ctx.db.execute(sql`insert into person_unemployment (person_id, contribution_months, last_employer, separation_on, separation_reason, registered_on, recorded_by, source)
      select p.id, r.months, r.employer, r."separationOn", r.reason, r."registeredOn", 'import', ${`台账导入 ${fileKey.slice(0, 12)}`}
        from json_to_recordset(${chunk}::json) as r("idIndex" text, months smallint, employer text, "separationOn" date, reason text, "registeredOn" date)
        join persons p on p.id_number_index = r."idIndex"
       where not exists (select 1 from person_unemployment u where u.person_id = p.id and u.separation_on = r."separationOn" and u.retired_at is null)`);
  }
}
