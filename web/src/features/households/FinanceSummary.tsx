import { Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Finances } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';

function Figure({ label, value, hint, strong = false, testId }: { label: string; value: ReactNode; hint?: string; strong?: boolean; testId?: string }) {
  return (
    <div
      data-testid={testId}
      style={{
        padding: '8px 12px',
        borderRadius: 6,
        background: strong ? '#e6f4ff' : '#fafafa',
        border: `1px solid ${strong ? '#91caff' : 'rgba(5, 5, 5, 0.06)'}`,
        height: '100%',
        boxSizing: 'border-box',
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: strong ? 22 : 18, fontWeight: strong ? 600 : 500, fontVariantNumeric: 'tabular-nums' }}>{value}</div>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}

/** The figures assistance decisions start from: 12-month income, members counted, per capita. */
export function FinanceSummary({ finances }: { finances: Finances }) {
  const { t } = useI18n();
  const yuan = (fen: number) => t('finance.yuan', { amount: formatFen(fen) });
  return (
    <div data-testid="finance-summary">
      <Typography.Paragraph type="secondary">
        {t('finance.periodValue', { from: finances.periodFrom, to: finances.periodTo })}
      </Typography.Paragraph>
      <Row gutter={[8, 8]}>
        <Col xs={24} sm={12} lg={8}>
          <Figure
            strong
            testId="finance-per-capita"
            label={t('finance.perCapita')}
            value={finances.perCapitaMonthlyIncomeFen === null ? t('finance.perCapitaNone') : yuan(finances.perCapitaMonthlyIncomeFen)}
          />
        </Col>
        <Col xs={12} sm={12} lg={8}>
          <Figure label={t('finance.monthlyIncome')} value={yuan(finances.monthlyIncomeFen)} />
        </Col>
        <Col xs={12} sm={8} lg={8}>
          <Figure label={t('finance.membersCounted')} value={t('finance.persons', { n: finances.membersCounted })} hint={t('finance.membersHint')} />
        </Col>
        <Col xs={12} sm={8} lg={8}>
          <Figure label={t('finance.incomeTotal')} value={yuan(finances.incomeTotalFen)} />
        </Col>
        <Col xs={12} sm={8} lg={8}>
          <Figure label={t('finance.assetsTotal')} value={yuan(finances.assetsTotalFen)} />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Figure label={t('finance.expensesTotal')} value={yuan(finances.expensesTotalFen)} />
        </Col>
      </Row>
    </div>
  );
}
