import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import type { SelfCheckResponse, SelfCheckResult } from './api.ts';
import { inLang } from './labels.ts';
import { StatusTag } from './PolicyTags.tsx';

function Amount({ result }: { result: SelfCheckResult }) {
  const { t } = useI18n();
  if (result.amountFen === null) return result.period === 'once' ? <span>{t('selfCheck.once')}</span> : null;
  const amount = formatFen(result.amountFen);
  return (
    <span className="lm-sc-amount" data-testid="self-check-amount">
      {result.period === 'once' ? t('selfCheck.amountOnce', { amount }) : result.period === 'monthly' ? t('selfCheck.amountMonthly', { amount }) : t('selfCheck.amount', { amount })}
    </span>
  );
}

function ResultCard({ result }: { result: SelfCheckResult }) {
  const { lang, t } = useI18n();
  const name = lang === 'zh' ? result.zh : result.en;
  return (
    <article
      className={`lm-sc-result lm-sc-result-${result.status}`}
      data-testid={`self-check-result-${result.program}`}
      data-status={result.status}
      aria-label={name}
    >
      <header className="lm-sc-result-head">
        <h3 className="lm-sc-result-name">{name}</h3>
        <StatusTag status={result.status} />
      </header>
      <Amount result={result} />
      <Typography.Paragraph style={{ margin: 0 }}>{inLang(result.summary, lang)}</Typography.Paragraph>
      {result.reasons.length > 0 && (
        <ul className="lm-sc-reasons">
          {result.reasons.map((r, i) => (
            <li key={i}>{inLang(r, lang)}</li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary">
        <EnvironmentOutlined /> {t('selfCheck.applyAt', { place: inLang(result.applyAt, lang) })}
      </Typography.Text>
    </article>
  );
}

/** The answer: one card per program, what might apply first as the server sorts it. */
export function SelfCheckResults({ response }: { response: SelfCheckResponse }) {
  const { lang, t } = useI18n();
  const eligible = response.results.filter((r) => r.status === 'eligible').length;
  return (
    <section data-testid="self-check-results" aria-live="polite">
      <h2 className="lm-sc-results-title">{t('selfCheck.results')}</h2>
      <Typography.Paragraph type="secondary">
        {t('selfCheck.resultsFor', { place: response.countyName, date: response.date, n: eligible })}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={inLang(response.notice, lang)} style={{ marginBottom: 12 }} data-testid="self-check-notice" />
      {response.results.length === 0 ? (
        <Typography.Paragraph>{t('selfCheck.noResults')}</Typography.Paragraph>
      ) : (
        response.results.map((r, i) => <ResultCard key={`${r.program}-${i}`} result={r} />)
      )}
    </section>
  );
}
