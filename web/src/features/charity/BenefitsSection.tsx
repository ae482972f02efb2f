// 受助台账 on the household page: everything the household received, government payments and
// charity money and goods at estimated value, by year, source, program and cause, with totals and
// the mark of a cause past the set amount (a prompt to look, never a block).
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { Benefits } from '../../../../src/modules/charity/charity.schema.ts';
import { CAUSES, type Cause } from '../../../../src/modules/charity/charity.labels.ts';
import { request } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { formatFen } from '../../lib/money.ts';
import { useI18n } from '../../i18n/index.ts';

type Ledger = z.infer<typeof Benefits>;
type Year = Ledger['years'][number];

export function useHouseholdBenefits(id: number) {
  return useQuery({ queryKey: ['households', 'benefits', id], queryFn: () => request(`/households/${id}/benefits`, { schema: Benefits }) });
}

function YearTable({ year }: { year: Year }) {
  const { lang, t } = useI18n();
  const cause = (c: Cause) => (lang === 'zh' ? CAUSES[c].zh : CAUSES[c].en);
  return (
    <>
      <Typography.Text strong>
        {t('benefits.year', { year: year.year })} · {t('benefits.government')} ¥{formatFen(year.governmentFen)} · {t('benefits.charity')} ¥{formatFen(year.charityFen)} · {t('benefits.total')} ¥{formatFen(year.totalFen)}
      </Typography.Text>
      {year.byCause.filter((c) => c.marked).map((c) => (
        <Tag key={c.cause} color="orange" style={{ marginLeft: 8 }} data-testid="benefits-mark">
          {t('benefits.marked', { cause: cause(c.cause), amount: formatFen(c.amountFen), threshold: formatFen(c.thresholdFen ?? 0) })}
        </Tag>
      ))}
      <Table
        size="small"
        rowKey={(l) => `${l.source}-${l.sourceName}-${l.program}-${l.cause}`}
        pagination={false}
        style={{ margin: '8px 0 16px' }}
        dataSource={year.lines}
        columns={[
          { title: t('benefits.source'), render: (_, l) => <Tag color={l.source === 'government' ? 'blue' : 'green'}>{l.source === 'government' ? t('benefits.government') : t('benefits.charity')}</Tag> },
          { title: t('benefits.from'), dataIndex: 'sourceName' },
          { title: t('benefits.program'), dataIndex: 'program' },
          { title: t('benefits.cause'), render: (_, l) => cause(l.cause) },
          { title: t('benefits.times'), dataIndex: 'items', align: 'right' },
          { title: t('benefits.amount'), align: 'right', render: (_, l) => `¥${formatFen(l.amountFen)}` },
        ]}
      />
    </>
  );
}

export function BenefitsSection({ householdId }: { householdId: number }) {
  const { lang, t } = useI18n();
  const ledger = useHouseholdBenefits(householdId);
  return (
    <Card size="small" title={t('benefits.title')} style={{ marginBottom: 16 }} data-testid="household-benefits" loading={ledger.isLoading}>
      {ledger.error && <Alert type="error" showIcon message={errorText(ledger.error, lang, t('benefits.error'))} />}
      {ledger.data && ledger.data.years.length === 0 && <Empty description={t('benefits.none')} />}
      {ledger.data && ledger.data.years.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">
            {t('benefits.totals', { government: formatFen(ledger.data.totals.governmentFen), charity: formatFen(ledger.data.totals.charityFen), total: formatFen(ledger.data.totals.totalFen) })}
          </Typography.Paragraph>
          {ledger.data.years.map((y) => <YearTable key={y.year} year={y} />)}
        </>
      )}
    </Card>
  );
}
