import { definePolicy } from '../../platform/authz.ts';

// Who may do what with the payment ledger. Reads are scoped by jurisdiction like everything else:
// a township sees its own township's payments, a county its county's batches.
export const paymentPermissions = definePolicy('payments', {
  read: { roles: ['admin', 'county_approver', 'township_reviewer', 'statistics_viewer'], zh: '查看发放计划、发放明细与批次', en: 'see payment plans, payments and batches' },
  propose: { roles: ['admin', 'county_approver', 'township_reviewer'], zh: '提出暂停发放建议', en: 'propose suspending a payment' },
  manage: { roles: ['admin', 'county_approver'], zh: '管理资金发放（生成、批次、暂停、终止、调整、追回）', en: 'manage payments (generate, batches, suspend, stop, adjust, recover)' },
  export: { roles: ['admin', 'county_approver'], zh: '导出含完整账号的银行代发文件', en: 'export bank files with full account numbers' },
});
