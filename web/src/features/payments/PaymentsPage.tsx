import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Empty, Flex, Form, Grid, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { MONTH_FORMAT, monthOf, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { formatFen } from '../../lib/money.ts';
import { ForbiddenPage } from '../../pages/ForbiddenPage.tsx';
import { ActionModal } from '../cases/ActionModal.tsx';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { canManagePayments, canReadPayments } from './access.ts';
import { useBatches, useCreateBatch, type BatchData } from './api.ts';
import { BATCH_STATUS_COLOR, batchStatusLabel } from './labels.ts';

const PAGE_SIZE = 50;
const isMonth = (v: string | null) => (v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined);

/** 新建发放批次: a county and a month; the server generates the month and collects what is pending. */
function CreateBatchModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateBatch();
  const county = /^\d{6}$/.test(user.jurisdictionCode) ? user.jurisdictionCode : undefined;
  return (
    <ActionModal<{ countyCode: string; month: DayValue }, BatchData>
      title={t('payment.batch.create')}
      okText={t('payment.batch.create')}
      hint={t('payment.batch.createHint')}
      fields={['countyCode', 'month']}
      initialValues={{ countyCode: county, month: toDayValue(`${todayLocal().slice(0, 7)}-01`) }}
      onClose={onClose}
      submit={(v) => create.mutateAsync({ countyCode: v.countyCode, month: monthOf(v.month) ?? '' })}
      onDone={(b) => {
        void message.success(t('payment.batch.created', { county: b.countyName ?? b.countyCode, month: b.month, n: b.itemCount }));
        void navigate(`/payments/batches/${b.id}`);
      }}
    >
      <Form.Item name="countyCode" label={t('payment.batch.county')} extra={t('payment.batch.countyHint')} rules={[{ required: true, message: t('common.required') }]}>
        <JurisdictionPicker valueLabel={county ? user.jurisdictionName : undefined} />
      </Form.Item>
      <Form.Item name="month" label={t('payment.month')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker picker="month" format={MONTH_FORMAT} inputReadOnly style={{ width: '100%' }} />
      </Form.Item>
    </ActionModal>
  );
}

/** 资金发放: the monthly batches per county (bank files and their results). */
export function PaymentsPage() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().md !== true;
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const month = isMonth(params.get('month'));
  const status = (['open', 'exported', 'closed'] as const).find((s) => s === params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const batches = useBatches({ month, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  if (!canReadPayments(user)) return <ForbiddenPage />;

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const yuan = (fen: number) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>;
  const columns: TableProps<BatchData>['columns'] = [
    { key: 'county', title: t('payment.batch.county'), render: (_, b) => <Link to={`/payments/batches/${b.id}`}>{b.countyName ?? b.countyCode}</Link> },
    { key: 'month', title: t('payment.month'), render: (_, b) => b.month },
    { key: 'status', title: t('payment.status'), render: (_, b) => <Tag color={BATCH_STATUS_COLOR[b.status]}>{batchStatusLabel(b.status, t)}</Tag> },
    { key: 'items', title: t('payment.batch.items'), align: 'right', render: (_, b) => b.itemCount },
    { key: 'total', title: t('payment.batch.total'), align: 'right', render: (_, b) => yuan(b.totalFen) },
    { key: 'paid', title: t('payment.batch.paid'), align: 'right', render: (_, b) => <>{b.paidCount} · {yuan(b.paidFen)}</> },
    { key: 'failed', title: t('payment.batch.failed'), align: 'right', render: (_, b) => (b.failedCount > 0 ? <Typography.Text type="danger">{b.failedCount} · {yuan(b.failedFen)}</Typography.Text> : 0) },
    { key: 'open', title: t('payment.batch.open'), align: 'right', render: (_, b) => b.openCount },
  ];

  return (
    <div data-testid="payments-page">
      <PageHeading
        title={t('module.payments.name')}
        extra={
          canManagePayments(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="batch-create">
              {t('payment.batch.create')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('payment.intro')}
        </Typography.Paragraph>
      </PageHeading>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          format={MONTH_FORMAT}
          value={toDayValue(month ? `${month}-01` : undefined)}
          placeholder={t('payment.batch.allMonths')}
          onChange={(v) => set({ month: monthOf(v) })}
          inputReadOnly
        />
        <Select<BatchData['status']>
          allowClear
          style={{ minWidth: 140 }}
          value={status}
          placeholder={t('payment.batch.allStatuses')}
          options={(['open', 'exported', 'closed'] as const).map((s) => ({ value: s, label: batchStatusLabel(s, t) }))}
          onChange={(s) => set({ status: s })}
        />
      </Flex>
      {batches.isError && <Alert type="error" showIcon title={errorText(batches.error, lang, t('common.unknownError'))} />}
      {phone ? (
        (batches.data?.items.length ?? 0) === 0 ? (
          <Empty description={t('payment.batch.empty')} />
        ) : (
          <ul className="lm-list" data-testid="batch-cards">
            {batches.data?.items.map((b) => (
              <li key={b.id} className="lm-list-item">
                <Flex justify="space-between" align="baseline">
                  <Link to={`/payments/batches/${b.id}`} style={{ fontWeight: 600 }}>
                    {b.countyName ?? b.countyCode} · {b.month}
                  </Link>
                  <Tag color={BATCH_STATUS_COLOR[b.status]} style={{ marginInlineEnd: 0 }}>
                    {batchStatusLabel(b.status, t)}
                  </Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {t('payment.batch.summary', { n: b.itemCount, total: formatFen(b.totalFen), paid: b.paidCount, failed: b.failedCount })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )
      ) : (
        <div data-testid="batch-table">
          <Table<BatchData>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={batches.data?.items ?? []}
            loading={batches.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('payment.batch.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: batches.data?.total ?? 0,
              onChange: (p) => set({ page: String(p) }),
              hideOnSinglePage: true,
              showSizeChanger: false,
            }}
          />
        </div>
      )}
      {creating && <CreateBatchModal onClose={() => setCreating(false)} />}
    </div>
  );
}
