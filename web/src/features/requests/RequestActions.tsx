import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Upload } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { canDispatch, canHandle } from './access.ts';
import { useAttach, useStep, type RequestDetail } from './api.ts';
import { OpenCaseModal, RevealContactModal } from './CaseAndContactModals.tsx';
import { isOpenState } from './labels.ts';
import { AssignModal, FollowUpModal, NoteModal, TransferModal } from './StepModals.tsx';

type Dialog = 'resolve' | 'notes' | 'transfer' | 'assign' | 'follow-up' | 'reveal' | 'case' | null;

/** What may be done with the request now, by this user: one button per step. */
export function RequestActions({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const showError = useShowError();
  const step = useStep();
  const attach = useAttach();
  const [dialog, setDialog] = useState<Dialog>(null);
  const handle = canHandle(user);
  const open = isOpenState(r.state);
  const close = () => setDialog(null);
  const take = () => step.mutate({ id: r.id, step: 'take', body: {} }, { onSuccess: () => void message.success(t('request.taken')), onError: showError });
  const hasPhone = r.contactPhoneMasked !== null || r.person?.phoneMasked;

  return (
    <Flex wrap gap={8} data-testid="request-actions">
      {handle && ['new', 'assigned', 'returned', 'transferred'].includes(r.state) && (
        <Button type="primary" loading={step.isPending} onClick={take} data-testid="request-take">
          {t('request.action.take')}
        </Button>
      )}
      {handle && open && (
        <Button type={r.state === 'in_progress' ? 'primary' : 'default'} onClick={() => setDialog('resolve')} data-testid="request-resolve">
          {t('request.action.resolve')}
        </Button>
      )}
      {handle && r.state === 'resolved' && (
        <Button type="primary" onClick={() => setDialog('follow-up')} data-testid="request-follow-up">
          {t('request.action.follow-up')}
        </Button>
      )}
      {handle && open && (
        <Button onClick={() => setDialog('transfer')} data-testid="request-transfer">
          {t('request.action.transfer')}
        </Button>
      )}
      {canDispatch(user) && open && <Button onClick={() => setDialog('assign')}>{t('request.action.assign')}</Button>}
      {handle && r.state !== 'merged' && <Button onClick={() => setDialog('notes')}>{t('request.action.notes')}</Button>}
      {handle && hasPhone && <Button onClick={() => setDialog('reveal')}>{t('request.action.callBack')}</Button>}
      {handle && r.person && r.caseId === null && r.state !== 'merged' && <Button onClick={() => setDialog('case')}>{t('request.action.openCase')}</Button>}
      {handle && r.state !== 'merged' && (
        <Upload
          accept="image/jpeg,image/png,image/webp,application/pdf"
          showUploadList={false}
          customRequest={({ file }) => attach.mutate({ id: r.id, file: file as File }, { onSuccess: () => void message.success(t('request.attached')), onError: showError })}
        >
          <Button icon={<PaperClipOutlined />} loading={attach.isPending}>
            {t('request.action.attach')}
          </Button>
        </Upload>
      )}
      {(dialog === 'resolve' || dialog === 'notes') && <NoteModal r={r} step={dialog} onClose={close} />}
      {dialog === 'follow-up' && <FollowUpModal r={r} onClose={close} />}
      {dialog === 'transfer' && <TransferModal r={r} onClose={close} />}
      {dialog === 'assign' && <AssignModal r={r} onClose={close} />}
      {dialog === 'reveal' && <RevealContactModal id={r.id} onClose={close} />}
      {dialog === 'case' && <OpenCaseModal id={r.id} onClose={close} />}
    </Flex>
  );
}
