import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LEVELS, levelOf } from '../../../../src/lib/division-code.ts';
import { errorText } from '../../api/errors.ts';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { useLevelCounts } from '../jurisdictions/api.ts';

/** How many divisions of each level lie under the user's jurisdiction. */
export function LevelCountCards({ under }: { under: string }) {
  const { lang, t } = useI18n();
  const counts = useLevelCounts(under);

  const section = (body: ReactNode) => (
    <section style={{ marginBottom: 24 }}>
      <Typography.Title level={4}>{t('home.counts')}</Typography.Title>
      {body}
    </section>
  );

  if (counts.isPending) return section(<Skeleton active paragraph={{ rows: 2 }} />);
  if (counts.isError) {
    return section(<Alert type="error" showIcon title={errorText(counts.error, lang, t('common.unknownError'))} />);
  }

  // Levels at or above the scope would only ever show 0 or 1; a grid worker has nothing below.
  const scopeLevel = levelOf(counts.data.scope);
  const levels = scopeLevel ? LEVELS.slice(LEVELS.indexOf(scopeLevel) + 1) : LEVELS;
  if (levels.length === 0) return null;

  return section(
    <Row gutter={[12, 12]}>
      {levels.map((level) => (
        <Col key={level} xs={12} sm={8} xl={4}>
          <Link to="/jurisdictions">
            <Card size="small" hoverable>
              <Statistic title={levelLabel(level, lang)} value={counts.data.counts[level] ?? 0} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>,
  );
}
