import { EyeOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';

/** A masked ID number or phone; 查看 (only for roles that may reveal) asks for a reason first. */
export function SensitiveValue({ masked, label, onReveal }: { masked: string | null; label: string; onReveal?: () => void }) {
  const { t } = useI18n();
  if (!masked) return <Typography.Text type="secondary">{t('person.notRecorded')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {masked}
      {onReveal && (
        <Button size="small" type="link" icon={<EyeOutlined />} aria-label={`${t('person.reveal')} ${label}`} onClick={onReveal}>
          {t('person.reveal')}
        </Button>
      )}
    </span>
  );
}
