// How payment values read: plan and payment statuses, kinds, batch statuses.
import type { Translate } from '../../i18n/index.ts';
import type { BatchData, PaymentKind, PaymentStatus, PlanStatus } from './api.ts';

export const planStatusLabel = (s: PlanStatus, t: Translate) => t(`payment.planStatus.${s}`);
export const paymentStatusLabel = (s: PaymentStatus, t: Translate) => t(`payment.status.${s}`);
export const paymentKindLabel = (k: PaymentKind, t: Translate) => t(`payment.kind.${k}`);
export const batchStatusLabel = (s: BatchData['status'], t: Translate) => t(`payment.batchStatus.${s}`);
export const periodLabel = (p: 'monthly' | 'once', t: Translate) => t(`payment.period.${p}`);

export const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  active: 'green',
  suspension_proposed: 'orange',
  suspended: 'orange',
  stopped: 'default',
  ended: 'default',
};
export const PAYMENT_STATUS_COLOR: Record<PaymentStatus, string> = {
  pending: 'blue',
  held: 'orange',
  in_batch: 'geekblue',
  paid: 'green',
  failed: 'red',
  reissued: 'default',
  cancelled: 'default',
};
export const BATCH_STATUS_COLOR: Record<BatchData['status'], string> = { open: 'blue', exported: 'orange', closed: 'green' };
