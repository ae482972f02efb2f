// Shared by record pages (person, household): the id from the route, and what to show while the
// record is missing, failing or loading.
import type { ReactNode } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.ts';

/** The `:id` route parameter as a positive integer, or undefined when it is not one. */
export function useRouteId(): number | undefined {
  const raw = Number(useParams().id);
  return Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
}

/** A 404, error or loading view while the record is not ready; null once it is. A 404 leads back to `back` (the registry search unless given). */
export function useRecordFallback(
  id: number | undefined,
  query: { error: unknown; isError: boolean; data: unknown },
  notFoundTitle: string,
  back?: { to: string; label: string },
): ReactNode | null {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  if (id === undefined || (isApiError(query.error) && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={notFoundTitle}
        extra={
          <Button type="primary" onClick={() => void navigate(back?.to ?? '/registry')}>
            {back?.label ?? t('person.backToSearch')}
          </Button>
        }
      />
    );
  }
  if (query.isError) return <Result status="warning" title={errorText(query.error as never, lang, t('common.unknownError'))} />;
  if (!query.data) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  return null;
}
