import { EditOutlined, KeyOutlined, LaptopOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { isLocked } from './UserStatusTags.tsx';

export interface UserHandlers {
  onEdit: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
  onSessions: (user: UserSummary) => void;
  onUnlock: (user: UserSummary) => void;
  onReveal: (user: UserSummary) => void;
}

/** Edit, reset password, sessions, and unlock while a login lockout is in force. */
export function UserActions({ user, onEdit, onResetPassword, onSessions, onUnlock }: UserHandlers & { user: UserSummary }) {
  const { t } = useI18n();
  const name = user.displayName;
  return (
    <Flex wrap gap={4}>
      <Button size="small" type="link" icon={<EditOutlined />} aria-label={`${t('users.edit')} ${name}`} onClick={() => onEdit(user)}>
        {t('users.edit')}
      </Button>
      <Button
        size="small"
        type="link"
        icon={<KeyOutlined />}
        aria-label={`${t('users.resetPassword')} ${name}`}
        onClick={() => onResetPassword(user)}
      >
        {t('users.resetPassword')}
      </Button>
      <Button
        size="small"
        type="link"
        icon={<LaptopOutlined />}
        aria-label={`${t('users.sessions')} ${name}`}
        onClick={() => onSessions(user)}
      >
        {t('users.sessions')}
      </Button>
      {isLocked(user) && (
        <Button
          size="small"
          type="link"
          icon={<UnlockOutlined />}
          aria-label={`${t('users.unlock')} ${name}`}
          onClick={() => onUnlock(user)}
        >
          {t('users.unlock')}
        </Button>
      )}
    </Flex>
  );
}
