// Headers → columns, and one row of cells → a PersonInput (plus 户编号 / 与户主关系) or the list
// of every problem in the row, each naming its column and saying what is wrong in English and
// Chinese. Pure: checks that need the database (the jurisdiction exists and is inside the
// importer's scope, the person duplicates an existing one) are added by the caller to the same
// `problems` list, in the same shape.
import { regexes as zodRegexes } from 'zod';
import { describeIssue } from '../../platform/http/validation.ts';
import { canonicalCode } from '../../lib/division-code.ts';
import { addDays, startOfLocalDay, todayLocal } from '../../lib/local-date.ts';
import { textProblem, TEXT_PROBLEM_MESSAGES } from '../../lib/incoming-text.ts';
import {
  DISABILITY_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  MARITAL_STATUSES,
  PersonFields,
  PersonInput,
  SEXES,
  WORK_CAPACITIES,
} from '../persons/persons.schema.ts';
import {
  COLUMN_BY_KEY,
  EXAMPLE_ID_NUMBERS,
  PERSON_COLUMNS,
  UNEMPLOYMENT_KEYS,
  excelError,
  isBlankCell,
  labelKey,
  parseContext,
  type ImportFieldKey,
  type ImportRecord,
  type ParseContext,
  type ProblemCode,
} from './person-columns.ts';

/** A row as read from the file: cells by header text (see read-rows.ts). */
export type SourceRow = { rowNumber: number; cells: Record<string, unknown> };

/**
 * One thing wrong with a row. `column` is the header as it appears in the file (or the template's
 * header when the column is missing), so the report can point at the cell; `field` is the
 * PersonInput key ('householdKey', 'relationship', or '(row)' for the row as a whole).
 */
export type RowProblem = { column: string; field: string; message: string; messageZh: string; code?: ProblemCode };

export type MappedRow = {
  rowNumber: number;
  /** Set exactly when `problems` is empty; PersonInput.parse accepts it. */
  input?: ImportRecord;
  problems: RowProblem[];
  /** One of the template's example rows (张三/李四 with the example ID numbers): skip it. */
  example?: true;
};

export type HeaderMapping = {
  /** file header → column key, for every recognised header (the first one when a column repeats). */
  mapping: Map<string, ImportFieldKey>;
  /** Headers that match no column (their cells are ignored). */
  unknownHeaders: string[];
  /** Template headers of required columns the file does not have. */
  missingRequired: string[];
  /** Headers naming a column an earlier header already named (ignored). */
  duplicateHeaders: string[];
  /** The result columns of our own report (结果, 问题说明…): a corrected report can be imported again. */
  ignoredHeaders: string[];
};

/** Columns the annotated report adds after the original ones (report.ts writes them; mapHeaders skips them). */
export const REPORT_HEADERS = { outcome: '结果', problems: '问题说明', problemsEn: '问题说明（英文）', rowNumber: '原行号' } as const;

/** Header text → comparison key: full-width → half-width, no spaces, no '*' or (必填) marks. */
export function headerKey(header: string): string {
  let s = labelKey(header);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s
      .replace(/^[*※]+|[*※:]+$/g, '')
      .replace(/[(\[【]\s*(?:必填|必填项|选填|可选|非必填|可不填)\s*[)\]】]$/, '');
  }
  return s;
}

const HEADER_LOOKUP = (() => {
  const map = new Map<string, ImportFieldKey>();
  for (const c of PERSON_COLUMNS) {
    for (const name of [c.header, ...c.aliases, c.key]) {
      const k = headerKey(name);
      const seen = map.get(k);
      if (seen && seen !== c.key) throw new Error(`person-columns: header "${name}" names both ${seen} and ${c.key}`);
      map.set(k, c.key);
    }
  }
  return map;
})();
const REPORT_HEADER_KEYS = new Set(Object.values(REPORT_HEADERS).map(headerKey));

/** The column a header names, tolerant of width, spaces, '*'/(必填) and a trailing (hint). */
export function columnForHeader(header: string): ImportFieldKey | undefined {
  const k = headerKey(header);
  return HEADER_LOOKUP.get(k) ?? HEADER_LOOKUP.get(headerKey(k.replace(/[(\[【][^()\[\]【】]*[)\]】]$/, '')));
}

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const mapping = new Map<string, ImportFieldKey>();
  const used = new Set<ImportFieldKey>();
  const unknownHeaders: string[] = [];
  const duplicateHeaders: string[] = [];
  const ignoredHeaders: string[] = [];
  for (const header of headers) {
    const key = columnForHeader(header);
    if (key === undefined) {
      if (REPORT_HEADER_KEYS.has(headerKey(header))) ignoredHeaders.push(header);
      else unknownHeaders.push(header);
    } else if (used.has(key)) {
      duplicateHeaders.push(header);
    } else {
      used.add(key);
      mapping.set(header, key);
    }
  }
  const missingRequired = PERSON_COLUMNS.filter((c) => c.required && !used.has(c.key)).map((c) => c.header);
  return { mapping, unknownHeaders, missingRequired, duplicateHeaders, ignoredHeaders };
}

const headersByKeyCache = new WeakMap<ReadonlyMap<string, ImportFieldKey>, Map<ImportFieldKey, string>>();

function headersByKey(mapping: ReadonlyMap<string, ImportFieldKey>): Map<ImportFieldKey, string> {
  let byKey = headersByKeyCache.get(mapping);
  if (!byKey) {
    byKey = new Map();
    for (const [header, key] of mapping) if (!byKey.has(key)) byKey.set(key, header);
    headersByKeyCache.set(mapping, byKey);
  }
  return byKey;
}

/** The header to name in a problem about `field`: the file's header, else the template's. */
export function columnLabel(mapping: ReadonlyMap<string, ImportFieldKey>, field: string): string {
  return headersByKey(mapping).get(field as ImportFieldKey) ?? COLUMN_BY_KEY.get(field as ImportFieldKey)?.header ?? '';
}

export type MapRowOptions = Partial<ParseContext>;

const PERSON_KEYS = new Set<string>(Object.keys(PersonFields.shape));

/** Per mapping: each template column with the file's header for it, and the file's column order. */
type RowPlan = { columns: { column: (typeof PERSON_COLUMNS)[number]; header: string | undefined; index: number }[]; order: Map<string, number> };
const rowPlans = new WeakMap<ReadonlyMap<string, ImportFieldKey>, RowPlan>();

function rowPlan(mapping: ReadonlyMap<string, ImportFieldKey>, headers?: readonly string[]): RowPlan {
  let plan = headers ? undefined : rowPlans.get(mapping);
  if (!plan) {
    const byKey = headersByKey(mapping);
    const order = new Map<string, number>();
    [...byKey.keys()].forEach((k, i) => order.set(k, i));
    plan = {
      columns: PERSON_COLUMNS.map((column) => {
        const header = byKey.get(column.key);
        return { column, header, index: header === undefined || !headers ? -1 : headers.indexOf(header) };
      }),
      order,
    };
    if (!headers) rowPlans.set(mapping, plan);
  }
  return plan;
}

const contexts = new WeakMap<MapRowOptions, ParseContext>();

function contextOf(options: MapRowOptions): ParseContext {
  let ctx = contexts.get(options);
  if (!ctx) contexts.set(options, (ctx = parseContext(options)));
  return ctx;
}

/**
 * Parse and validate one row. Every problem is reported (not just the first): required cells,
 * each column's parser, the ID number against 性别/出生日期, dates in order, 户编号 with
 * 与户主关系, then the PersonInput schema for whatever the parsers let through.
 */
export function mapRow(row: SourceRow, mapping: ReadonlyMap<string, ImportFieldKey>, options: MapRowOptions = {}): MappedRow {
  return mapCells(row.rowNumber, undefined, row.cells, mapping, rowPlan(mapping), contextOf(options));
}

/**
 * mapRow for rows given as arrays of cell values in the order of `headers` (the file's header
 * row, as read-rows.ts names it): the same result as mapRow on the row made into an object.
 */
export function valuesMapper(headers: readonly string[], mapping: ReadonlyMap<string, ImportFieldKey>, options: MapRowOptions = {}): (rowNumber: number, values: readonly unknown[]) => MappedRow {
  const plan = rowPlan(mapping, headers);
  const ctx = contextOf(options);
  return (rowNumber, values) => mapCells(rowNumber, values, undefined, mapping, plan, ctx);
}

function mapCells(
  rowNumber: number,
  row: readonly unknown[] | undefined,
  cells: Record<string, unknown> | undefined,
  mapping: ReadonlyMap<string, ImportFieldKey>,
  plan: RowPlan,
  ctx: ParseContext,
): MappedRow {
  const values: Partial<Record<ImportFieldKey, unknown>> = {};
  const problems: RowProblem[] = [];
  let failed: Set<string> | undefined;
  const add = (field: ImportFieldKey | '(row)', code: ProblemCode, message: string, messageZh: string) => {
    (failed ??= new Set()).add(field);
    problems.push({ column: field === '(row)' ? '' : columnLabel(mapping, field), field, message, messageZh, code });
  };

  for (const { column, header, index } of plan.columns) {
    const cell = row ? (index < 0 ? undefined : (row[index] ?? null)) : header === undefined ? undefined : cells![header];
    if (isBlankCell(cell)) {
      if (column.required) add(column.key, 'required', 'required', '必填');
      continue;
    }
    const error = excelError(cell);
    if (error) {
      add(column.key, 'excel_error', `the cell shows the Excel error ${error}; enter the value itself`, `单元格显示 Excel 错误 ${error}，请直接填写内容`);
      continue;
    }
    // A file is an edge too: NUL and lone surrogates are refused here as in requests.
    const textIssue = typeof cell === 'string' ? textProblem(cell) : undefined;
    if (textIssue) {
      const m = TEXT_PROBLEM_MESSAGES[textIssue];
      add(column.key, 'invalid', `the cell ${m.en}`, `单元格${m.zh}`);
      continue;
    }
    const parsed = column.parse(cell, ctx);
    if (!parsed.ok) add(column.key, parsed.code, parsed.message, parsed.messageZh);
    else if (parsed.value !== undefined) values[column.key] = parsed.value;
    else if (column.required) add(column.key, 'required', 'required', '必填');
  }
  crossCheck(values, (field) => failed?.has(field) ?? false, add);

  // The schema checks what the parsers do not (lengths, phone pattern, category with grade);
  // values the parsers made that plainly pass it need not go through it.
  if (!passesSchema(values)) {
    const person: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (PERSON_KEYS.has(k)) person[k] = v;
    const result = PersonInput.safeParse(person);
    if (!result.success) {
      for (const issue of result.error.issues) {
        let field = String(issue.path[0] ?? '(row)');
        // "category and grade go together" is about whichever of the two is empty.
        if (field === 'disabilityGrade' && values.disabilityGrade !== undefined && values.disabilityCategory === undefined) field = 'disabilityCategory';
        if (failed?.has(field)) continue; // already reported by the column's parser
        const d = describeIssue(issue);
        (failed ??= new Set()).add(field);
        problems.push({ column: columnLabel(mapping, field), field, message: d.message, messageZh: d.messageZh, code: 'invalid' });
      }
    }
  }

  // In the order of the file's columns (a missing column's problem first), as the report shows them.
  if (problems.length > 1) {
    const at = (field: string) => plan.order.get(field) ?? -1;
    problems.sort((a, b) => at(a.field) - at(b.field));
  }

  const example = isExample(values) ? ({ example: true } as const) : {};
  if (problems.length > 0) return { rowNumber, problems, ...example };
  return { rowNumber, input: values as ImportRecord, problems, ...example };
}

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;
const ISO_DATE = zodRegexes.date;
const ENUMS: Partial<Record<ImportFieldKey, ReadonlySet<unknown>>> = {
  sex: new Set(SEXES),
  maritalStatus: new Set(MARITAL_STATUSES),
  education: new Set(EDUCATION_LEVELS),
  employmentStatus: new Set(EMPLOYMENT_STATUSES),
  workCapacity: new Set(WORK_CAPACITIES),
  disabilityCategory: new Set(DISABILITY_CATEGORIES),
};

let today = '';
let todayEnds = 0;

/** todayLocal(), computed again only once the local day is over. */
function realToday(): string {
  const now = Date.now();
  if (now >= todayEnds) {
    today = todayLocal(new Date(now));
    todayEnds = startOfLocalDay(addDays(today, 1)).getTime();
  }
  return today;
}

const NOT_PLAIN_NAME = /[\p{Cc}\p{Cf}]/u;
const textWithin = (v: unknown, min: number, max: number) => typeof v === 'string' && v.trim().length >= min && v.trim().length <= max;
const codes = (v: unknown, max: number) => Array.isArray(v) && v.length <= max && v.every((c) => typeof c === 'string' && c.length >= 1 && c.length <= 50);

/**
 * True only when PersonInput would accept these parsed values (whatever it cannot vouch for,
 * it leaves to the schema): the schema's own rules, checked on what the column parsers give.
 */
export function passesSchema(values: Partial<Record<ImportFieldKey, unknown>>): boolean {
  if (values.name === undefined || values.jurisdictionCode === undefined) return false;
  for (const key in values) {
    const v = values[key as ImportFieldKey];
    if (v === undefined) continue;
    switch (key as ImportFieldKey) {
      case 'name':
        // Control or format characters: the schema's name rules decide (src/lib/person-name.ts).
        if (!textWithin(v, 1, 50) || NOT_PLAIN_NAME.test(v as string)) return false;
        break;
      case 'idNumber':
        // Valid by the column parser (as of the import's "today"); the schema checks against the real today.
        if (typeof v !== 'string' || v.length !== 18 || `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` > realToday()) return false;
        break;
      case 'sex':
      case 'maritalStatus':
      case 'education':
      case 'employmentStatus':
      case 'workCapacity':
      case 'disabilityCategory':
        if (!ENUMS[key as ImportFieldKey]!.has(v)) return false;
        break;
      case 'birthDate':
      case 'deathDate':
        if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
        break;
      case 'phone':
        if (typeof v !== 'string' || !PHONE.test(v.trim())) return false;
        break;
      case 'hukouCode':
      case 'jurisdictionCode':
        if (typeof v !== 'string' || canonicalCode(v.trim()) === undefined) return false;
        break;
      case 'address':
        if (!textWithin(v, 0, 200)) return false;
        break;
      case 'ethnicity':
        if (!textWithin(v, 0, 20)) return false;
        break;
      case 'contactCardNo':
        if (!textWithin(v, 0, 30)) return false;
        break;
      case 'disabilityGrade':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 4) return false;
        break;
      case 'seriousIllnesses':
        if (!codes(v, 20)) return false;
        break;
      case 'tags':
        if (!codes(v, 30)) return false;
        break;
      case 'householdKey':
      case 'relationship':
      case 'contributionMonths':
      case 'lastEmployer':
      case 'separationOn':
      case 'separationReason':
      case 'registeredOn':
        break; // not the schema's (the column parsers checked them)
      default:
        return false; // a field this check does not know: let the schema judge
    }
  }
  return (values.disabilityCategory === undefined) === (values.disabilityGrade === undefined);
}

function crossCheck(
  values: Partial<Record<ImportFieldKey, unknown>>,
  failed: (field: string) => boolean,
  add: (field: ImportFieldKey, code: ProblemCode, message: string, messageZh: string) => void,
): void {
  // Sex and birth date written next to the ID number must agree with it.
  let birthDate = values.birthDate as string | undefined;
  if (typeof values.idNumber === 'string') {
    const id = idFacts(values.idNumber);
    if (values.sex !== undefined && values.sex !== id.sex) {
      const zh = id.sex === 'male' ? '男' : '女';
      add('sex', 'mismatch', `does not match the ID number (which says ${id.sex})`, `与身份证号码不符（号码显示为${zh}）`);
    }
    if (birthDate !== undefined && birthDate !== id.birthDate) {
      add('birthDate', 'mismatch', `does not match the ID number (which says ${id.birthDate})`, `与身份证号码不符（号码显示为 ${id.birthDate}）`);
    }
    birthDate ??= id.birthDate;
  }
  const deathDate = values.deathDate as string | undefined;
  if (deathDate !== undefined && birthDate !== undefined && deathDate < birthDate) {
    add('deathDate', 'invalid_date', `is before the date of birth (${birthDate})`, `早于出生日期（${birthDate}）`);
  }
  unemploymentCheck(values, birthDate, failed, add);
  // 户编号 and 与户主关系 go together: one groups the row into a household, the other places it there.
  const hasHousehold = values.householdKey !== undefined;
  const hasRelationship = values.relationship !== undefined;
  if (hasHousehold && !hasRelationship && !failed('relationship')) {
    add('relationship', 'required', 'required when 户编号 (household key) is filled', '填了户编号时必填');
  }
  if (hasRelationship && !hasHousehold && !failed('householdKey')) {
    add('householdKey', 'required', 'required when 与户主关系 (relationship) is filled', '填了与户主关系时必填');
  }
}

/**
 * The unemployment-insurance columns: any filled makes months, separation date and reason required
 * (and the ID number, which finds the person on commit); registration not before separation;
 * separation not before birth; no more months than since the 16th birthday.
 */
function unemploymentCheck(
  values: Partial<Record<ImportFieldKey, unknown>>,
  birthDate: string | undefined,
  failed: (field: string) => boolean,
  add: (field: ImportFieldKey, code: ProblemCode, message: string, messageZh: string) => void,
): void {
  const any = UNEMPLOYMENT_KEYS.some((k) => values[k] !== undefined || failed(k));
  if (!any) return;
  for (const k of ['contributionMonths', 'separationOn', 'separationReason', 'idNumber'] as const) {
    if (values[k] === undefined && !failed(k)) add(k, 'required', 'required with the unemployment-insurance columns', '填写失业保险信息时必填');
  }
  const separation = values.separationOn as string | undefined;
  const registered = values.registeredOn as string | undefined;
  if (separation !== undefined && registered !== undefined && registered < separation) add('registeredOn', 'invalid_date', `is before the job ended (${separation})`, `早于离职日期（${separation}）`);
  if (separation !== undefined && birthDate !== undefined && separation < birthDate) add('separationOn', 'invalid_date', `is before the date of birth (${birthDate})`, `早于出生日期（${birthDate}）`);
  const months = values.contributionMonths as number | undefined;
  if (months !== undefined && separation !== undefined && birthDate !== undefined) {
    const working = Math.max(0, (Number(separation.slice(0, 4)) - Number(birthDate.slice(0, 4)) - 16) * 12 + Number(separation.slice(5, 7)) - Number(birthDate.slice(5, 7)));
    if (months > working) add('contributionMonths', 'invalid', `more than the ${working} months since the person turned 16`, `超过本人年满 16 周岁以来的 ${working} 个月`);
  }
}

/** Birth date and sex of an ID number the column parser already validated and normalised to 18 digits. */
function idFacts(id: string): { birthDate: string; sex: 'male' | 'female' } {
  return { birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

const EXAMPLE_NAMES = [PERSON_COLUMNS[0]!.example, PERSON_COLUMNS[0]!.example2];

function isExample(values: Partial<Record<ImportFieldKey, unknown>>): boolean {
  const i = (EXAMPLE_ID_NUMBERS as readonly string[]).indexOf(values.idNumber as string);
  return i >= 0 && values.name === EXAMPLE_NAMES[i];
}
