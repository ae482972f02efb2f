import { Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { useJurisdiction } from './api.ts';

/**
 * Name of a division for records that carry only its code (tokens, audit entries); the code
 * stays visible on hover, and is shown itself if the division cannot be read (deleted, out of scope).
 */
export function JurisdictionName({ code }: { code: string | null }) {
  const { t } = useI18n();
  const detail = useJurisdiction(code ? code : undefined);
  if (code === null) return null;
  if (code === '') return <>{t('jur.wholeSystem')}</>;
  return (
    <Typography.Text title={code} style={{ whiteSpace: 'nowrap' }}>
      {detail.data?.name ?? code}
    </Typography.Text>
  );
}
