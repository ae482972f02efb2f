// Form rules shared by every "new password" form (own change, admin reset).
import type { Rule } from 'antd/es/form';
import type { Translate } from '../../i18n/index.ts';

/** The confirm field must repeat the `newPassword` field exactly. */
export function confirmPasswordRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('account.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_, value: string | undefined) =>
        !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch'))),
    }),
  ];
}
