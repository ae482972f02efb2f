// A tiny i18n layer: two flat dictionaries, a context holding the current language, and `t`.
import { createContext, useContext } from 'react';
import { LEVEL_LABEL_ZH, type Level } from '../../../src/lib/division-code.ts';
import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'lm_lang';

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}

/** Chinese unless the user explicitly chose English before (Chinese-first product). */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage blocked (private mode): fall back silently
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the choice still applies to this tab
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Level names: the shared Chinese labels, or the English dictionary entries. */
export function levelLabel(level: Level, lang: Lang): string {
  return lang === 'zh' ? LEVEL_LABEL_ZH[level] : translate('en', `level.${level}`);
}

/** Whether a computed key ("code.tag.orphan") names a dictionary entry; codes added by
 * configuration later (tags, illnesses) may not. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}
