import { Alert, Col, Flex, Grid, Row, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useCaseDashboard, type DashboardData } from './api.ts';
import { OPEN_STATES, stateLabel } from './labels.ts';
import { useSearchParams } from 'react-router';

type Row = DashboardData['items'][number];

/** Open cases in a township at a step, linking to the list filtered that way. */
function CountLink({ n, under, state, overdue }: { n: number; under?: string; state?: string; overdue?: boolean }) {
  if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  const q = new URLSearchParams();
  if (under) q.set('under', under);
  if (state) q.set('state', state);
  if (overdue) q.set('overdue', 'true');
  return <Link to={`/cases/list?${q.toString()}`}>{n}</Link>;
}

/**
 * 案件办理统计: open cases per township by step and how many are overdue, within the user's
 * area (the server scopes it); narrowed to a place with the picker.
 */
export function CaseDashboard() {
  const { lang, t } = useI18n();
  const phone = Grid.useBreakpoint().md !== true;
  const [params, setParams] = useSearchParams();
  const under = params.get('under') || undefined;
  const dashboard = useCaseDashboard(under);
  const data = dashboard.data;

  const columns: TableProps<Row>['columns'] = [
    { key: 'township', title: t('case.dashboard.township'), fixed: 'left', render: (_, r) => r.townshipName },
    ...OPEN_STATES.map((s) => ({
      key: s,
      title: stateLabel(s, t),
      align: 'right' as const,
      render: (_: unknown, r: Row) => <CountLink n={r.byState[s] ?? 0} under={r.townshipCode} state={s} />,
    })),
    { key: 'open', title: t('case.dashboard.open'), align: 'right', render: (_, r) => <Typography.Text strong>{r.open}</Typography.Text> },
    {
      key: 'overdue',
      title: t('case.dashboard.overdue'),
      align: 'right',
      render: (_, r) => (r.overdue > 0 ? <Tag color="red" style={{ marginInlineEnd: 0 }}><CountLink n={r.overdue} under={r.townshipCode} overdue /></Tag> : <Typography.Text type="secondary">0</Typography.Text>),
    },
  ];

  return (
    <div data-testid="case-dashboard">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <div style={{ width: phone ? '100%' : 320 }}>
          <JurisdictionPicker
            value={under}
            allowClear
            placeholder={t('case.dashboard.allArea')}
            onChange={(code) => setParams(code ? { under: code } : {})}
          />
        </div>
        {data && <Typography.Text type="secondary">{t('case.dashboard.asOf', { date: data.date })}</Typography.Text>}
      </Flex>
      {dashboard.isError && <Alert type="error" showIcon title={errorText(dashboard.error, lang, t('common.unknownError'))} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Statistic title={t('case.dashboard.open')} value={data?.totals.open ?? 0} loading={dashboard.isPending} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('case.dashboard.overdue')}
            value={data?.totals.overdue ?? 0}
            loading={dashboard.isPending}
            styles={{ content: { color: (data?.totals.overdue ?? 0) > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
        {OPEN_STATES.map((s) => (
          <Col key={s} xs={8} md={3}>
            <Statistic title={stateLabel(s, t)} value={data?.totals.byState[s] ?? 0} loading={dashboard.isPending} />
          </Col>
        ))}
      </Row>
      {phone ? (
        <ul className="lm-list" data-testid="case-dashboard-cards">
          {(data?.items ?? []).map((r) => (
            <li key={r.townshipCode} className="lm-list-item">
              <Flex justify="space-between" align="baseline">
                <Typography.Text strong>{r.townshipName}</Typography.Text>
                <span>
                  {t('case.dashboard.open')} {r.open}
                  {r.overdue > 0 && (
                    <Tag color="red" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
                      {t('case.dashboard.overdueN', { n: r.overdue })}
                    </Tag>
                  )}
                </span>
              </Flex>
              <Flex wrap gap={10}>
                {OPEN_STATES.map((s) => (
                  <Typography.Text key={s} type="secondary">
                    {stateLabel(s, t)} <CountLink n={r.byState[s] ?? 0} under={r.townshipCode} state={s} />
                  </Typography.Text>
                ))}
              </Flex>
            </li>
          ))}
          {data && data.items.length === 0 && <Typography.Text type="secondary">{t('case.dashboard.empty')}</Typography.Text>}
        </ul>
      ) : (
        <Table<Row>
          rowKey="townshipCode"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={dashboard.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('case.dashboard.empty') }}
        />
      )}
    </div>
  );
}
