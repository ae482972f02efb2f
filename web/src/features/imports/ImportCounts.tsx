import { Flex, Typography } from 'antd';
import type { ImportCounts as Counts } from '../../../../src/modules/imports/import.schema.ts';
import { useI18n } from '../../i18n/index.ts';

const COLORS: Record<keyof Counts, string> = {
  total: 'rgba(0, 0, 0, 0.88)',
  ok: '#389e0d',
  error: '#cf1322',
  duplicate: '#d48806',
  skipped: 'rgba(0, 0, 0, 0.45)',
};
const ORDER = ['total', 'ok', 'error', 'duplicate', 'skipped'] as const;

/** 总行数 / 通过 / 错误 / 重复 / 跳过 of a validated file. */
export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={8} data-testid="import-counts" role="list">
      {ORDER.map((key) => (
        <div
          key={key}
          role="listitem"
          data-count={key}
          style={{ minWidth: 72, padding: '6px 12px', borderRadius: 6, background: '#fafafa', border: '1px solid rgba(5, 5, 5, 0.06)' }}
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`import.counts.${key}`)}
          </Typography.Text>
          <div style={{ fontSize: 20, fontWeight: 600, color: COLORS[key], fontVariantNumeric: 'tabular-nums' }}>{counts[key]}</div>
        </div>
      ))}
    </Flex>
  );
}
