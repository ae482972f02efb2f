import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { RevealModal } from '../../components/RevealModal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useRevealPhone } from './api.ts';

/** A user's full phone number, shown after a stated (audited) reason. */
export function RevealPhoneModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useI18n();
  const reveal = useRevealPhone();
  return (
    <RevealModal
      testId="revealed-phone"
      texts={{
        title: t('users.revealTitle', { name: user.displayName }),
        fieldLabel: t('users.phone'),
        okText: t('users.reveal'),
        audited: t('users.revealAudited'),
        reasonLabel: t('users.revealReason'),
        reasonRequired: t('users.revealReasonRequired'),
        reasonPlaceholder: t('users.revealReasonPlaceholder'),
        empty: t('users.noPhone'),
      }}
      revealed={reveal.data}
      pending={reveal.isPending}
      reveal={(reason, onError) => reveal.mutate({ id: user.id, body: { field: 'phone', reason } }, { onError })}
      onClose={onClose}
    />
  );
}
