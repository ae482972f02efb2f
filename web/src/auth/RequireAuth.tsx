import { Alert, Button, Flex } from 'antd';
import { Navigate, Outlet } from 'react-router';
import { errorText } from '../api/errors.ts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useI18n } from '../i18n/index.ts';
import { useSession } from './useSession.ts';

/** Renders the protected routes only once /auth/me confirms a user. */
export function RequireAuth() {
  const session = useSession();
  const { lang, t } = useI18n();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    // Server down or unreachable: say so instead of bouncing to a login that cannot work either.
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
        <Alert
          type="warning"
          showIcon
          title={errorText(session.error, lang, t('common.unknownError'))}
          action={
            <Button size="small" type="primary" onClick={() => void session.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  if (!session.data) return <Navigate to="/login" replace />;
  return <Outlet />;
}
