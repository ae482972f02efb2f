import { CheckOutlined, CloseOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorText, useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { formatFen } from '../../lib/money.ts';
import { ActionModal } from '../cases/ActionModal.tsx';
import { programLabel } from '../cases/labels.ts';
import { canExportBankFile, canManagePayments } from './access.ts';
import { useBatch, useBatchItems, useExportBatch, useMarkResults, useUploadResults, type PaymentRow } from './api.ts';
import { BATCH_STATUS_COLOR, batchStatusLabel, PAYMENT_STATUS_COLOR, paymentKindLabel, paymentStatusLabel } from './labels.ts';

const PAGE_SIZE = 100;
const PROGRAMS = ['dibao', 'tekun', 'temporary', 'fcu'] as const;
const isProgram = (p: string): p is (typeof PROGRAMS)[number] => (PROGRAMS as readonly string[]).includes(p);

/** 发放批次: the bank file of a county's month, and the bank's results item by item (or as a file). */
export function BatchPage() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const id = useRouteId();
  const batch = useBatch(id);
  const [page, setPage] = useState(1);
  const items = useBatchItems(id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const exporter = useExportBatch();
  const mark = useMarkResults();
  const uploadResults = useUploadResults();
  const [selected, setSelected] = useState<number[]>([]);
  const [marking, setMarking] = useState<'paid' | 'failed'>();
  const file = useRef<HTMLInputElement>(null);
  const fallback = useRecordFallback(id, batch, t('payment.batch.notFound'));
  if (fallback || !batch.data) return fallback;
  const b = batch.data;
  const manage = canManagePayments(user);
  const canMark = manage && b.status === 'exported';

  const onExport = () =>
    exporter.mutate(b, {
      onSuccess: () => void message.success(t('payment.batch.exported')),
      onError: showError,
    });
  const onResultFile = (f: File | undefined) => {
    if (!f) return;
    uploadResults.mutate(
      { id: b.id, file: f },
      {
        onSuccess: (r) => void message.success(t('payment.batch.marked', { paid: r.paid, failed: r.failed })),
        onError: showError,
        onSettled: () => {
          if (file.current) file.current.value = '';
        },
      },
    );
  };

  const columns: TableProps<PaymentRow>['columns'] = [
    { key: 'id', title: '#', render: (_, p) => p.id },
    { key: 'case', title: t('case.caseNo'), render: (_, p) => <Link to={`/cases/${p.caseId}`} style={{ whiteSpace: 'nowrap' }}>{p.caseNo ?? p.caseId}</Link> },
    { key: 'payee', title: t('payment.payee'), render: (_, p) => p.payeeName ?? '—' },
    { key: 'place', title: t('case.place'), render: (_, p) => p.townshipName ?? p.jurisdictionCode },
    { key: 'program', title: t('case.program'), render: (_, p) => (isProgram(p.program) ? programLabel(p.program, t) : p.program) },
    { key: 'kind', title: t('payment.kind'), render: (_, p) => `${paymentKindLabel(p.kind, t)} · ${p.month}` },
    { key: 'amount', title: t('payment.amount'), align: 'right', render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(p.amountFen)}</span> },
    {
      key: 'status',
      title: t('payment.status'),
      render: (_, p) => (
        <Flex vertical>
          <Tag color={PAYMENT_STATUS_COLOR[p.status]} style={{ width: 'fit-content' }} data-payment-status={p.status}>
            {paymentStatusLabel(p.status, t)}
          </Tag>
          {p.failureReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.failureReason}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'paidOn', title: t('payment.paidOn'), render: (_, p) => p.paidOn ?? '—' },
  ];

  return (
    <div data-testid="batch-page" data-status={b.status}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'payments', title: <Link to="/payments">{t('module.payments.name')}</Link> }, { key: 'batch', title: `${b.countyName ?? b.countyCode} · ${b.month}` }]}
      />
      <PageHeading
        title={
          <Flex wrap gap={8} align="center">
            {t('payment.batch.title', { county: b.countyName ?? b.countyCode, month: b.month })}
            <Tag color={BATCH_STATUS_COLOR[b.status]} data-testid="batch-status">
              {batchStatusLabel(b.status, t)}
            </Tag>
          </Flex>
        }
        extra={
          <Flex wrap gap={8}>
            {canExportBankFile(user) && b.status !== 'closed' && (
              <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={onExport} data-testid="batch-export">
                {t('payment.batch.export')}
              </Button>
            )}
            {canMark && (
              <>
                <Button icon={<UploadOutlined />} loading={uploadResults.isPending} onClick={() => file.current?.click()}>
                  {t('payment.batch.uploadResults')}
                </Button>
                <input ref={file} type="file" style={{ display: 'none' }} accept=".xlsx,.csv" onChange={(e) => onResultFile(e.target.files?.[0])} />
              </>
            )}
          </Flex>
        }
      >
        <Typography.Text type="secondary">
          {t('payment.batch.times', { created: formatDateTime(b.createdAt), exported: b.exportedAt ? formatDateTime(b.exportedAt) : '—', closed: b.closedAt ? formatDateTime(b.closedAt) : '—' })}
        </Typography.Text>
      </PageHeading>
      {b.status === 'open' && manage && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('payment.batch.exportFirst')} />}

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('payment.batch.totalShort')} value={formatFen(b.totalFen)} suffix={t('finance.unit')} />
            <Typography.Text type="secondary">{t('payment.batch.itemsN', { n: b.itemCount })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('payment.batch.paid')} value={formatFen(b.paidFen)} suffix={t('finance.unit')} styles={{ content: { color: '#389e0d' } }} />
            <Typography.Text type="secondary">{t('payment.batch.itemsN', { n: b.paidCount })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('payment.batch.failed')} value={formatFen(b.failedFen)} suffix={t('finance.unit')} styles={{ content: { color: b.failedCount > 0 ? '#cf1322' : undefined } }} />
            <Typography.Text type="secondary">{t('payment.batch.itemsN', { n: b.failedCount })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('payment.batch.open')} value={formatFen(b.openFen)} suffix={t('finance.unit')} />
            <Typography.Text type="secondary">{t('payment.batch.itemsN', { n: b.openCount })}</Typography.Text>
          </Col>
        </Row>
      </Card>

      {canMark && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('payment.batch.selected', { n: selected.length })}</Typography.Text>
          <Button icon={<CheckOutlined />} disabled={selected.length === 0} onClick={() => setMarking('paid')} data-testid="mark-paid">
            {t('payment.batch.markPaid')}
          </Button>
          <Button icon={<CloseOutlined />} danger disabled={selected.length === 0} onClick={() => setMarking('failed')}>
            {t('payment.batch.markFailed')}
          </Button>
        </Flex>
      )}
      {items.isError && <Alert type="error" showIcon title={errorText(items.error, lang, t('common.unknownError'))} />}
      <div data-testid="batch-items">
        <Table<PaymentRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          scroll={{ x: 'max-content' }}
          rowSelection={
            canMark
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (p) => ({ disabled: p.status !== 'in_batch' }),
                }
              : undefined
          }
          pagination={{ current: page, pageSize: PAGE_SIZE, total: items.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </div>

      {marking === 'paid' && (
        <ActionModal<{ paidOn: DayValue }>
          title={t('payment.batch.markPaid')}
          okText={t('payment.batch.markPaid')}
          hint={t('payment.batch.markPaidHint', { n: selected.length })}
          fields={['paidOn', 'paid']}
          initialValues={{ paidOn: toDayValue(todayLocal()) }}
          onClose={() => setMarking(undefined)}
          submit={(v) => mark.mutateAsync({ id: b.id, body: { paidOn: dateOf(v.paidOn), paid: selected } })}
          onDone={(r) => {
            setSelected([]);
            const summary = r as { paid: number; failed: number };
            void message.success(t('payment.batch.marked', { paid: summary.paid, failed: summary.failed }));
          }}
        >
          <Form.Item name="paidOn" label={t('payment.paidOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
        </ActionModal>
      )}
      {marking === 'failed' && (
        <ActionModal<{ reason: string }>
          title={t('payment.batch.markFailed')}
          okText={t('payment.batch.markFailed')}
          danger
          hint={t('payment.batch.markFailedHint', { n: selected.length })}
          fields={['reason', 'failed']}
          onClose={() => setMarking(undefined)}
          submit={(v) => mark.mutateAsync({ id: b.id, body: { failed: selected.map((sid) => ({ id: sid, reason: v.reason.trim() })) } })}
          onDone={(r) => {
            setSelected([]);
            const summary = r as { paid: number; failed: number };
            void message.success(t('payment.batch.marked', { paid: summary.paid, failed: summary.failed }));
          }}
        >
          <Form.Item name="reason" label={t('payment.batch.failureReason')} rules={[{ required: true, whitespace: true, message: t('payment.form.reasonRequired') }, { min: 2, message: t('payment.form.reasonRequired') }]}>
            <Input maxLength={500} placeholder={t('payment.batch.failureReasonPlaceholder')} />
          </Form.Item>
        </ActionModal>
      )}
    </div>
  );
}
