import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Flex, Grid, List, Rate, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { canDispatch } from './access.ts';
import { downloadAttachment, useRequest, useStep, type RequestDetail } from './api.ts';
import { channelLabel, useCategoryName } from './labels.ts';
import { RequestActions } from './RequestActions.tsx';
import { RequestTimeline } from './RequestTimeline.tsx';
import { DueTag, StateTag } from './RequestTags.tsx';

function Facts({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md !== true;
  const items = [
    { key: 'description', label: t('request.description'), span: phone ? 1 : 2, children: <Typography.Text data-testid="request-description">{r.description}</Typography.Text> },
    { key: 'place', label: t('request.place'), children: [r.jurisdictionName ?? r.jurisdictionCode, r.address].filter(Boolean).join(' · ') },
    { key: 'channel', label: t('request.channel'), children: channelLabel(r.channel, t) },
    ...(r.person
      ? [{ key: 'person', label: t('request.person'), children: <Flex wrap gap={8}><Link to={`/registry/persons/${r.person.id}`}>{r.person.name}</Link>{r.person.phoneMasked && <span>{r.person.phoneMasked}</span>}{r.person.contactCardNo && <Tag>{t('request.card', { no: r.person.contactCardNo })}</Tag>}</Flex> }]
      : []),
    ...(r.contactName || r.contactPhoneMasked ? [{ key: 'contact', label: t('request.contact'), children: [r.contactName, r.contactPhoneMasked].filter(Boolean).join(' · ') }] : []),
    { key: 'handler', label: t('request.handlerUnit'), children: [r.handlerName, r.department].filter(Boolean).join(' · ') || '—' },
    { key: 'assignee', label: t('request.assignee'), children: <span data-testid="request-assignee">{r.assignee?.displayName ?? '—'}</span> },
    { key: 'responseDue', label: t('request.responseDue'), children: `${formatDateTime(r.responseDueAt)}${r.respondedAt ? ` · ${t('request.respondedAt', { at: formatDateTime(r.respondedAt) })}` : ''}` },
    { key: 'resolutionDue', label: t('request.resolutionDue'), children: `${formatDateTime(r.resolutionDueAt)}${r.resolvedAt ? ` · ${t('request.resolvedAt', { at: formatDateTime(r.resolvedAt) })}` : ''}` },
    ...(r.resolutionNote ? [{ key: 'resolution', label: t('request.resolutionNote'), span: phone ? 1 : 2, children: r.resolutionNote }] : []),
    ...(r.satisfaction !== null ? [{ key: 'satisfaction', label: t('request.satisfaction'), children: <Flex gap={8} align="center" wrap><Rate disabled value={r.satisfaction} style={{ fontSize: 14, whiteSpace: 'nowrap' }} /><span data-testid="request-satisfaction-value">{r.satisfaction}</span>{r.satisfactionComment}</Flex> }] : []),
    ...(r.caseId !== null ? [{ key: 'case', label: t('request.case'), children: <Link to={`/cases/${r.caseId}`}>{t('request.viewCase')}</Link> }] : []),
    ...(r.councilMeetingId !== null ? [{ key: 'meeting', label: t('request.council.meeting'), children: <Link to={`/requests/council/${r.councilMeetingId}`}>{t('request.council.viewReport')}</Link> }] : []),
    { key: 'submitted', label: t('request.submittedBy'), children: `${r.submittedBy} · ${formatDateTime(r.createdAt)}` },
  ];
  return <Descriptions size="small" column={phone ? 1 : 2} items={items} data-testid="request-facts" />;
}

/** Suggested duplicates, with merging for those who may (either way round). */
function Duplicates({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const step = useStep();
  const showError = useShowError();
  if (r.duplicates.length === 0) return null;
  const merge = (from: number, into: number) => step.mutate({ id: from, step: 'merge', body: { intoId: into, reason: t('request.merge.reason') } }, { onError: showError });
  return (
    <Card size="small" title={t('request.duplicates')} style={{ marginBottom: 16 }} data-testid="request-duplicates">
      <List
        size="small"
        dataSource={r.duplicates}
        renderItem={(d) => (
          <List.Item
            actions={canDispatch(user) ? [
              <Button key="into" size="small" onClick={() => merge(r.id, d.id)}>{t('request.merge.intoThat')}</Button>,
              <Button key="here" size="small" onClick={() => merge(d.id, r.id)}>{t('request.merge.intoThis')}</Button>,
            ] : []}
          >
            <Flex vertical>
              <Flex gap={8} wrap>
                <Link to={`/requests/${d.id}`}>{d.trackingCode}</Link>
                <StateTag state={d.state} />
                <Tag>{t(`request.duplicate.${d.reason}`)}</Tag>
                <Typography.Text type="secondary">{formatDateTime(d.createdAt)}</Typography.Text>
              </Flex>
              <Typography.Text>{d.description}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 诉求详情: what, where, who holds it and until when; what may be done now; and everything that happened. */
export function RequestPage() {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const id = useRouteId();
  const query = useRequest(id);
  const fallback = useRecordFallback(id, query, t('request.notFound'), { to: '/requests', label: t('request.backToList') });
  if (fallback || !query.data) return fallback;
  const r = query.data;
  return (
    <div data-testid="request-page" data-state={r.state} data-tracking-code={r.trackingCode}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ key: 'list', title: <Link to="/requests">{t('module.requests.name')}</Link> }, { key: 'r', title: r.trackingCode }]} />
      <PageHeading
        title={
          <Flex wrap gap={8} align="center">
            <span>{categoryName(r.categoryCode, r.categoryName)}</span>
            <StateTag state={r.state} />
            <DueTag dueAt={r.dueAt} overdue={r.overdue} escalationLevel={r.escalationLevel} />
          </Flex>
        }
      >
        <Typography.Text type="secondary" copyable data-testid="request-tracking-code">
          {r.trackingCode}
        </Typography.Text>
      </PageHeading>
      {r.mergedInto && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<span>{t('request.mergedInto')} <Link to={`/requests/${r.mergedInto.id}`}>{r.mergedInto.trackingCode}</Link></span>} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <RequestActions r={r} />
      </Card>
      <Duplicates r={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('request.section.facts')} style={{ marginBottom: 16 }}>
            <Facts r={r} />
          </Card>
          {(r.followers.length > 0 || r.merged.length > 0) && (
            <Card size="small" title={t('request.followers')} style={{ marginBottom: 16 }} data-testid="request-followers">
              <List
                size="small"
                dataSource={r.followers}
                locale={{ emptyText: t('request.noFollowers') }}
                renderItem={(f) => <List.Item>{[f.name, f.phoneMasked, f.sourceTrackingCode && t('request.fromRequest', { code: f.sourceTrackingCode })].filter(Boolean).join(' · ')}</List.Item>}
              />
            </Card>
          )}
          {r.attachments.length > 0 && (
            <Card size="small" title={t('request.attachments')} style={{ marginBottom: 16 }}>
              <List size="small" dataSource={r.attachments} renderItem={(a) => <List.Item><Button type="link" onClick={() => void downloadAttachment(r.id, a.id, a.fileName)}>{a.fileName}</Button>{formatDateTime(a.createdAt)}</List.Item>} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('request.section.timeline')}>
            <RequestTimeline r={r} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
