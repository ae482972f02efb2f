// Display masking for personal data: enough left visible for a clerk to recognise a record
// ("the one ending 1234"), not enough to reuse it. Masking is for display and exports only; it is
// no substitute for encryption at rest or access control. Pure functions, shared by server and web.
// Characters are counted by code point, so rare characters outside the BMP (e.g. 𠮷) count as one.

export type MaskKind = 'id_number' | 'phone' | 'bank_account' | 'name' | 'text';

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** Keep `head` and `tail` characters; mask everything when fewer than `minLength` characters. */
export function keepEnds(value: string, head: number, tail: number, minLength: number): string {
  const chars = Array.from(value);
  if (chars.length < minLength) return stars(chars.length);
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** `140107199001011234` → `1401**********1234`; shorter than 9 characters → all `*`. */
export function maskIdNumber(value: string): string {
  return keepEnds(value.trim(), 4, 4, 9);
}

/**
 * Mobile `13812345678` → `138****5678` (a +86/86 prefix is kept); landline `0351-1234567` →
 * `0351-***4567` (area code and last 4 kept); spaces or hyphens inside a mobile are dropped.
 * Anything else keeps its first 3 and last 2 characters, and is masked entirely when shorter
 * than 8 (else too little would be hidden).
 */
export function maskPhone(value: string): string {
  const phone = value.trim();
  const mobile = /^((?:\+?86)?[\s-]?)(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})$/.exec(phone);
  if (mobile) return `${mobile[1]}${mobile[2]}****${mobile[4]}`;
  const landline = /^(\(?0\d{2,3}\)?[\s-]?)(\d{3,4})(\d{4})$/.exec(phone);
  if (landline) return `${landline[1]}${stars(landline[2]!.length)}${landline[3]}`;
  return keepEnds(phone, 3, 2, 8);
}

/**
 * `6222021234567890123` → `6222***********0123`: first 4 and last 4 kept, one `*` per hidden digit
 * and no grouping spaces, so the masked form has the account's length and lines up in tables.
 * Spaces and hyphens in the input are dropped first; shorter than 9 digits → all `*`.
 */
export function maskBankAccount(value: string): string {
  return keepEnds(value.replace(/[\s-]/g, ''), 4, 4, 9);
}

const CJK = /[\p{Script=Han}]/u;
// Spaces, the interpunct of transliterated names (阿依古丽·买买提), hyphens and dots separate words.
const WORD_SEPARATOR = /([\s·・•‧.\-]+)/u;

/**
 * Chinese names keep the first character, and the last when there are 3 or more:
 * `张三` → `张*`, `张三丰` → `张*丰`, `欧阳娜娜` → `欧**娜`. Names of several words (Latin, or with
 * an interpunct) keep the first letter of each word: `John Smith` → `J*** S****`.
 * A one-character name → `*`.
 */
export function maskName(value: string): string {
  const trimmed = value.trim();
  const cjk = CJK.test(trimmed);
  // Spaces inside a Chinese name are typing noise ("张 三"); per-word masking would reveal it whole.
  const name = cjk ? trimmed.replace(/\s+/g, '') : trimmed;
  const chars = Array.from(name);
  if (chars.length <= 1) return stars(chars.length);
  // split() with a capturing group alternates word, separator, word…
  const parts = name.split(WORD_SEPARATOR);
  if (cjk && parts.length === 1) {
    return chars.length === 2 ? `${chars[0]}*` : `${chars[0]}${stars(chars.length - 2)}${chars[chars.length - 1]}`;
  }
  return parts
    .map((part, i) => {
      if (i % 2 === 1 || part === '') return part;
      const c = Array.from(part);
      return c[0] + stars(c.length - 1);
    })
    .join('');
}

/** Free text (addresses, notes): the first character and a fixed `***` that hides the length. */
export function maskText(value: string): string {
  const first = Array.from(value.trim())[0];
  return first === undefined ? '' : `${first}***`;
}

const MASKERS: Record<MaskKind, (value: string) => string> = {
  id_number: maskIdNumber,
  phone: maskPhone,
  bank_account: maskBankAccount,
  name: maskName,
  text: maskText,
};

/** Mask by kind; null stays null (an absent value is not a secret), '' stays ''. */
export function maskValue(kind: MaskKind, value: string | null): string | null {
  if (value === null) return null;
  return MASKERS[kind](value);
}
