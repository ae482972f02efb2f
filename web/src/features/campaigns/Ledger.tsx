import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Dropdown, Empty, Flex, Grid, Input, Pagination, Row, Select, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { Campaign, Target } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { errorText, useShowError } from '../../api/errors.ts';
import { canRevealPersons } from '../../auth/access.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { codeLabel } from '../persons/labels.ts';
import { useExportLedger, useTargets, useWorkers, type TargetQuery } from './api.ts';
import { resultLabel, STATUS_COLORS, statusLabel } from './labels.ts';

const PAGE_SIZE = 50;

export function TargetStatusTag({ target }: { target: Pick<Target, 'status' | 'due'> }) {
  const { t } = useI18n();
  return (
    <Tag color={target.due ? 'red' : STATUS_COLORS[target.status]} style={{ marginInlineEnd: 0 }}>
      {target.due ? t('campaign.status.due') : statusLabel(target.status, t)}
    </Tag>
  );
}

export function AssigneeText({ target }: { target: Target }) {
  const { t } = useI18n();
  return target.assignee ? <span>{target.assignee.name}</span> : <Tag color="warning">{t('campaign.unassignedTag')}</Tag>;
}

/** The filter as it stands in the page's URL (so Back and shared links keep it). */
export function useLedgerFilter() {
  const [params, setParams] = useSearchParams();
  const filter: TargetQuery = {
    status: params.get('status') || undefined,
    under: params.get('under') || undefined,
    assignee: params.get('assignee') || undefined,
    q: params.get('q') || undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (next: TargetQuery & { page?: number }) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...next, page: next.page && next.page > 1 ? String(next.page) : undefined })) if (v) p.set(k, String(v));
    setParams(p);
  };
  return { filter, page, set };
}

/**
 * 台账: the targets of the campaign in the user's jurisdiction, filtered by status, place and
 * worker; a table on desktop, one block per person on a phone; exported as .xlsx.
 */
export function Ledger({ campaign }: { campaign: Campaign }) {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().md !== true;
  const { filter, page, set } = useLedgerFilter();
  const list = useTargets(campaign.id, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const workers = useWorkers(campaign.id);
  const targetLink = (target: Target) => <Link to={`/campaigns/${campaign.id}/targets/${target.id}`}>{target.name}</Link>;

  const columns: TableProps<Target>['columns'] = [
    { key: 'name', title: t('person.name'), render: (_, r) => targetLink(r) },
    { key: 'id', title: t('person.idNumber'), render: (_, r) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{r.idNumberMasked ?? '—'}</span> },
    { key: 'sex', title: t('person.sex'), render: (_, r) => codeLabel('sex', r.sex, t) },
    { key: 'age', title: t('campaign.ageAtStart'), align: 'right', render: (_, r) => r.age ?? '' },
    { key: 'place', title: t('campaign.place'), render: (_, r) => r.jurisdictionName ?? r.jurisdictionCode },
    { key: 'assignee', title: t('campaign.assignee'), render: (_, r) => <AssigneeText target={r} /> },
    { key: 'status', title: t('campaign.statusTitle'), render: (_, r) => <TargetStatusTag target={r} /> },
    { key: 'visits', title: t('campaign.visits'), align: 'right', dataIndex: 'visitCount' },
    { key: 'last', title: t('campaign.lastVisit'), render: (_, r) => (r.lastVisitOn ? `${r.lastVisitOn} ${resultLabel(campaign.checklist, r.lastResult, lang)}` : '') },
    { key: 'revisit', title: t('campaign.revisitOn'), render: (_, r) => (r.revisitOn ? <Typography.Text type={r.due ? 'danger' : undefined}>{r.revisitOn}</Typography.Text> : '') },
    { key: 'closed', title: t('campaign.closedOn'), dataIndex: 'closedOn' },
  ];

  const assigneeOptions = [
    { value: 'me', label: t('campaign.assigneeMe') },
    { value: 'none', label: t('campaign.unassignedTag') },
    ...(workers.data?.items ?? []).map((w) => ({ value: String(w.id), label: `${w.name}（${w.jurisdictionCode}）` })),
  ];

  return (
    <div data-testid="campaign-ledger">
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6} xl={4}>
          <Select<string>
            style={{ width: '100%' }}
            allowClear
            value={filter.status}
            placeholder={t('campaign.allStatuses')}
            aria-label={t('campaign.statusTitle')}
            data-testid="ledger-status"
            options={(['open', 'pending', 'revisit', 'due', 'closed'] as const).map((s) => ({ value: s, label: t(`campaign.status.${s}`) }))}
            onChange={(status) => set({ ...filter, status })}
          />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <Select<string>
            style={{ width: '100%' }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filter.assignee}
            placeholder={t('campaign.allAssignees')}
            aria-label={t('campaign.assignee')}
            options={assigneeOptions}
            onChange={(assignee) => set({ ...filter, assignee })}
          />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <JurisdictionPicker value={filter.under} allowClear placeholder={t('campaign.allPlaces')} aria-label={t('campaign.place')} onChange={(under) => set({ ...filter, under })} />
        </Col>
        <Col xs={12} md={6} xl={5}>
          <Input.Search key={filter.q} defaultValue={filter.q} allowClear placeholder={t('campaign.searchName')} aria-label={t('campaign.searchName')} onSearch={(q) => set({ ...filter, q: q.trim() || undefined })} />
        </Col>
        <Col xs={24} xl={5}>
          <Flex justify={phone ? 'flex-start' : 'flex-end'}>
            <LedgerExport campaignId={campaign.id} filter={filter} canReveal={canRevealPersons(user)} />
          </Flex>
        </Col>
      </Row>

      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : phone ? (
        <Spin spinning={list.isFetching}>
          {(list.data?.items.length ?? 0) === 0 ? (
            <Empty description={t('campaign.noTargets')} />
          ) : (
            <ul className="lm-list" data-testid="target-cards">
              {list.data!.items.map((r) => (
                <li key={r.id} className="lm-list-item" data-name={r.name}>
                  <Flex wrap align="center" gap={8}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {targetLink(r)}
                    </Typography.Text>
                    <TargetStatusTag target={r} />
                  </Flex>
                  <Typography.Text type="secondary">
                    {[codeLabel('sex', r.sex, t), r.age === null ? '' : t('person.ageValue', { n: r.age }), r.jurisdictionName ?? r.jurisdictionCode].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {r.address && <Typography.Text type="secondary">{r.address}</Typography.Text>}
                  <Flex wrap gap={8} align="center">
                    <AssigneeText target={r} />
                    {r.revisitOn && <Typography.Text type={r.due ? 'danger' : 'secondary'}>{`${t('campaign.revisitOn')} ${r.revisitOn}`}</Typography.Text>}
                    {r.closedOn && <Typography.Text type="secondary">{`${t('campaign.closedOn')} ${r.closedOn}`}</Typography.Text>}
                  </Flex>
                </li>
              ))}
            </ul>
          )}
          {(list.data?.total ?? 0) > PAGE_SIZE && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Pagination simple size="small" current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={(p) => set({ ...filter, page: p })} />
            </Flex>
          )}
        </Spin>
      ) : (
        <Table<Target>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('campaign.noTargets') }}
          onRow={(r) => ({ 'data-name': r.name }) as never}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: (p) => set({ ...filter, page: p }),
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      )}
    </div>
  );
}

/** 导出台账 with the current filter, masked; those who may reveal can export full numbers (audited). */
function LedgerExport({ campaignId, filter, canReveal }: { campaignId: number; filter: TargetQuery; canReveal: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const exporter = useExportLedger(campaignId);
  const run = (reveal: boolean) => {
    void message.info(t('campaign.exportStarted'));
    exporter.mutate({ filter, reveal }, { onError: showError });
  };
  if (!canReveal) {
    return (
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => run(false)} data-testid="ledger-export">
        {t('campaign.export')}
      </Button>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'masked', label: t('registry.exportMasked') },
          { key: 'full', label: t('registry.exportFull'), danger: true },
        ],
        onClick: ({ key }) =>
          key === 'full'
            ? void modal.confirm({
                title: t('registry.exportFullTitle'),
                content: t('registry.exportFullText'),
                okText: t('registry.exportFullOk'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () => run(true),
              })
            : run(false),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} data-testid="ledger-export">
        {t('campaign.export')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
