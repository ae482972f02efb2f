import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n/index.ts';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.label')}
      size="small"
      value={lang}
      onChange={setLang}
      // On phones "EN" keeps the header on one line at 375px.
      options={[
        { value: 'zh', label: t('lang.zh') },
        { value: 'en', label: compact ? 'EN' : t('lang.en') },
      ]}
    />
  );
}
