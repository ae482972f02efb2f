import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client.ts';
import { applyFieldErrors, errorText } from '../api/errors.ts';
import { useChangePassword, useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/index.ts';
import { confirmPasswordRules } from '../features/account/passwordRules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码. Also where the auth guard holds a user whose password was just issued or reset by an
 * admin, until they choose their own.
 */
export function ChangePasswordPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('account.changed'));
          void navigate('/', { replace: true });
        },
        onError: (error) => void applyFieldErrors(form, error, lang, ['currentPassword', 'newPassword']),
      },
    );

  // Field errors sit on the inputs; anything else (wrong current password, network) shows above.
  const generalError =
    change.isError && !applyableToFields(change.error) ? errorText(change.error, lang, t('common.unknownError')) : null;

  return (
    <div data-testid="change-password-page" className="lm-narrow-page">
      <PageHeading title={t('account.changePassword')} />
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />
      )}
      {generalError && <Alert type="error" showIcon role="alert" title={generalError} style={{ marginBottom: 16 }} />}
      {/* No form name: the inputs' ids are then the field names (currentPassword, ...). */}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={change.isPending}>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('account.currentPasswordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.newPasswordHint')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('account.newPasswordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value !== getFieldValue('currentPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.sameAsCurrent'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={confirmPasswordRules(t)}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.submit')}
        </Button>
      </Form>
    </div>
  );
}

function applyableToFields(error: unknown): boolean {
  return isApiError(error) && (error.body.fields ?? []).some((f) => /(^|[./])(currentPassword|newPassword)$/.test(f.field));
}
