// The policy engine's decision attached at 审核, shown where a person decides (the opinion and the
// approval dialogs), so nobody approves without seeing it.
import { Alert } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import type { CaseDetail } from './api.ts';

export function EngineVerdict({ c }: { c: Pick<CaseDetail, 'decision' | 'decidedAsOf' | 'paymentPeriod'> }) {
  const { t, lang } = useI18n();
  const d = c.decision;
  if (!d) return <Alert type="info" showIcon data-testid="engine-verdict" data-status="none" message={t('case.engine.none')} style={{ marginBottom: 16 }} />;
  const amount = d.amountFen !== null ? t(c.paymentPeriod === 'monthly' ? 'case.engine.amountMonthly' : 'case.engine.amount', { amount: formatFen(d.amountFen) }) : '';
  return (
    <Alert
      type={d.status === 'eligible' ? 'success' : d.status === 'ineligible' ? 'error' : 'warning'}
      showIcon
      data-testid="engine-verdict"
      data-status={d.status}
      style={{ marginBottom: 16 }}
      message={`${t('case.engine.title', { date: c.decidedAsOf ?? '' })}${t(`case.engine.${d.status}`)}${amount}`}
      description={lang === 'en' ? d.summary.en : d.summary.zh}
    />
  );
}
