import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { Decision, TraceCondition } from './api.ts';
import { inLang } from './labels.ts';
import { ParameterPhrase } from './PolicyTags.tsx';

function PassIcon({ pass }: { pass: boolean | null }) {
  const { t } = useI18n();
  if (pass === true) return <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('policy.pass.true')} />;
  if (pass === false) return <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('policy.pass.false')} />;
  return <QuestionCircleFilled style={{ color: '#faad14' }} aria-label={t('policy.pass.unknown')} />;
}

function Condition({ condition }: { condition: TraceCondition }) {
  const { lang, t } = useI18n();
  const pass = condition.pass === null ? 'unknown' : String(condition.pass);
  return (
    <li className="lm-trace-item" data-testid={`trace-${condition.id}`} data-pass={pass}>
      <span className="lm-trace-icon">
        <PassIcon pass={condition.pass} />
      </span>
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Typography.Text>{lang === 'zh' ? condition.zh : condition.en}</Typography.Text>
        {condition.parameters.length > 0 && (
          <Flex wrap gap={4}>
            {condition.parameters.map((p) => (
              <ParameterPhrase key={p.key} provenance={p.provenance}>
                {inLang(p.text, lang)}
              </ParameterPhrase>
            ))}
          </Flex>
        )}
        {condition.basis && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('policy.basis', { basis: condition.basis })}
          </Typography.Text>
        )}
      </Flex>
    </li>
  );
}

/** The full explanation of one decision: missing facts, every condition checked, basis, where to apply. */
export function DecisionDetail({ decision }: { decision: Decision }) {
  const { lang, t } = useI18n();
  return (
    <Flex vertical gap={8} data-testid={`decision-detail-${decision.program}`}>
      <Typography.Text strong>{inLang(decision.summary, lang)}</Typography.Text>
      {decision.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('policy.missing')}
          description={
            <ul className="lm-plain-list" data-testid="missing-facts">
              {decision.missing.map((m) => (
                <li key={m}>
                  <Typography.Text code>{m}</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Text type="secondary">{t('policy.trace')}</Typography.Text>
      {decision.trace.length === 0 ? (
        <Typography.Text type="secondary">{t('policy.traceEmpty')}</Typography.Text>
      ) : (
        <ul className="lm-trace">
          {decision.trace.map((c) => (
            <Condition key={c.id} condition={c} />
          ))}
        </ul>
      )}
      <Typography.Text type="secondary">{t('policy.basis', { basis: decision.basis })}</Typography.Text>
      <Typography.Text>{t('policy.applyAt', { place: inLang(decision.applyAt, lang) })}</Typography.Text>
    </Flex>
  );
}
