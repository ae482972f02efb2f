export { paymentRoutes } from './payments.routes.ts';
export { createPaymentsService, type PaymentsService } from './payments.service.ts';
export { paymentPermissions } from './payments.policy.ts';
export { startPlan, recordPrepayment, adjustPlans, stopPlans, type PlanStart } from './plans.ts';
export { paymentPlans, paymentBatches, payments, overpayments } from './payments.table.ts';
export { paymentFigures } from './payments.figures.ts';
