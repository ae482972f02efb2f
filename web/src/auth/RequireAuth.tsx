import { Alert, Button, Flex } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorText } from '../api/errors.ts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useI18n } from '../i18n/index.ts';
import { useSession } from './useSession.ts';

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * Renders the protected routes only once /auth/me confirms a user. A user who must change their
 * password (first login, reset by an admin) is held on the change-password page until they do.
 */
export function RequireAuth() {
  const session = useSession();
  const { lang, t } = useI18n();
  const { pathname } = useLocation();
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
  if (session.data.mustChangePassword && pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
