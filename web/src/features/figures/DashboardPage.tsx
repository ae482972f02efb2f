// 统计看板: the leaders' figures for a month and a place, a bar per place below it (click: the
// list behind the bar; click the name: one level down), the trend of money paid, and the list
// behind any bar with its export. Every number comes from /api/figures, whose lists add up to it.
import { Alert, Button, Card, Col, Flex, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useState } from 'react';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { exportFigure, useFigure, useFigureCatalogue, useFigureRows, type FigureRowsData } from './api.ts';
import { BarChart } from './BarChart.tsx';
import { formatFigure } from './format.ts';

const KPIS = ['dibao.recipients', 'dibao.persons', 'dibao.paid', 'tekun.recipients', 'temporary.paid', 'cases.overdue', 'requests.sla_met', 'coverage.gap'] as const;
const CHART_FIGURES = ['dibao.paid', 'dibao.recipients', 'payments.paid', 'temporary.paid', 'cases.open', 'requests.sla_met', 'coverage.gap', 'campaigns.progress'] as const;

function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}
function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

function Kpi({ id, period, under }: { id: string; period: string; under?: string }) {
  const { lang } = useI18n();
  const navigate = useNavigate();
  const f = useFigure(id, { period, under });
  const d = f.data;
  const q = new URLSearchParams({ figure: id, period, ...(under ? { under } : {}) });
  return (
    <Card size="small" hoverable onClick={() => navigate(`/dashboards/list?${q.toString()}`)} data-testid={`kpi-${id}`}>
      <Statistic title={d ? (lang === 'zh' ? d.figure.nameZh : d.figure.nameEn) : id} value={d ? formatFigure(d.total.value, d.figure.unit) : ''} loading={f.isPending} />
    </Card>
  );
}

function Overview() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') || thisMonth();
  const under = params.get('under') || undefined;
  const chart = params.get('figure') || 'dibao.paid';
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    setParams(next);
  };
  const byPlace = useFigure(chart, { period, under, by: 'place' });
  const trend = useFigure('payments.paid', { period: `${monthsBack(period, 11)}..${period}`, under, by: 'month' });
  const toList = (figure: string, p: { period: string; under?: string; category?: string }) =>
    navigate(`/dashboards/list?${new URLSearchParams({ figure, period: p.period, ...(p.under ? { under: p.under } : {}), ...(p.category ? { category: p.category } : {}) }).toString()}`);
  const name = (d: { nameZh: string; nameEn: string }) => (lang === 'zh' ? d.nameZh : d.nameEn);
  const data = byPlace.data;
  const catalogue = useFigureCatalogue().data?.items ?? [];
  const labelOf = (id: string) => { const f = catalogue.find((x) => x.id === id); return f ? name(f) : id; };

  return (
    <div data-testid="dashboard">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Input type="month" value={period} max={thisMonth()} onChange={(e) => e.target.value && set({ period: e.target.value })} style={{ width: 170 }} aria-label={t('figures.period')} />
        <div style={{ width: 320 }}>
          <JurisdictionPicker value={under} allowClear placeholder={t('figures.allArea')} onChange={(code) => set({ under: code })} />
        </div>
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {KPIS.map((id) => (
          <Col key={id} xs={12} md={6}>
            <Kpi id={id} period={period} under={under} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={data ? t('figures.byPlace', { name: name(data.figure) }) : ''}
            extra={<Select size="small" value={chart} style={{ width: 240 }} onChange={(v) => set({ figure: v })} options={CHART_FIGURES.map((id) => ({ value: id, label: labelOf(id) }))} aria-label={t('figures.chartFigure')} />}
          >
            {byPlace.isError && <Alert type="error" showIcon title={errorText(byPlace.error, lang, t('common.unknownError'))} />}
            <Typography.Paragraph type="secondary">{t('figures.clickHint')}</Typography.Paragraph>
            {data && (
              <BarChart
                testId="chart-by-place"
                bars={data.breakdown.map((b) => ({ key: b.key, label: lang === 'zh' ? b.labelZh : b.labelEn, value: b.value.value ?? 0, text: formatFigure(b.value.value, data.figure.unit) }))}
                onBar={(b) => toList(chart, { period, under: b.key })}
                onLabel={(b) => (b.key.length < 15 && b.key !== (under ?? '') ? set({ under: b.key }) : undefined)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('figures.trend')}>
            {trend.data && (
              <BarChart
                testId="chart-trend"
                bars={trend.data.breakdown.map((b) => ({ key: b.key, label: b.key, value: b.value.amountFen, text: formatFen(b.value.amountFen) }))}
                onBar={(b) => toList('payments.paid', { period: b.key, under })}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

type RowItem = FigureRowsData['items'][number];

function FigureList() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const figure = params.get('figure') || 'dibao.paid';
  const q = { period: params.get('period') || undefined, under: params.get('under') || undefined, category: params.get('category') || undefined };
  const [page, setPage] = useState({ limit: 50, offset: 0 });
  const rows = useFigureRows(figure, { ...q, ...page });
  const [exporting, setExporting] = useState(false);
  const d = rows.data;
  const money = d?.figure.unit === '元' || (d?.total.amountFen ?? 0) > 0;
  const columns = [
    { key: 'place', title: t('figures.col.place'), render: (_: unknown, r: RowItem) => r.placeName ?? r.jurisdictionCode },
    { key: 'date', title: t('figures.col.date'), dataIndex: 'onDate' },
    { key: 'name', title: t('figures.col.name'), dataIndex: 'name' },
    { key: 'id', title: t('figures.col.idNumber'), dataIndex: 'idNumber' },
    { key: 'cat', title: t('figures.col.category'), dataIndex: 'category' },
    ...(money ? [{ key: 'amount', title: t('figures.col.amount'), align: 'right' as const, render: (_: unknown, r: RowItem) => (r.amountFen === null ? '' : formatFen(r.amountFen)) }] : []),
    ...(d?.figure.measure === 'ratio' ? [{ key: 'hit', title: t('figures.col.hit'), render: (_: unknown, r: RowItem) => (r.hit ? t('figures.yes') : t('figures.no')) }] : []),
    { key: 'note', title: t('figures.col.note'), dataIndex: 'note' },
  ];
  return (
    <div data-testid="figure-list">
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d ? t('figures.listTitle', { figure: lang === 'zh' ? d.figure.nameZh : d.figure.nameEn, place: d.under.name, period: d.period ? `${d.period.from} – ${d.period.to}` : t('figures.live') }) : figure}
          </Typography.Title>
          {d && <Typography.Text type="secondary" data-testid="figure-list-total">{t('figures.total', { count: d.total.count, amount: formatFigure(d.total.value, d.figure.unit) })}</Typography.Text>}
        </Space>
        <Space>
          <Button onClick={() => navigate(-1)}>{t('figures.back')}</Button>
          <Button type="primary" loading={exporting} data-testid="figure-export" onClick={() => { setExporting(true); exportFigure(figure, q).finally(() => setExporting(false)); }}>
            {t('figures.export')}
          </Button>
        </Space>
      </Flex>
      {rows.isError && <Alert type="error" showIcon title={errorText(rows.error, lang, t('common.unknownError'))} />}
      <Table<RowItem>
        rowKey="ref"
        size="middle"
        columns={columns}
        dataSource={d?.items ?? []}
        loading={rows.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('figures.empty') }}
        pagination={{ current: page.offset / page.limit + 1, pageSize: page.limit, total: d?.total.count ?? 0, showSizeChanger: false, onChange: (p) => setPage({ limit: page.limit, offset: (p - 1) * page.limit }) }}
      />
    </div>
  );
}

export function DashboardPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="list" element={<FigureList />} />
    </Routes>
  );
}
