// The column template of the persons ledger (人员台账) import: which Chinese headers we read, what
// each column may hold, and how a cell becomes a value of PersonInput. Pure: no database, no I/O.
// Each parser takes whatever a spreadsheet cell can hold (string, number, boolean, Date, null),
// accepts the forms grassroots staff actually type (labels, synonyms, full-width characters), and
// either returns the value or says in both languages what is wrong. Checks across columns and the
// zod schema run in map-rows.ts.
import { LEVEL_LABEL_ZH, canonicalCode, levelOf } from '../../lib/division-code.ts';
import { makeIdNumber, parseIdNumber } from '../../lib/id-number.ts';
import { todayLocal } from '../../lib/local-date.ts';
import { cleanPersonName, NAME_PROBLEM_MESSAGES } from '../../lib/person-name.ts';
import { RELATIONSHIPS } from '../households/households.schema.ts';
import { SEPARATION_REASONS } from '../persons/facts.schema.ts';
import {
  DEFAULT_ILLNESSES,
  DEFAULT_TAGS,
  DISABILITY_CATEGORIES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  MARITAL_STATUSES,
  SEXES,
  WORK_CAPACITIES,
  type PersonInput,
} from '../persons/persons.schema.ts';

export type Relationship = (typeof RELATIONSHIPS)[number];
export type SeparationReason = (typeof SEPARATION_REASONS)[number];

/** The unemployment-insurance facts a ledger row may carry (recorded as the person's facts on commit). */
export type UnemploymentCells = { contributionMonths?: number; lastEmployer?: string; separationOn?: string; separationReason?: SeparationReason; registeredOn?: string };
export const UNEMPLOYMENT_KEYS = ['contributionMonths', 'lastEmployer', 'separationOn', 'separationReason', 'registeredOn'] as const;

/** One imported row: a person, plus how the row groups into a household (户编号, 与户主关系), plus unemployment facts. */
export type ImportRecord = PersonInput & { householdKey?: string; relationship?: Relationship } & UnemploymentCells;
export type ImportFieldKey = keyof ImportRecord;

/** Machine-readable kinds of row problems; the database side may add its own codes. */
export type ProblemCode =
  | 'required'
  | 'invalid'
  | 'invalid_date'
  | 'invalid_code'
  | 'id_number'
  | 'number_mangled'
  | 'unknown_value'
  | 'mismatch'
  | 'excel_error'
  | (string & {});

export type ParseResult<T> =
  | { ok: true; value: T | undefined }
  | { ok: false; code: ProblemCode; message: string; messageZh: string };

/** What parsers need besides the cell: the date that bounds birth/death dates and the vocabularies. */
export type ParseContext = {
  /** YYYY-MM-DD; default today in Asia/Shanghai. */
  today: string;
  /** code → Chinese label of the special-group tags (default DEFAULT_TAGS; configurable). */
  tags: Readonly<Record<string, string>>;
  /** code → Chinese label of the serious illnesses (default DEFAULT_ILLNESSES; configurable). */
  illnesses: Readonly<Record<string, string>>;
};

export function parseContext(overrides: Partial<ParseContext> = {}): ParseContext {
  return { today: overrides.today ?? todayLocal(), tags: overrides.tags ?? DEFAULT_TAGS, illnesses: overrides.illnesses ?? DEFAULT_ILLNESSES };
}

export type PersonColumn<K extends ImportFieldKey = ImportFieldKey> = {
  key: K;
  /** The header of the template (Chinese). */
  header: string;
  /** English name, for English messages and the notes sheet. */
  labelEn: string;
  /** Other headers ledgers use for the same column (matched tolerant of spaces, width, '*'). */
  aliases: readonly string[];
  required: boolean;
  /** Values of the template's two example rows. */
  example: string;
  example2: string;
  /** How to fill the column (填写说明). */
  note: string;
  /** The labels offered in the template's drop-down list (single-choice columns). */
  choices?: readonly string[];
  /** Format the template column as text ('@') so Excel keeps long digit strings intact. */
  text?: boolean;
  /** A date column: the template formats it as yyyy-mm-dd. */
  date?: boolean;
  /** Cell → value; a blank cell gives { ok: true, value: undefined }. */
  parse: (cell: unknown, ctx?: ParseContext) => ParseResult<NonNullable<ImportRecord[K]>>;
};

// ---------------------------------------------------------------------------------------------
// Cell helpers

const ok = <T>(value: T | undefined): ParseResult<T> => ({ ok: true, value });
const bad = (code: ProblemCode, message: string, messageZh: string): ParseResult<never> => ({ ok: false, code, message, messageZh });

const EXCEL_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|GETTING_DATA|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|ERROR!)$/i;

/** True for an empty cell: null, undefined, or only whitespace. */
export function isBlankCell(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  // Most cells start with a character trim() never removes: no need to trim them.
  const c = cell.charCodeAt(0);
  if ((c > 32 && c < 0x1680 && c !== 0xa0) || (c > 0x3000 && c < 0xfeff)) return false;
  return cell.trim() === '';
}

/** Printable ASCII only: NFKC leaves such text as it is. */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** s.normalize('NFKC'), without the call for plain ASCII text. */
function nfkc(s: string): string {
  return isPlainAscii(s) ? s : s.normalize('NFKC');
}

/** The Excel error value a cell shows (#REF!, #N/A…), if it holds one. */
export function excelError(cell: unknown): string | undefined {
  if (typeof cell === 'string' && EXCEL_ERROR.test(cell.trim())) return cell.trim().toUpperCase();
  if (cell && typeof cell === 'object' && 'error' in cell && typeof cell.error === 'string') return cell.error;
  return undefined;
}

/** A short rendering of a cell for messages. */
export function showCell(cell: unknown): string {
  let s: string;
  if (cell instanceof Date) s = Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().slice(0, 10);
  else if (typeof cell === 'object' && cell !== null) s = JSON.stringify(cell);
  else s = String(cell);
  s = s.trim();
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}

/** Excel keeps 15 significant digits: beyond that a number cell has lost digits. */
const EXACT_DIGITS_LIMIT = 1e15;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

/**
 * Text of a cell that holds an identifier (phone, code, card number): numbers become their
 * digits, unless Excel already lost digits (16 digits or more, or scientific notation).
 */
function identifierText(cell: unknown, what: { en: string; zh: string }): ParseResult<string> {
  if (isBlankCell(cell)) return ok(undefined);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || Math.abs(cell) >= EXACT_DIGITS_LIMIT) return mangled(what);
    if (!Number.isInteger(cell)) return bad('invalid', `${what.en} cannot be ${cell}`, `${what.zh}不能是“${cell}”`);
    return ok(String(cell));
  }
  if (cell instanceof Date || typeof cell === 'boolean') {
    return bad('invalid', `${what.en} cannot be ${showCell(cell)}`, `${what.zh}不能是“${showCell(cell)}”`);
  }
  const text = nfkc(String(cell)).trim();
  if (SCIENTIFIC.test(text)) return mangled(what);
  return ok(text);
}

function mangled(what: { en: string; zh: string }): ParseResult<never> {
  return bad(
    'number_mangled',
    `Excel stored this ${what.en} as a number and lost digits; format the column as text and enter it again`,
    `Excel 把${what.zh}存成了数字，后几位已丢失；请把该列设置为“文本”格式后重新录入`,
  );
}

/** Plain text (addresses): trimmed, NFC (as text entered in the API is); numbers as their digits; dates as YYYY-MM-DD. */
function plainText(cell: unknown): ParseResult<string> {
  if (isBlankCell(cell)) return ok(undefined);
  if (cell instanceof Date) return ok(showCell(cell));
  const text = String(cell).trim();
  return ok(isPlainAscii(text) ? text : text.normalize('NFC'));
}

/** A person's name, cleaned and checked as the API does (src/lib/person-name.ts). */
function parseNameCell(cell: unknown): ParseResult<string> {
  const text = plainText(cell);
  if (!text.ok || text.value === undefined) return text;
  const cleaned = cleanPersonName(text.value);
  if (cleaned.ok) return ok(cleaned.value || undefined);
  const m = NAME_PROBLEM_MESSAGES[cleaned.problem];
  return bad('invalid', `the name ${m.en}`, `姓名${m.zh}`);
}

/** NFKC (full-width → half-width), no whitespace, lower case: the key used to look up labels. */
export function labelKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Labels → codes

type Labels<T extends string> = Record<T, readonly [string, ...string[]]>;

/** A parser for one value out of a list: accepts each code's Chinese labels and the code itself. */
function choice<T extends string>(codes: readonly T[], labels: Labels<T>) {
  const lookup = new Map<string, T>();
  for (const code of codes) {
    lookup.set(labelKey(code), code);
    for (const label of labels[code]) lookup.set(labelKey(label), code);
  }
  const exact = new Map<string, T>(lookup); // the labels as written: most cells, without normalising
  for (const code of codes) for (const label of labels[code]) exact.set(label, code);
  const primary = codes.map((c) => labels[c][0]);
  const parse = (cell: unknown): ParseResult<T> => {
    if (isBlankCell(cell)) return ok(undefined);
    const found = (typeof cell === 'string' ? exact.get(cell) : undefined) ?? lookup.get(labelKey(cell instanceof Date ? showCell(cell) : String(cell)));
    if (found) return ok(found);
    return bad(
      'unknown_value',
      `unknown value "${showCell(cell)}"; use one of: ${primary.join(', ')}`,
      `无法识别“${showCell(cell)}”，应为：${primary.join('、')}`,
    );
  };
  return { parse, choices: primary };
}

const SEX = choice(SEXES, { male: ['男', '男性'], female: ['女', '女性'] });

const MARITAL = choice(MARITAL_STATUSES, {
  unmarried: ['未婚'],
  married: ['已婚', '初婚', '再婚', '复婚', '有配偶'],
  divorced: ['离异', '离婚'],
  widowed: ['丧偶'],
});

const EDUCATION = choice(EDUCATION_LEVELS, {
  none: ['文盲', '文盲或半文盲', '半文盲', '不识字', '未上过学', '未上学'],
  primary: ['小学'],
  junior: ['初中'],
  senior: ['高中'],
  vocational: ['中专', '中技', '技校', '职高', '中职', '中等专科'],
  college: ['大专', '大学专科', '专科', '高职'],
  bachelor: ['本科', '大学本科', '大学'],
  postgraduate: ['研究生', '硕士', '博士', '硕士研究生', '博士研究生'],
});

const EMPLOYMENT = choice(EMPLOYMENT_STATUSES, {
  employed: ['就业', '在业', '在职', '务农', '务工', '有工作'],
  flexible: ['灵活就业', '打零工', '零工'],
  unemployed: ['失业', '无业', '待业', '未就业'],
  retired: ['退休', '离休', '离退休'],
  student: ['在校生', '学生', '在校学生', '在读'],
  not_in_labour_force: ['非劳动力', '学龄前', '非劳动年龄'],
});

const WORK_CAPACITY = choice(WORK_CAPACITIES, {
  full: ['完全', '完全劳动能力', '有劳动能力'],
  partial: ['部分', '部分劳动能力', '部分丧失劳动能力', '弱劳动能力'],
  none: ['无', '无劳动能力', '丧失劳动能力', '完全丧失劳动能力'],
});

const DISABILITY = choice(DISABILITY_CATEGORIES, {
  visual: ['视力', '视力残疾'],
  hearing: ['听力', '听力残疾'],
  speech: ['言语', '言语残疾', '语言残疾'],
  physical: ['肢体', '肢体残疾'],
  intellectual: ['智力', '智力残疾'],
  mental: ['精神', '精神残疾'],
  multiple: ['多重', '多重残疾'],
});

// GB/T 4761 家庭关系 names folded onto the eight relationships the registry keeps.
const RELATIONSHIP = choice(RELATIONSHIPS, {
  head: ['户主', '本人', '户主本人'],
  spouse: ['配偶', '妻', '妻子', '夫', '丈夫', '之妻', '之夫', '爱人'],
  child: [
    '子女', '子', '女', '儿子', '女儿', '之子', '之女', '长子', '次子', '三子', '四子', '五子', '长女', '次女', '三女', '四女', '五女',
    '独生子', '独生女', '养子', '养女', '继子', '继女', '儿媳', '女婿',
  ],
  parent: ['父母', '父亲', '母亲', '父', '母', '之父', '之母', '养父', '养母', '继父', '继母', '公公', '婆婆', '岳父', '岳母'],
  grandparent: ['祖父母', '祖父', '祖母', '外祖父', '外祖母', '外祖父母', '爷爷', '奶奶', '姥爷', '姥姥', '外公', '外婆'],
  grandchild: ['孙子女', '孙子', '孙女', '外孙子', '外孙女', '外孙', '孙媳妇', '孙女婿', '曾孙子', '曾孙女'],
  sibling: ['兄弟姐妹', '兄', '哥哥', '弟', '弟弟', '姐', '姐姐', '妹', '妹妹', '嫂子', '弟媳', '姐夫', '妹夫'],
  other: ['其他', '其它'],
});

const GRADE_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 壹: 1, 贰: 2, 叁: 3, 肆: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const SEPARATION = choice(SEPARATION_REASONS, {
  involuntary: ['非本人意愿', '非本人意愿中断就业', '合同终止', '劳动合同终止', '被解除', '被辞退', '单位解除', '协商解除', '裁员'],
  voluntary: ['主动辞职', '本人辞职', '辞职', '自愿离职', '个人原因'],
  employer_fault: ['单位欠薪', '单位未缴社保', '因单位过错解除', '用人单位过错'],
  refused_renewal: ['期满不续订', '合同期满不续订', '单位不续签', '期满单位不续订'],
});

/** Months of unemployment-insurance contributions: a whole number 0–600 ("72", "72个月"). */
function parseMonths(cell: unknown): ParseResult<number> {
  if (isBlankCell(cell)) return ok(undefined);
  const text = typeof cell === 'number' ? String(cell) : nfkc(String(cell)).trim().replace(/\s*(个月|月)$/, '');
  if (!/^\d+$/.test(text)) return bad('invalid', `"${showCell(cell)}" is not a whole number of months`, `“${showCell(cell)}”不是整月数`);
  const n = Number(text);
  if (n > 600) return bad('invalid', 'at most 600 months (50 years)', '缴费月数不能超过 600 个月（50 年）');
  return ok(n);
}

function parseGrade(cell: unknown): ParseResult<number> {
  if (isBlankCell(cell)) return ok(undefined);
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 1 && cell <= 4 ? ok(cell) : badGrade(cell);
  }
  const m = /^(?:残疾)?([一二三四壹贰叁肆1-4])(?:级)?(?:残疾)?$/.exec(labelKey(String(cell)));
  return m ? ok(GRADE_WORDS[m[1]!]!) : badGrade(cell);
}

function badGrade(cell: unknown): ParseResult<never> {
  return bad('unknown_value', `unknown grade "${showCell(cell)}"; use 一级, 二级, 三级, 四级 (or 1–4)`, `无法识别等级“${showCell(cell)}”，应为一级、二级、三级、四级（或 1–4）`);
}

/** Separators between labels in one cell: 、，,；; ／/ | and spaces. */
const LIST_SEPARATORS = /[、,，;；/／|｜\s\u3000]+/;

const vocabularyLookups = new WeakMap<Readonly<Record<string, string>>, Map<string, string>>();

/** label or code (as written, and as labelKey) → code, built once per vocabulary object. */
function vocabularyLookup(vocabulary: Readonly<Record<string, string>>): Map<string, string> {
  let lookup = vocabularyLookups.get(vocabulary);
  if (!lookup) {
    lookup = new Map();
    for (const [code, label] of Object.entries(vocabulary)) {
      for (const name of [code, label]) {
        lookup.set(name, code);
        lookup.set(labelKey(name), code);
      }
    }
    vocabularyLookups.set(vocabulary, lookup);
  }
  return lookup;
}

/** A list of vocabulary labels (or codes) → codes; every unknown label is named. */
function parseLabelList(cell: unknown, vocabulary: Readonly<Record<string, string>>, what: { en: string; zh: string }): ParseResult<string[]> {
  if (isBlankCell(cell)) return ok(undefined);
  const lookup = vocabularyLookup(vocabulary);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of String(cell).split(LIST_SEPARATORS)) {
    if (!part) continue;
    const code = lookup.get(part) ?? lookup.get(labelKey(part));
    if (code === undefined) unknown.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  if (unknown.length > 0) {
    const allowed = Object.values(vocabulary);
    return bad(
      'unknown_value',
      `unknown ${what.en}: ${unknown.map((u) => `"${u}"`).join(', ')}; use: ${allowed.join(', ')} (separated by 、)`,
      `无法识别的${what.zh}：${unknown.map((u) => `“${u}”`).join('、')}；可填：${allowed.join('、')}（多个用“、”分隔）`,
    );
  }
  return ok(codes.length > 0 ? codes : undefined);
}

// ---------------------------------------------------------------------------------------------
// Dates

const EARLIEST_DATE = '1900-01-01';
/** Serial numbers of 1910-01-01 … 2099-12-31: a plain number in that range in a date column is an Excel date. */
const SERIAL_MIN = 3654;
const SERIAL_MAX = 73050;
const DATE_FULL =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_MONTH = /^\d{4}\s*(?:[-/.年]\s*\d{1,2}\s*月?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD of a real (proleptic Gregorian) date, else undefined; years 0–99 never are (as with Date.UTC). */
function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 100 || y > 9999) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return undefined;
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * A date cell → YYYY-MM-DD. Accepts Excel date cells (exceljs gives a Date at UTC midnight), an
 * Excel serial number, 19900101 (number or text), 1990-01-01, 1990/1/1, 1990.1.1, 1990年1月1日,
 * and a trailing time (a timestamp exported from another system).
 */
export function parseDateCell(cell: unknown): ParseResult<string> {
  if (isBlankCell(cell)) return ok(undefined);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return badDate(cell);
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 29991231) return compactDate(String(cell), cell);
    if (Number.isInteger(cell) && cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      return ok(new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10));
    }
    return badDate(cell);
  }
  const text = nfkc(String(cell)).trim();
  const full = DATE_FULL.exec(text);
  if (full) {
    const iso = isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
    return iso ? ok(iso) : noSuchDate(cell);
  }
  if (DATE_COMPACT.test(text)) return compactDate(text, cell);
  if (YEAR_MONTH.test(text)) {
    return bad('invalid_date', `"${showCell(cell)}" needs the day as well (year, month and day)`, `“${showCell(cell)}”缺少日，应填写完整的年月日`);
  }
  return badDate(cell);
}

function compactDate(digits: string, cell: unknown): ParseResult<string> {
  const iso = isoDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
  return iso ? ok(iso) : noSuchDate(cell);
}

function badDate(cell: unknown): ParseResult<never> {
  return bad(
    'invalid_date',
    `"${showCell(cell)}" is not a date; write it as 1990-01-01 (1990/1/1, 19900101 and 1990年1月1日 also work)`,
    `“${showCell(cell)}”不是有效日期，请写成 1990-01-01（也可写 1990/1/1、19900101 或 1990年1月1日）`,
  );
}

function noSuchDate(cell: unknown): ParseResult<never> {
  return bad('invalid_date', `the date "${showCell(cell)}" does not exist`, `日期“${showCell(cell)}”不存在`);
}

/** A date that must lie between 1900-01-01 and today. */
function pastDate(cell: unknown, ctx: ParseContext | undefined): ParseResult<string> {
  const parsed = parseDateCell(cell);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  if (parsed.value < EARLIEST_DATE) return bad('invalid_date', `${parsed.value} is before 1900`, `${parsed.value} 早于 1900 年`);
  const today = (ctx ?? parseContext()).today;
  if (parsed.value > today) return bad('invalid_date', `${parsed.value} is in the future`, `${parsed.value} 晚于今天`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Field parsers

/** An ID number cell → the normalised 18-digit number; a number cell that lost digits is reported, never repaired. */
export function parseIdNumberCell(cell: unknown, ctx?: ParseContext): ParseResult<string> {
  if (isBlankCell(cell)) return ok(undefined);
  const what = { en: 'ID number', zh: '身份证号码' };
  let text: string;
  if (typeof cell === 'number') {
    // A legacy 15-digit number fits in a double exactly; an 18-digit one never does.
    if (!Number.isFinite(cell) || !Number.isInteger(cell) || cell >= EXACT_DIGITS_LIMIT) return mangled(what);
    text = String(cell);
  } else {
    const t = identifierText(cell, what);
    if (!t.ok || t.value === undefined) return t;
    text = t.value.replace(/\s+/g, '');
  }
  const parsed = parseIdNumber(text, (ctx ?? parseContext()).today);
  if (parsed.ok) return ok(parsed.value);
  // 15 significant digits then 000: what is left after Excel rounded an 18-digit number.
  if (parsed.reason === 'check_digit' && /^\d{15}000$/.test(text)) return mangled(what);
  return bad('id_number', `ID number: ${parsed.message}`, `身份证号码${parsed.messageZh}`);
}

const CODE_MESSAGE = {
  en: 'not a valid division code (2/4/6/9/12 digits, 15 for a grid)',
  zh: '不是有效的区划代码（2/4/6/9/12 位，网格 15 位）',
};

export function parseDivisionCodeCell(cell: unknown): ParseResult<string> {
  const t = identifierText(cell, { en: 'division code', zh: '区划代码' });
  if (!t.ok || t.value === undefined) return t;
  const code = canonicalCode(t.value.replace(/\s+/g, ''));
  return code ? ok(code) : bad('invalid_code', `"${showCell(cell)}" is ${CODE_MESSAGE.en}`, `“${showCell(cell)}”${CODE_MESSAGE.zh}`);
}

/** Where a person lives: a village/community (12 digits) or a grid (15 digits), not a wider area. */
export function parseResidenceCodeCell(cell: unknown): ParseResult<string> {
  const parsed = parseDivisionCodeCell(cell);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  const level = levelOf(parsed.value);
  if (level === 'village' || level === 'grid') return parsed;
  return bad(
    'invalid_code',
    `${parsed.value} is a ${level} code; give the village/community (12 digits) or grid (15 digits) the person lives in`,
    `${parsed.value} 是${level ? LEVEL_LABEL_ZH[level] : ''}代码，应填写居住的村（社区）12 位代码或网格 15 位代码`,
  );
}

/** Phone: digits of a number cell; spaces, hyphens and a +86 prefix dropped around a mobile number. The schema checks the rest. */
export function parsePhoneCell(cell: unknown): ParseResult<string> {
  const t = identifierText(cell, { en: 'phone number', zh: '电话号码' });
  if (!t.ok || t.value === undefined) return t;
  const compact = t.value.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return ok(/^1\d{10}$/.test(compact) ? compact : t.value.replace(/\s+/g, ''));
}

const ETHNIC_GROUPS = new Set(
  ('汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 ' +
    '仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺').split(' '),
);

/** 民族: "汉" → "汉族" for the 56 recognised groups; anything else is kept as written. */
export function parseEthnicityCell(cell: unknown): ParseResult<string> {
  const t = plainText(cell);
  if (!t.ok || t.value === undefined) return t;
  const v = t.value.replace(/\s+/g, '');
  return ok(ETHNIC_GROUPS.has(v) ? `${v}族` : v);
}

/** A short code-like text (card number, household key): no spaces; digits of a number cell. */
function shortText(what: { en: string; zh: string }) {
  return (cell: unknown): ParseResult<string> => {
    const t = identifierText(cell, what);
    return t.ok && t.value !== undefined ? ok(t.value.replace(/\s+/g, '')) : t;
  };
}

// ---------------------------------------------------------------------------------------------
// Template examples (two people of one household). Fixed values: the importer recognises them.

export const EXAMPLE_ID_NUMBERS = [makeIdNumber('140107', '1958-03-12', 13), makeIdNumber('140107', '1960-07-08', 22)] as const;

function col<K extends ImportFieldKey>(c: PersonColumn<K>): PersonColumn<K> {
  return c;
}

/** The columns of the persons ledger, in template order. */
export const PERSON_COLUMNS: readonly PersonColumn[] = [
  col({
    key: 'name', header: '姓名', labelEn: 'Name', aliases: ['名字', '人员姓名', '成员姓名', '居民姓名'], required: true,
    example: '张三', example2: '李四', note: '与身份证一致；不超过 50 个字。',
    parse: parseNameCell,
  }),
  col({
    key: 'idNumber', header: '公民身份号码', labelEn: 'ID number',
    aliases: ['身份证号', '身份证号码', '证件号码', '身份证', '公民身份证号码', '身份证件号码', '公民身份号'], required: false, text: true,
    example: EXAMPLE_ID_NUMBERS[0], example2: EXAMPLE_ID_NUMBERS[1],
    note: '18 位（旧版 15 位也可）。本列已设为“文本”格式：请勿改成数字格式，否则 Excel 会把后几位变成 0。',
    parse: parseIdNumberCell,
  }),
  col({
    key: 'sex', header: '性别', labelEn: 'Sex', aliases: [], required: false, choices: SEX.choices,
    example: '男', example2: '女', note: '男 / 女。填了身份证号码时可不填（按号码判断），填了则须与号码一致。',
    parse: SEX.parse,
  }),
  col({
    key: 'birthDate', header: '出生日期', labelEn: 'Date of birth', aliases: ['出生年月日', '生日', '出生年月'], required: false, date: true,
    example: '1958-03-12', example2: '1960-07-08',
    note: '如 1990-01-01，也可写 1990/1/1、19900101、1990年1月1日。填了身份证号码时可不填，填了则须与号码一致。',
    parse: pastDate,
  }),
  col({
    key: 'phone', header: '联系电话', labelEn: 'Phone', aliases: ['手机号', '手机号码', '手机', '电话', '电话号码', '联系方式'], required: false, text: true,
    example: '13800138000', example2: '', note: '11 位手机号，或带区号的固定电话（如 0351-1234567）。',
    parse: parsePhoneCell,
  }),
  col({
    key: 'hukouCode', header: '户籍地区划代码', labelEn: 'Hukou division code', aliases: ['户籍地代码', '户籍区划代码', '户籍所在地区划代码'], required: false, text: true,
    example: '140107001001', example2: '140107001001', note: '户籍所在地的统计用区划代码（12 位，或 2/4/6/9 位前缀）。',
    parse: parseDivisionCodeCell,
  }),
  col({
    key: 'jurisdictionCode', header: '居住地区划代码', labelEn: 'Residence division code',
    aliases: ['居住地代码', '现居住地区划代码', '居住地区划', '所属村（社区）代码', '村（社区）代码', '村社区代码', '社区代码', '网格代码', '所属网格代码', '区划代码'],
    required: true, text: true,
    example: '140107001001001', example2: '140107001001001',
    note: '现居住的村（社区）的 12 位统计用区划代码，或所在网格的 15 位代码；须在您的管辖范围内。',
    parse: parseResidenceCodeCell,
  }),
  col({
    key: 'address', header: '现住址', labelEn: 'Address', aliases: ['住址', '居住地址', '现居住地址', '家庭住址', '详细地址', '地址'], required: false,
    example: '和平社区 3 号楼 2 单元 101 室', example2: '和平社区 3 号楼 2 单元 101 室', note: '不超过 200 个字。',
    parse: plainText,
  }),
  col({
    key: 'ethnicity', header: '民族', labelEn: 'Ethnicity', aliases: [], required: false,
    example: '汉族', example2: '回族', note: '如 汉族、回族（写“汉”也可）。',
    parse: parseEthnicityCell,
  }),
  col({
    key: 'maritalStatus', header: '婚姻状况', labelEn: 'Marital status', aliases: ['婚姻状态', '婚姻'], required: false, choices: MARITAL.choices,
    example: '已婚', example2: '已婚', note: '未婚 / 已婚 / 离异 / 丧偶。',
    parse: MARITAL.parse,
  }),
  col({
    key: 'education', header: '文化程度', labelEn: 'Education', aliases: ['学历', '受教育程度'], required: false, choices: EDUCATION.choices,
    example: '初中', example2: '小学', note: '文盲 / 小学 / 初中 / 高中 / 中专 / 大专 / 本科 / 研究生。',
    parse: EDUCATION.parse,
  }),
  col({
    key: 'employmentStatus', header: '就业状况', labelEn: 'Employment', aliases: ['就业情况', '就业状态'], required: false, choices: EMPLOYMENT.choices,
    example: '灵活就业', example2: '退休', note: `${EMPLOYMENT.choices.join(' / ')}。`,
    parse: EMPLOYMENT.parse,
  }),
  col({
    key: 'workCapacity', header: '劳动能力', labelEn: 'Capacity to work', aliases: ['劳动能力状况'], required: false, choices: WORK_CAPACITY.choices,
    example: '部分', example2: '完全', note: '完全 / 部分 / 无。',
    parse: WORK_CAPACITY.parse,
  }),
  col({
    key: 'disabilityCategory', header: '残疾类别', labelEn: 'Disability category', aliases: ['残疾类型'], required: false, choices: DISABILITY.choices,
    example: '肢体', example2: '', note: `${DISABILITY.choices.join(' / ')}；须与残疾等级同时填写。`,
    parse: DISABILITY.parse,
  }),
  col({
    key: 'disabilityGrade', header: '残疾等级', labelEn: 'Disability grade', aliases: ['残疾级别'], required: false, choices: ['一级', '二级', '三级', '四级'],
    example: '三级', example2: '', note: '一级 / 二级 / 三级 / 四级（或 1–4）；须与残疾类别同时填写。',
    parse: parseGrade,
  }),
  col({
    key: 'seriousIllnesses', header: '重特大疾病', labelEn: 'Serious illnesses', aliases: ['重大疾病', '重病', '大病'], required: false,
    example: '尿毒症', example2: '', note: `${Object.values(DEFAULT_ILLNESSES).join('、')}；多个用“、”分隔。`,
    parse: (cell, ctx) => parseLabelList(cell, (ctx ?? parseContext()).illnesses, { en: 'illness', zh: '疾病' }),
  }),
  col({
    key: 'tags', header: '特殊群体标签', labelEn: 'Special-group tags', aliases: ['特殊群体', '人员类别', '人群标签', '标签'], required: false,
    example: '残疾人、重病患者', example2: '低保边缘', note: `${Object.values(DEFAULT_TAGS).join('、')}；多个用“、”分隔。`,
    parse: (cell, ctx) => parseLabelList(cell, (ctx ?? parseContext()).tags, { en: 'tag', zh: '标签' }),
  }),
  col({
    key: 'deathDate', header: '死亡日期', labelEn: 'Date of death', aliases: ['去世日期', '死亡时间'], required: false, date: true,
    example: '', example2: '', note: '人员已去世时填写，格式同出生日期。',
    parse: pastDate,
  }),
  col({
    key: 'contactCardNo', header: '连心卡号', labelEn: 'Contact card number', aliases: ['连心卡号码', '连心卡编号', '连心卡'], required: false, text: true,
    example: 'LX0001', example2: '', note: '不超过 30 个字符。',
    parse: shortText({ en: 'card number', zh: '连心卡号' }),
  }),
  col({
    key: 'householdKey', header: '户编号', labelEn: 'Household key', aliases: ['户号', '家庭编号', '户序号'], required: false, text: true,
    example: 'H001', example2: 'H001', note: '本表内的分户编号：同一户的成员填相同编号（如 1、2、3 或 H001），不同户不同编号。',
    parse: shortText({ en: 'household key', zh: '户编号' }),
  }),
  col({
    key: 'relationship', header: '与户主关系', labelEn: 'Relationship to head', aliases: ['与户主的关系', '家庭关系', '关系'], required: false,
    choices: RELATIONSHIP.choices,
    example: '户主', example2: '配偶', note: `${RELATIONSHIP.choices.join(' / ')}；填了户编号时必填，每户一名户主。`,
    parse: RELATIONSHIP.parse,
  }),
  // Unemployment-insurance facts (失业保险): recorded as the person's facts when the row is committed.
  col({
    key: 'contributionMonths', header: '失业保险缴费月数', labelEn: 'Unemployment insurance: months of contributions', aliases: ['失业保险缴费月份', '缴费月数'], required: false,
    example: '', example2: '', note: '失业人员填写：累计缴纳失业保险费的整月数（0–600）；填了失业保险信息须同时填写身份证号码、离职日期和离职原因。',
    parse: parseMonths,
  }),
  col({
    key: 'lastEmployer', header: '原工作单位', labelEn: 'Last employer', aliases: ['原单位', '离职单位'], required: false,
    example: '', example2: '', note: '不超过 100 个字。',
    parse: (cell) => {
      const t = plainText(cell);
      return t.ok && t.value !== undefined && t.value.length > 100 ? bad('invalid', 'at most 100 characters', '不超过 100 个字') : t;
    },
  }),
  col({
    key: 'separationOn', header: '离职日期', labelEn: 'Left the job on', aliases: ['解除劳动关系日期', '失业日期'], required: false, date: true,
    example: '', example2: '', note: '劳动关系终止的日期，格式同出生日期。',
    parse: pastDate,
  }),
  col({
    key: 'separationReason', header: '离职原因', labelEn: 'Reason for leaving', aliases: ['失业原因'], required: false, choices: SEPARATION.choices,
    example: '', example2: '', note: `${SEPARATION.choices.join(' / ')}。`,
    parse: SEPARATION.parse,
  }),
  col({
    key: 'registeredOn', header: '失业登记日期', labelEn: 'Registered unemployed on', aliases: ['失业登记时间'], required: false, date: true,
    example: '', example2: '', note: '办理失业登记的日期，不早于离职日期。',
    parse: pastDate,
  }),
];

export const COLUMN_BY_KEY: ReadonlyMap<ImportFieldKey, PersonColumn> = new Map(PERSON_COLUMNS.map((c) => [c.key, c]));
