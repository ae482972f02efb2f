import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import type { LoginBody } from '../../../src/modules/auth/auth.schema.ts';
import { applyFieldErrors, errorText } from '../api/errors.ts';
import { useLogin, useSession } from '../auth/useSession.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { VersionTag } from '../components/VersionTag.tsx';
import { useI18n } from '../i18n/index.ts';

export function LoginPage() {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<LoginBody>();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();

  if (session.data) return <Navigate to="/" replace />;

  const onFinish = (values: LoginBody) => {
    login.mutate(values, {
      onSuccess: () => void navigate('/', { replace: true }),
      onError: (error) => void applyFieldErrors(form, error, lang, ['username', 'password']),
    });
  };

  return (
    <Flex vertical align="center" justify="center" gap={16} className="lm-login">
      {/* A plain box rather than antd Card: Card drags Tabs and Skeleton into the first download. */}
      <main className="lm-login-box">
        <Flex justify="flex-end">
          <LanguageSwitch />
        </Flex>
        <Flex vertical align="center" style={{ margin: '8px 0 24px', textAlign: 'center' }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </Flex>
        {login.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(login.error, lang, t('common.unknownError'))}
            style={{ marginBottom: 16 }}
          />
        )}
        {/* No form name: antd then uses the field names as input ids ("username", "password"). */}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
        <div style={{ marginTop: 20, textAlign: 'center' }}>
          <Link to="/self-check" data-testid="self-check-link">
            {t('selfCheck.loginLink')}
          </Link>
        </div>
      </main>
      <VersionTag />
    </Flex>
  );
}
