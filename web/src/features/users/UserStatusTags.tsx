import { Flex, Tag } from 'antd';
import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime, isFuture } from '../../lib/datetime.ts';

export const isLocked = (user: UserSummary): boolean => isFuture(user.lockedUntil);

/** 停用 / 已锁定 / 需改密, or 正常 when none applies. */
export function UserStatusTags({ user }: { user: UserSummary }) {
  const { t } = useI18n();
  const locked = isLocked(user);
  const normal = !user.disabled && !locked && !user.mustChangePassword;
  return (
    <Flex wrap gap={4}>
      {user.disabled && <Tag color="red">{t('users.status.disabled')}</Tag>}
      {locked && (
        <Tag color="orange" title={t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
          {t('users.status.locked')}
        </Tag>
      )}
      {user.mustChangePassword && <Tag color="gold">{t('users.status.mustChangePassword')}</Tag>}
      {normal && <Tag color="green">{t('users.status.active')}</Tag>}
    </Flex>
  );
}
