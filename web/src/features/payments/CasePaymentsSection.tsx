import { Alert, App, Button, Checkbox, DatePicker, Empty, Flex, Form, Input, Radio, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, MONTH_FORMAT, monthOf, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { formatFen, parseYuan } from '../../lib/money.ts';
import { ActionModal } from '../cases/ActionModal.tsx';
import { moneyRules } from '../households/moneyField.ts';
import { canManagePayments, canProposeSuspension } from './access.ts';
import { useCasePayments, usePlanAction, type PaymentRow, type Plan, type PlanAction } from './api.ts';
import {
  PAYMENT_STATUS_COLOR,
  PLAN_STATUS_COLOR,
  paymentKindLabel,
  paymentStatusLabel,
  periodLabel,
  planStatusLabel,
} from './labels.ts';

const yuanText = (fen: number, t: Translate) => t('finance.yuan', { amount: formatFen(fen) });
const reasonRules = (t: Translate) => [{ required: true, whitespace: true, message: t('payment.form.reasonRequired') }, { min: 2, message: t('payment.form.reasonRequired') }];

function ReasonItem() {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={t('case.form.reason')} rules={reasonRules(t)}>
      <Input.TextArea rows={2} maxLength={500} showCount autoFocus />
    </Form.Item>
  );
}

function MonthItem({ name, label, required = true, extra }: { name: string; label: string; required?: boolean; extra?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: t('common.required') }] : []}>
      <DatePicker picker="month" format={MONTH_FORMAT} inputReadOnly style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** The modal of one change to the case's running monthly plan. */
function PlanActionForm({ caseId, plan, action, onClose }: { caseId: number; plan: Plan; action: PlanAction; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { run } = usePlanAction();
  const title = t(`payment.action.${action}`);
  const common = { title, okText: title, onClose, onDone: () => void message.success(t('case.action.done', { action: title })), testId: `plan-action-${action}` };
  const thisMonth = todayLocal().slice(0, 7);
  switch (action) {
    case 'suspension-proposal':
    case 'suspension-proposal/decline':
      return (
        <ActionModal<{ reason: string }> {...common} hint={t(action === 'suspension-proposal' ? 'payment.hint.propose' : 'payment.hint.decline')} fields={['reason']} submit={(v) => run(caseId, action, { reason: v.reason.trim() })}>
          <ReasonItem />
        </ActionModal>
      );
    case 'suspend':
      return (
        <ActionModal<{ reason: string; fromMonth?: DayValue }>
          {...common}
          hint={t('payment.hint.suspend')}
          fields={['reason', 'fromMonth']}
          submit={(v) => run(caseId, 'suspend', { reason: v.reason.trim(), fromMonth: monthOf(v.fromMonth) })}
        >
          <MonthItem name="fromMonth" label={t('payment.form.suspendFrom')} required={false} extra={t('payment.form.suspendFromHint')} />
          <ReasonItem />
        </ActionModal>
      );
    case 'resume':
      return (
        <ActionModal<{ reason: string; fromMonth: DayValue; backPay: boolean }>
          {...common}
          hint={t('payment.hint.resume')}
          fields={['reason', 'fromMonth', 'backPay']}
          initialValues={{ fromMonth: toDayValue(`${thisMonth}-01`), backPay: false }}
          submit={(v) => run(caseId, 'resume', { reason: v.reason.trim(), fromMonth: monthOf(v.fromMonth) ?? thisMonth, backPay: v.backPay })}
        >
          <MonthItem name="fromMonth" label={t('payment.form.resumeFrom')} />
          <Form.Item name="backPay" valuePropName="checked">
            <Checkbox>{t('payment.form.backPay')}</Checkbox>
          </Form.Item>
          <ReasonItem />
        </ActionModal>
      );
    case 'stop':
      return (
        <ActionModal<{ reason: string; by: 'date' | 'month'; stoppedOn?: DayValue; lastMonth?: DayValue }>
          {...common}
          danger
          hint={t('payment.hint.stop')}
          fields={['reason', 'stoppedOn', 'lastMonth']}
          initialValues={{ by: 'date', stoppedOn: toDayValue(todayLocal()) }}
          submit={(v) =>
            run(caseId, 'stop', {
              reason: v.reason.trim(),
              ...(v.by === 'date' ? { stoppedOn: dateOf(v.stoppedOn) } : { lastMonth: monthOf(v.lastMonth) }),
            })
          }
        >
          {(form) => (
            <>
              <Form.Item name="by" label={t('payment.form.stopBy')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'date', label: t('payment.form.stoppedOn') },
                    { value: 'month', label: t('payment.form.lastMonth') },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={['by']}>
                {() =>
                  form.getFieldValue('by') === 'month' ? (
                    <MonthItem name="lastMonth" label={t('payment.form.lastMonth')} />
                  ) : (
                    <Form.Item name="stoppedOn" label={t('payment.form.stoppedOn')} extra={t('payment.form.stoppedOnHint')} rules={[{ required: true, message: t('common.required') }]}>
                      <DatePicker format={DATE_FORMAT} inputReadOnly style={{ width: '100%' }} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <ReasonItem />
            </>
          )}
        </ActionModal>
      );
    case 'adjust':
      return (
        <ActionModal<{ amountFen: string; fromMonth: DayValue; reason: string }>
          {...common}
          hint={t('payment.hint.adjust', { amount: formatFen(plan.amountFen) })}
          fields={['amountFen', 'fromMonth', 'reason']}
          initialValues={{ amountFen: formatFen(plan.amountFen).replace(/,/g, ''), fromMonth: toDayValue(`${thisMonth}-01`) }}
          submit={(v) => run(caseId, 'adjust', { amountFen: parseYuan(v.amountFen) ?? 0, fromMonth: monthOf(v.fromMonth) ?? thisMonth, reason: v.reason.trim() })}
        >
          <Form.Item name="amountFen" label={t('payment.form.newAmount')} rules={moneyRules(t)}>
            <Input inputMode="decimal" autoComplete="off" suffix={t('payment.form.perMonth')} />
          </Form.Item>
          <MonthItem name="fromMonth" label={t('payment.form.adjustFrom')} />
          <ReasonItem />
        </ActionModal>
      );
    default:
      return null;
  }
}

/** Which changes the user may make to a running monthly plan, by its status. */
function planActions(plan: Plan, manage: boolean, propose: boolean): PlanAction[] {
  if (plan.period !== 'monthly') return [];
  const out: PlanAction[] = [];
  if (plan.status === 'active') {
    if (propose && !manage) out.push('suspension-proposal');
    if (manage) out.push('suspend', 'adjust', 'stop');
  } else if (plan.status === 'suspension_proposed') {
    if (manage) out.push('suspend', 'suspension-proposal/decline', 'adjust', 'stop');
  } else if (plan.status === 'suspended') {
    if (manage) out.push('resume', 'adjust', 'stop');
  }
  return out;
}

/** 资金发放 of a case: its plans (with the changes the user may make), every payment, over-payments. */
export function CasePaymentsSection({ caseId }: { caseId: number }) {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const data = useCasePayments(caseId);
  const [open, setOpen] = useState<{ plan: Plan; action: PlanAction }>();
  const manage = canManagePayments(user);
  const propose = canProposeSuspension(user);

  if (data.isError) return <Alert type="error" showIcon title={errorText(data.error, lang, t('common.unknownError'))} />;
  if (!data.data) return <Spin />;
  const { plans, payments, overpayments, paidFen } = data.data;
  if (plans.length === 0 && payments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payment.case.none')} />;

  const planColumns: TableProps<Plan>['columns'] = [
    { key: 'period', title: t('payment.plan.period'), render: (_, p) => periodLabel(p.period, t) },
    { key: 'amount', title: t('payment.amount'), align: 'right', render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{yuanText(p.amountFen, t)}</span> },
    { key: 'months', title: t('payment.plan.months'), render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{p.period === 'once' ? p.fromMonth : `${p.fromMonth} — ${p.toMonth ?? t('payment.plan.openEnded')}`}</span> },
    {
      key: 'status',
      title: t('payment.status'),
      render: (_, p) => (
        <Flex vertical>
          <Tag color={PLAN_STATUS_COLOR[p.status]} style={{ marginInlineEnd: 0, width: 'fit-content' }} data-plan-status={p.status}>
            {planStatusLabel(p.status, t)}
          </Tag>
          {p.statusReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.statusReason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) => (
        <Flex wrap gap={4}>
          {planActions(p, manage, propose).map((a) => (
            <Button key={a} size="small" danger={a === 'stop'} onClick={() => setOpen({ plan: p, action: a })}>
              {t(`payment.action.${a}`)}
            </Button>
          ))}
        </Flex>
      ),
    },
  ];

  const paymentColumns: TableProps<PaymentRow>['columns'] = [
    { key: 'month', title: t('payment.month'), render: (_, p) => p.month },
    { key: 'kind', title: t('payment.kind'), render: (_, p) => paymentKindLabel(p.kind, t) },
    { key: 'amount', title: t('payment.amount'), align: 'right', render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{yuanText(p.amountFen, t)}</span> },
    {
      key: 'status',
      title: t('payment.status'),
      render: (_, p) => (
        <Flex vertical>
          <Tag color={PAYMENT_STATUS_COLOR[p.status]} style={{ marginInlineEnd: 0, width: 'fit-content' }} data-payment-status={p.status}>
            {paymentStatusLabel(p.status, t)}
          </Tag>
          {p.failureReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.failureReason}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'paidOn', title: t('payment.paidOn'), render: (_, p) => p.paidOn ?? '—' },
    { key: 'batch', title: t('payment.batch'), render: (_, p) => (p.batchId ? <Link to={`/payments/batches/${p.batchId}`}>#{p.batchId}</Link> : '—') },
  ];

  return (
    <Flex vertical gap={12} data-testid="case-payments">
      <Typography.Text>
        {t('payment.case.paid')}{' '}
        <Typography.Text strong>
          <span data-testid="case-paid">{yuanText(paidFen, t)}</span>
        </Typography.Text>
      </Typography.Text>
      <Typography.Text strong>{t('payment.case.plans')}</Typography.Text>
      <Table<Plan> rowKey="id" size="small" columns={planColumns} dataSource={plans} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('payment.case.none') }} />
      <Typography.Text strong>{t('payment.case.payments')}</Typography.Text>
      <Table<PaymentRow>
        rowKey="id"
        size="small"
        columns={paymentColumns}
        dataSource={payments}
        pagination={payments.length > 12 ? { pageSize: 12, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('payment.case.noPayments') }}
      />
      {overpayments.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('payment.case.overpaid')}
          description={
            <ul className="lm-plain-list">
              {overpayments.map((o) => (
                <li key={o.id}>
                  {t('payment.case.overpaidItem', { amount: formatFen(o.amountFen), outstanding: formatFen(o.outstandingFen), reason: o.reason })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {open && <PlanActionForm caseId={caseId} plan={open.plan} action={open.action} onClose={() => setOpen(undefined)} />}
    </Flex>
  );
}
