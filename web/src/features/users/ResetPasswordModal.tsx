import { Alert, App, Form, Input, Modal } from 'antd';
import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useResetPassword } from './api.ts';
import { confirmPasswordRules } from '../account/passwordRules.ts';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

/** An admin sets a temporary password; the user must replace it at their next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();

  const onFinish = ({ newPassword }: Values) =>
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, ['newPassword'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} name="resetPassword" layout="vertical" onFinish={onFinish}>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, message: t('account.newPasswordRequired') }]}>
          <Input.Password autoComplete="new-password" maxLength={256} autoFocus />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={confirmPasswordRules(t)}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
