// Who is offered what in the payment ledger (payments.policy.ts decides on the server).

interface HasRoles {
  roles: readonly string[];
}
const hasAny = (user: HasRoles, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** payments.read: plans, payments and batches in one's own area. */
export const PAYMENT_READERS = ['admin', 'county_approver', 'township_reviewer', 'statistics_viewer'] as const;

export const canReadPayments = (user: HasRoles): boolean => hasAny(user, PAYMENT_READERS);
/** payments.manage: batches, results, suspend / resume / stop / adjust. */
export const canManagePayments = (user: HasRoles): boolean => hasAny(user, ['admin', 'county_approver']);
/** payments.propose: the township proposes a suspension; the county decides. */
export const canProposeSuspension = (user: HasRoles): boolean => hasAny(user, ['admin', 'county_approver', 'township_reviewer']);
/** payments.export plus persons.reveal: the bank file holds full account and ID numbers. */
export const canExportBankFile = (user: HasRoles): boolean => hasAny(user, ['admin', 'county_approver']);
