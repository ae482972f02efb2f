import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Flex, Progress, Rate, Row, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { canIntake } from './access.ts';
import { useMeeting, useMeetings, type Meeting } from './api.ts';
import { useCategoryName } from './labels.ts';
import { AddItemsForm, MeetingForm } from './MeetingForm.tsx';
import { DueTag, StateTag } from './RequestTags.tsx';

type MeetingRow = { id: number; jurisdictionName: string | null; jurisdictionCode: string; heldOn: string; title: string; place: string | null; items: number; resolved: number };

/** 民意直通车: the meetings in one's area, how many items each raised and how many are done. */
export function CouncilPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const meetings = useMeetings({ limit: 50, offset: (page - 1) * 50 });
  const [creating, setCreating] = useState(false);
  const columns: TableProps<MeetingRow>['columns'] = [
    { key: 'heldOn', title: t('request.council.heldOn'), render: (_, m) => m.heldOn },
    { key: 'title', title: t('request.council.meetingTitle'), render: (_, m) => <Link to={`/requests/council/${m.id}`}>{m.title}</Link> },
    { key: 'place', title: t('request.council.community'), render: (_, m) => m.jurisdictionName ?? m.jurisdictionCode },
    { key: 'progress', title: t('request.council.progress'), render: (_, m) => <Progress percent={m.items ? Math.round((m.resolved / m.items) * 100) : 0} size="small" format={() => `${m.resolved}/${m.items}`} style={{ minWidth: 140 }} /> },
  ];
  return (
    <div data-testid="council-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ key: 'list', title: <Link to="/requests">{t('module.requests.name')}</Link> }, { key: 'c', title: t('request.council.title') }]} />
      <PageHeading
        title={t('request.council.title')}
        extra={canIntake(user) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-create">{t('request.council.create')}</Button>}
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('request.council.intro')}
        </Typography.Paragraph>
      </PageHeading>
      <Table<MeetingRow>
        rowKey="id"
        columns={columns}
        dataSource={meetings.data?.items ?? []}
        loading={meetings.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('request.council.empty') }}
        pagination={{ current: page, pageSize: 50, total: meetings.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
      />
      {creating && <MeetingForm onClose={() => setCreating(false)} onCreated={(m) => void navigate(`/requests/council/${m.id}`)} />}
    </div>
  );
}

function Figures({ m }: { m: Meeting }) {
  const { t } = useI18n();
  const f = m.figures;
  const done = f.resolved + f.visited;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="meeting-figures">
      <Col xs={12} md={5}><Statistic title={t('request.council.total')} value={f.total} /></Col>
      <Col xs={12} md={5}><Statistic title={t('request.figures.open')} value={f.open} /></Col>
      <Col xs={12} md={5}><Statistic title={t('request.figures.overdue')} value={f.overdue} styles={f.overdue > 0 ? { content: { color: '#cf1322' } } : undefined} /></Col>
      <Col xs={12} md={4}><Statistic title={t('request.state.resolved')} value={f.resolved} /></Col>
      <Col xs={12} md={5}><Statistic title={t('request.state.visited')} value={f.visited} /></Col>
      <Col span={24}><Progress percent={f.total ? Math.round((done / f.total) * 100) : 0} format={() => t('request.council.answered', { done, total: f.total })} /></Col>
    </Row>
  );
}

/** 议事会办理报告: every item with its owner, state, deadline, answer and satisfaction (件件有着落、事事有回音). */
export function MeetingPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const categoryName = useCategoryName();
  const id = useRouteId();
  const query = useMeeting(id);
  const [adding, setAdding] = useState(false);
  const fallback = useRecordFallback(id, query, t('request.council.notFound'), { to: '/requests/council', label: t('request.backToList') });
  if (fallback || !query.data) return fallback;
  const m = query.data;
  type Item = Meeting['itemList'][number];
  const columns: TableProps<Item>['columns'] = [
    { key: 'n', title: '#', render: (_, _r, i) => i + 1 },
    { key: 'item', title: t('request.council.item'), render: (_, r) => <Link to={`/requests/${r.id}`}>{r.description}</Link> },
    { key: 'category', title: t('request.category'), render: (_, r) => categoryName(r.categoryCode, r.categoryName) },
    { key: 'owner', title: t('request.council.owner'), render: (_, r) => r.assignee?.displayName ?? r.department ?? '—' },
    { key: 'state', title: t('request.state'), render: (_, r) => <StateTag state={r.state} /> },
    { key: 'due', title: t('request.due'), render: (_, r) => <DueTag dueAt={r.dueAt} overdue={r.overdue} /> },
    { key: 'answer', title: t('request.resolutionNote'), render: (_, r) => (r.resolutionNote ? <>{r.resolutionNote} <Typography.Text type="secondary">{formatDateTime(r.resolvedAt)}</Typography.Text></> : '—') },
    { key: 'satisfaction', title: t('request.satisfaction'), render: (_, r) => (r.satisfaction ? <Rate disabled value={r.satisfaction} style={{ fontSize: 12 }} /> : '—') },
  ];
  return (
    <div data-testid="meeting-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ key: 'list', title: <Link to="/requests">{t('module.requests.name')}</Link> }, { key: 'c', title: <Link to="/requests/council">{t('request.council.title')}</Link> }, { key: 'm', title: m.title }]} />
      <PageHeading
        title={m.title}
        extra={
          <Flex gap={8} wrap>
            {canIntake(user) && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('request.council.addItems')}</Button>}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('request.council.print')}</Button>
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {[m.heldOn, m.jurisdictionName, m.place].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
      </PageHeading>
      <Card size="small" title={t('request.council.attendees')} style={{ marginBottom: 16 }}>
        <Flex wrap gap={4}>
          {m.attendees.map((a, i) => (
            <Tag key={i}>{a.role ? `${a.name}（${a.role}）` : a.name}</Tag>
          ))}
        </Flex>
        {m.notes && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{m.notes}</Typography.Paragraph>}
      </Card>
      <Figures m={m} />
      <Table<Item> rowKey="id" size="middle" columns={columns} dataSource={m.itemList} pagination={false} scroll={{ x: 'max-content' }} data-testid="meeting-items" onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })} />
      {adding && <AddItemsForm meetingId={m.id} onClose={() => setAdding(false)} />}
    </div>
  );
}
