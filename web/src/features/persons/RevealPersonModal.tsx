import { RevealModal } from '../../components/RevealModal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useRevealPerson, type RevealField } from './api.ts';

/** A person's full ID number or phone, shown after a stated (audited) reason. */
export function RevealPersonModal({ person, field, onClose }: { person: { id: number; name: string }; field: RevealField; onClose: () => void }) {
  const { t } = useI18n();
  const reveal = useRevealPerson();
  const fieldName = t(field === 'idNumber' ? 'person.idNumber' : 'person.phone');
  return (
    <RevealModal
      testId="revealed-value"
      texts={{
        title: t('person.revealTitle', { name: person.name, field: fieldName }),
        fieldLabel: fieldName,
        okText: t('person.reveal'),
        audited: t('person.revealAudited'),
        reasonLabel: t('person.revealReason'),
        reasonRequired: t('person.revealReasonRequired'),
        reasonPlaceholder: t('person.revealReasonPlaceholder'),
        empty: t('person.notRecorded'),
      }}
      revealed={reveal.data}
      pending={reveal.isPending}
      reveal={(reason, onError) => reveal.mutate({ id: person.id, field, reason }, { onError })}
      onClose={onClose}
    />
  );
}
