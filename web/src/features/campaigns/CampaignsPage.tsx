import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Grid, Input, Progress, Row, Select, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Campaign } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { canOrganiseCampaigns, canVisit } from './access.ts';
import { useCampaignList } from './api.ts';
import { DueRevisits } from './DueRevisits.tsx';

const PAGE_SIZE = 20;

export function CampaignStatusTag({ status }: { status: Campaign['status'] }) {
  const { t } = useI18n();
  return status === 'active' ? <Tag color="processing">{t('campaign.active')}</Tag> : <Tag>{t('campaign.closedCampaign')}</Tag>;
}

/** Closed of total as a bar with the numbers beside it. */
export function CountsBar({ counts, size = 'small' }: { counts: Campaign['counts']; size?: 'small' | 'default' }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={0} style={{ minWidth: 160 }}>
      <Progress percent={counts.percent} size={size} status={counts.total > 0 && counts.closed === counts.total ? 'success' : 'normal'} format={(p) => `${p}%`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('campaign.closedOfTotal', { closed: counts.closed, total: counts.total })}
      </Typography.Text>
    </Flex>
  );
}

/** 专项行动: the campaigns the user's area takes part in, with live figures for that area. */
export function CampaignsPage() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().md !== true;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useCampaignList({ q: q || undefined, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const setFilter = (next: { q?: string; status?: string; page?: number }) => {
    const merged = { q, status, page: 1, ...next };
    const p = new URLSearchParams();
    if (merged.q) p.set('q', merged.q);
    if (merged.status) p.set('status', merged.status);
    if (merged.page > 1) p.set('page', String(merged.page));
    setParams(p);
  };

  const columns: TableProps<Campaign>['columns'] = [
    { key: 'name', title: t('campaign.name'), render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
    { key: 'area', title: t('campaign.area'), render: (_, c) => c.jurisdictionName ?? c.jurisdictionCode },
    { key: 'period', title: t('campaign.period'), render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{`${c.startsOn} ~ ${c.endsOn}`}</span> },
    { key: 'status', title: t('campaign.statusTitle'), render: (_, c) => <CampaignStatusTag status={c.status} /> },
    { key: 'progress', title: t('campaign.progress'), render: (_, c) => <CountsBar counts={c.counts} /> },
    { key: 'due', title: t('campaign.due'), align: 'right', render: (_, c) => (c.counts.due > 0 ? <Typography.Text type="danger">{c.counts.due}</Typography.Text> : 0) },
    { key: 'unassigned', title: t('campaign.unassigned'), align: 'right', render: (_, c) => c.counts.unassigned },
  ];

  return (
    <div data-testid="campaigns-page">
      <PageHeading
        title={t('module.campaigns.name')}
        extra={
          canOrganiseCampaigns(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/campaigns/new')} data-testid="campaign-new">
              {t('campaign.create')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('campaign.intro')}
        </Typography.Paragraph>
      </PageHeading>

      {canVisit(user) && <DueRevisits />}

      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={16} md={10}>
          <Input.Search key={q} defaultValue={q} allowClear placeholder={t('campaign.search')} aria-label={t('campaign.search')} onSearch={(v) => setFilter({ q: v.trim() })} />
        </Col>
        <Col xs={8} md={5}>
          <Select<string>
            style={{ width: '100%' }}
            allowClear
            value={status}
            placeholder={t('campaign.allStatuses')}
            aria-label={t('campaign.statusTitle')}
            options={[
              { value: 'active', label: t('campaign.active') },
              { value: 'closed', label: t('campaign.closedCampaign') },
            ]}
            onChange={(v) => setFilter({ status: v })}
          />
        </Col>
      </Row>

      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : phone ? (
        <Spin spinning={list.isFetching}>
          {(list.data?.items.length ?? 0) === 0 ? (
            <Empty description={t('campaign.empty')} />
          ) : (
            <ul className="lm-list" data-testid="campaign-cards">
              {list.data!.items.map((c) => (
                <li key={c.id} className="lm-list-item">
                  <Flex wrap align="center" gap={8}>
                    <Typography.Text strong>
                      <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                    </Typography.Text>
                    <CampaignStatusTag status={c.status} />
                  </Flex>
                  <Typography.Text type="secondary">{`${c.jurisdictionName ?? c.jurisdictionCode} · ${c.startsOn} ~ ${c.endsOn}`}</Typography.Text>
                  <CountsBar counts={c.counts} />
                  {c.counts.due > 0 && <Typography.Text type="danger">{t('campaign.dueCount', { n: c.counts.due })}</Typography.Text>}
                </li>
              ))}
            </ul>
          )}
        </Spin>
      ) : (
        <Table<Campaign>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('campaign.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: (p) => setFilter({ page: p }),
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      )}
    </div>
  );
}
