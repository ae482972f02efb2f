import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, initialLang, storeLang, translate, type I18n, type Lang } from './index.ts';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  // Screen readers and font selection (CJK vs Latin) follow the html lang attribute.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
