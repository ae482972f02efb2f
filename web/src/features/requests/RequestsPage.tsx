import { MobileOutlined, PhoneOutlined, PlusOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Flex, Grid, Input, Row, Segmented, Select, Statistic, Table, Typography, type TableProps } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CHANNELS } from '../../../../src/modules/requests/requests.schema.ts';
import { errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { canIntake, canSetRouting } from './access.ts';
import { useCategories, useFigures, useRequestList, type ListParams, type RequestSummary } from './api.ts';
import { channelLabel, nameIn, useCategoryName } from './labels.ts';
import { RequestCards } from './RequestCards.tsx';
import { DueTag, StateTag } from './RequestTags.tsx';

const PAGE_SIZE = 50;
const STATUSES = ['open', 'resolved', 'closed', 'all'] as const;

function Figures() {
  const { t } = useI18n();
  const figures = useFigures();
  const f = figures.data;
  const items = [
    ['open', t('request.figures.open'), f?.open],
    ['overdue', t('request.figures.overdue'), f?.overdue],
    ['escalated', t('request.figures.escalated'), f?.escalated],
    ['awaiting', t('request.figures.awaitingFollowUp'), f?.awaitingFollowUp],
  ] as const;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="request-figures">
      {items.map(([key, title, value]) => (
        <Col key={key} xs={12} md={6}>
          <Statistic title={title} value={value ?? 0} loading={figures.isPending} styles={key === 'overdue' && (value ?? 0) > 0 ? { content: { color: '#cf1322' } } : undefined} />
        </Col>
      ))}
    </Row>
  );
}

/** 群众诉求: the staff list, open ones in deadline order (overdue first, in red), with filters in the URL. */
export function RequestsPage() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md !== true;
  const categoryName = useCategoryName();
  const categories = useCategories();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ListParams['status']) : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filter: ListParams = {
    status,
    category: params.get('category') || undefined,
    channel: params.get('channel') || undefined,
    under: params.get('under') || undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    mine: params.get('mine') === 'true' ? 'true' : undefined,
    q: params.get('q') || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useRequestList(filter);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  const columns: TableProps<RequestSummary>['columns'] = [
    { key: 'code', title: t('request.trackingCode'), render: (_, r) => <Link to={`/requests/${r.id}`}>{r.trackingCode}</Link> },
    { key: 'category', title: t('request.category'), render: (_, r) => categoryName(r.categoryCode, r.categoryName) },
    { key: 'description', title: t('request.description'), ellipsis: true, render: (_, r) => r.description },
    { key: 'who', title: t('request.who'), render: (_, r) => r.personName ?? r.contactName ?? '—' },
    { key: 'place', title: t('request.place'), render: (_, r) => [r.jurisdictionName, r.address].filter(Boolean).join(' · ') },
    { key: 'state', title: t('request.state'), render: (_, r) => <StateTag state={r.state} /> },
    { key: 'handler', title: t('request.handler'), render: (_, r) => r.assignee?.displayName ?? r.department ?? '—' },
    { key: 'due', title: t('request.due'), render: (_, r) => <DueTag dueAt={r.dueAt} overdue={r.overdue} escalationLevel={r.escalationLevel} /> },
    { key: 'created', title: t('request.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
  ];

  return (
    <div data-testid="requests-page">
      <PageHeading
        title={t('module.requests.name')}
        extra={
          <Flex wrap gap={8}>
            {canIntake(user) && (
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => void navigate('/requests/new')} data-testid="request-new">
                {t('request.intake.title')}
              </Button>
            )}
            <Button icon={<MobileOutlined />} onClick={() => void navigate('/requests/mine')}>
              {t('request.phone.title')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => void navigate('/requests/council')}>
              {t('request.council.title')}
            </Button>
            {canSetRouting(user) && (
              <Button icon={<SettingOutlined />} onClick={() => void navigate('/requests/settings')}>
                {t('request.settings.title')}
              </Button>
            )}
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('request.intro')}
        </Typography.Paragraph>
      </PageHeading>
      <Figures />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(v) => set('status', v === 'open' ? undefined : String(v))}
          options={STATUSES.map((s) => ({ value: s, label: t(`request.status.${s}`) }))}
        />
        <Checkbox checked={filter.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)} data-testid="request-filter-overdue">
          {t('request.filter.overdue')}
        </Checkbox>
        <Checkbox checked={filter.mine === 'true'} onChange={(e) => set('mine', e.target.checked ? 'true' : undefined)}>
          {t('request.filter.mine')}
        </Checkbox>
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search key={filter.q} defaultValue={filter.q} allowClear enterButton placeholder={t('request.search')} aria-label={t('request.search')} onSearch={(q) => set('q', q.trim())} />
        </Col>
        <Col xs={12} md={5}>
          <Select<string>
            style={{ width: '100%' }}
            allowClear
            value={filter.category}
            placeholder={t('request.allCategories')}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: nameIn(c, lang) }))}
            onChange={(v) => set('category', v)}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select<string> style={{ width: '100%' }} allowClear value={filter.channel} placeholder={t('request.allChannels')} options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))} onChange={(v) => set('channel', v)} />
        </Col>
        <Col xs={24} md={6}>
          <JurisdictionPicker value={filter.under} allowClear placeholder={t('registry.allJurisdictions')} onChange={(v) => set('under', v)} />
        </Col>
      </Row>
      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : phone ? (
        <RequestCards items={list.data?.items ?? []} loading={list.isFetching} />
      ) : (
        <Table<RequestSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('request.empty') }}
          // Overdue rows in light red: the first thing a supervisor should see.
          onRow={(r) => ({ 'data-testid': `request-row-${r.trackingCode}`, 'data-overdue': r.overdue, style: r.overdue ? { background: '#fff1f0' } : undefined }) as never}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (p) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              setParams(next);
            },
            showTotal: (total) => (list.data?.totalCapped ? t('registry.totalCapped', { n: total }) : t('common.total', { n: total })),
          }}
        />
      )}
      {canIntake(user) && phone && (
        <Button type="primary" shape="circle" size="large" icon={<PlusOutlined />} aria-label={t('request.intake.title')} style={{ position: 'fixed', right: 20, bottom: 24 }} onClick={() => void navigate('/requests/new')} />
      )}
    </div>
  );
}
