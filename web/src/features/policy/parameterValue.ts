// A parameter value as typed in the form, by kind, and back. Exact: 元 and % are parsed as
// decimal strings into integer 分 and basis points, never through float multiplication.
import { formatFen, parseScaled, parseYuan } from '../../lib/money.ts';

/** What the value field holds while editing. */
export type ValueInput = string | boolean | string[] | undefined;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** 8000 bp → "80"; 1250 → "12.5"; 8333 → "83.33". */
export function bpToPercent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** "80" → 8000; "12.5" → 1250; "83.33" → 8333 (two decimals of a percent are one basis point). */
export const percentToBp = (text: string): number | undefined => parseScaled(text, 2);

/** The current value as the form's starting point for a new entry. */
export function toInput(kind: string, value: unknown): ValueInput {
  switch (kind) {
    case 'fen':
      return isInt(value) ? formatFen(value).replace(/,/g, '') : '';
    case 'bp':
      return isInt(value) ? bpToPercent(value) : '';
    case 'int':
      return isInt(value) ? String(value) : '';
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'date':
    case 'enum':
      return typeof value === 'string' ? value : undefined;
    case 'list':
      return Array.isArray(value) ? value.map(String) : [];
    default:
      return value === undefined || value === null ? '' : JSON.stringify(value, null, 2);
  }
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: 'fen' | 'bp' | 'int' | 'required' | 'json' };

/** The typed input as the API value, or which kind of mistake it holds. */
export function fromInput(kind: string, input: ValueInput): Parsed {
  const text = typeof input === 'string' ? input.trim() : '';
  switch (kind) {
    case 'fen': {
      const fen = parseYuan(text);
      return fen === undefined ? { ok: false, problem: 'fen' } : { ok: true, value: fen };
    }
    case 'bp': {
      const bp = percentToBp(text);
      return bp === undefined ? { ok: false, problem: 'bp' } : { ok: true, value: bp };
    }
    case 'int': {
      const n = /^\d+$/.test(text) ? Number(text) : undefined;
      return n === undefined || !Number.isSafeInteger(n) ? { ok: false, problem: 'int' } : { ok: true, value: n };
    }
    case 'bool':
      return typeof input === 'boolean' ? { ok: true, value: input } : { ok: false, problem: 'required' };
    case 'date':
    case 'enum':
      return text ? { ok: true, value: text } : { ok: false, problem: 'required' };
    case 'list':
      return Array.isArray(input) ? { ok: true, value: input.map((s) => s.trim()).filter(Boolean) } : { ok: true, value: [] };
    default: {
      if (!text) return { ok: false, problem: 'required' };
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, problem: 'json' };
      }
    }
  }
}
