import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';

/** A 404, error or loading view while a record is not ready (null once it is); 404 leads back to `back`. */
export function useMissing(id: number | undefined, query: { error: unknown; isError: boolean; data: unknown }, notFound: string, back: string): ReactNode | null {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  if (id === undefined || (isApiError(query.error) && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={notFound}
        extra={
          <Button type="primary" onClick={() => void navigate(back)}>
            {t('request.backToList')}
          </Button>
        }
      />
    );
  }
  if (query.isError) return <Result status="warning" title={errorText(query.error, lang, t('common.unknownError'))} />;
  if (!query.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return null;
}
