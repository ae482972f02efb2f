import { EyeOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { useI18n } from '../../i18n/index.ts';

/** The masked number; 查看 asks for a reason before the full number is shown (and audited). */
export function PhoneCell({ user, onReveal }: { user: UserSummary; onReveal: (user: UserSummary) => void }) {
  const { t } = useI18n();
  if (!user.phoneMasked) return <Typography.Text type="secondary">{t('users.noPhone')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {user.phoneMasked}
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        aria-label={`${t('users.reveal')} ${user.displayName}`}
        onClick={() => onReveal(user)}
      >
        {t('users.reveal')}
      </Button>
    </span>
  );
}
