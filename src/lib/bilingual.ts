// Custom validation messages carry both languages in one string (zod keeps a single message per
// issue); the HTTP layer splits them. Use `bi('English', '中文')` wherever a schema sets a message.
export const BILINGUAL_SEPARATOR = '\u241F';

export function bi(en: string, zh: string): string {
  return `${en}${BILINGUAL_SEPARATOR}${zh}`;
}

export function splitBilingual(message: string): { en: string; zh: string } | undefined {
  const i = message.indexOf(BILINGUAL_SEPARATOR);
  return i < 0 ? undefined : { en: message.slice(0, i), zh: message.slice(i + BILINGUAL_SEPARATOR.length) };
}
