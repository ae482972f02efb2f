import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import type { HistoryEntry } from '../persons/api.ts';

interface Props {
  items: HistoryEntry[] | undefined;
  loading: boolean;
  error: unknown;
}

/** Versions of a record, newest first: when, who, and why. */
export function HistoryTimeline({ items, loading, error }: Props) {
  const { lang, t } = useI18n();
  if (error) return <Alert type="error" showIcon title={errorText(error, lang, t('common.unknownError'))} />;
  if (loading) return <Spin />;
  if (!items?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  const sorted = [...items].sort((a, b) => b.version - a.version);
  return (
    <Timeline
      data-testid="history-list"
      items={sorted.map((entry) => ({
        key: entry.version,
        title: (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.validFrom)}
          </span>
        ),
        content: (
          <>
            <Typography.Text strong>{t('history.version', { n: entry.version })}</Typography.Text>
            <Typography.Text type="secondary"> · {entry.actorName}</Typography.Text>
            <br />
            {entry.reason ? (
              <Typography.Text>{entry.reason}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('history.noReason')}</Typography.Text>
            )}
          </>
        ),
      }))}
    />
  );
}
