import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';

/** A case that does not exist or lies outside the user's area: say so, and lead back to the work queue. */
export function useCaseMissing(id: number | undefined, error: unknown): ReactNode | null {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (id !== undefined && !(isApiError(error) && error.status === 404)) return null;
  return (
    <Result
      status="404"
      title={t('case.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/cases')}>
          {t('case.backToQueue')}
        </Button>
      }
    />
  );
}
