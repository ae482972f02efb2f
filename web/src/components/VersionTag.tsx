import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Health } from '../../../src/modules/system/system.schema.ts';
import { request } from '../api/client.ts';
import { useI18n } from '../i18n/index.ts';

/** Server version, handy when staff report a problem; silent if the server is unreachable. */
export function VersionTag() {
  const { t } = useI18n();
  const health = useQuery({ queryKey: ['health'], queryFn: () => request('/health', { schema: Health }), retry: false });
  if (!health.data) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('app.version', { version: health.data.version })}
    </Typography.Text>
  );
}
