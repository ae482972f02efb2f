import { CheckOutlined, PhoneOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { canHandle, canIntake } from './access.ts';
import { useRequestList, useStep, type RequestSummary } from './api.ts';
import { RevealContactModal } from './CaseAndContactModals.tsx';
import { RequestCards } from './RequestCards.tsx';
import { FollowUpModal, NoteModal } from './StepModals.tsx';

type Tab = 'open' | 'resolved';

/**
 * 网格员手机视图 (390×844): my area's open requests, overdue first (the list comes in deadline
 * order), with one tap to take one up, one more to resolve it, a call-back button and, for
 * resolved ones, the follow-up. Refreshes every minute.
 */
export function PhoneView() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const showError = useShowError();
  const [tab, setTab] = useState<Tab>('open');
  const list = useRequestList({ status: tab, limit: 100, offset: 0 }, { refetchInterval: 60_000 });
  const step = useStep();
  const [dialog, setDialog] = useState<{ kind: 'resolve' | 'reveal' | 'follow-up'; r: RequestSummary } | null>(null);
  const items = list.data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;
  const handle = canHandle(user);

  const actions = (r: RequestSummary) =>
    handle ? (
      <>
        {['new', 'assigned', 'returned', 'transferred'].includes(r.state) && (
          <Button type="primary" size="large" icon={<ThunderboltOutlined />} loading={step.isPending && step.variables?.id === r.id} onClick={() => step.mutate({ id: r.id, step: 'take', body: {} }, { onSuccess: () => void message.success(t('request.taken')), onError: showError })} data-testid={`phone-take-${r.trackingCode}`}>
            {t('request.action.take')}
          </Button>
        )}
        {r.state === 'in_progress' && (
          <Button type="primary" size="large" icon={<CheckOutlined />} onClick={() => setDialog({ kind: 'resolve', r })} data-testid={`phone-resolve-${r.trackingCode}`}>
            {t('request.action.resolve')}
          </Button>
        )}
        {r.state === 'resolved' && (
          <Button type="primary" size="large" onClick={() => setDialog({ kind: 'follow-up', r })} data-testid={`phone-follow-up-${r.trackingCode}`}>
            {t('request.action.follow-up')}
          </Button>
        )}
        {(r.personName || r.contactName) && (
          <Button size="large" icon={<PhoneOutlined />} onClick={() => setDialog({ kind: 'reveal', r })}>
            {t('request.action.callBack')}
          </Button>
        )}
        <Button size="large" onClick={() => void navigate(`/requests/${r.id}`)}>
          {t('request.details')}
        </Button>
      </>
    ) : undefined;

  return (
    <div data-testid="request-phone-view" style={{ maxWidth: 520, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('request.phone.title')}
        </Typography.Title>
        {canIntake(user) && (
          <Button icon={<PlusOutlined />} onClick={() => void navigate('/requests/new?channel=patrol')}>
            {t('request.phone.report')}
          </Button>
        )}
      </Flex>
      <Segmented<Tab> block value={tab} onChange={setTab} style={{ marginBottom: 8 }} options={[{ value: 'open', label: t('request.phone.open') }, { value: 'resolved', label: t('request.phone.resolved') }]} />
      {tab === 'open' && (
        <Typography.Paragraph type={overdue > 0 ? 'danger' : 'secondary'} data-testid="phone-summary">
          {t('request.phone.summary', { n: list.data?.total ?? 0, overdue })}
        </Typography.Paragraph>
      )}
      <RequestCards items={items} loading={list.isFetching} actions={actions} />
      {dialog?.kind === 'resolve' && <NoteModal r={dialog.r} step="resolve" onClose={() => setDialog(null)} />}
      {dialog?.kind === 'follow-up' && <FollowUpModal r={dialog.r} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reveal' && <RevealContactModal id={dialog.r.id} onClose={() => setDialog(null)} />}
    </div>
  );
}
