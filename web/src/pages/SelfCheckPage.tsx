import { Alert, Flex, Form, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useSelfCheck } from '../features/policy/api.ts';
import { SelfCheckForm } from '../features/policy/SelfCheckForm.tsx';
import { applySelfCheckFieldErrors, toBody, type SelfCheckValues } from '../features/policy/selfCheckForm.ts';
import { SelfCheckResults } from '../features/policy/SelfCheckResults.tsx';
import { useI18n } from '../i18n/index.ts';

/**
 * 我能申请什么？ A public page (no login): residents describe their household in a few steps and
 * see which programs might apply, roughly how much, and where to apply. Nothing is stored.
 * `?county=140107` preselects the county (for links from a county's own site or a QR code).
 */
export function SelfCheckPage() {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<SelfCheckValues>();
  const check = useSelfCheck();
  const [params] = useSearchParams();
  const county = params.get('county') ?? undefined;
  const resultsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.title;
    document.title = `${t('selfCheck.title')} · ${t('app.name')}`;
    return () => {
      document.title = previous;
    };
  }, [t]);
  useEffect(() => {
    if (check.data) resultsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [check.data]);

  const onSubmit = (values: SelfCheckValues) =>
    check.mutate(toBody(values), { onError: (error) => void applySelfCheckFieldErrors(form, error, lang) });

  const failure = () => {
    if (!check.isError) return null;
    const text = isApiError(check.error) && check.error.status === 429 ? t('selfCheck.rateLimited') : errorText(check.error, lang, t('common.unknownError'));
    return <Alert type="error" showIcon role="alert" title={text} style={{ marginTop: 16 }} data-testid="self-check-error" />;
  };

  return (
    <div className="lm-sc-page" data-testid="self-check-page">
      <main className="lm-sc-box">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          <LanguageSwitch compact />
        </Flex>
        <h1 className="lm-sc-title">{t('selfCheck.title')}</h1>
        <Typography.Paragraph type="secondary">{t('selfCheck.intro')}</Typography.Paragraph>
        <Alert type="info" showIcon title={t('selfCheck.privacy')} style={{ marginBottom: 16 }} />

        <SelfCheckForm form={form} initialCounty={county && /^\d{6}$/.test(county) ? county : undefined} pending={check.isPending} onSubmit={onSubmit} />
        {failure()}

        <div ref={resultsRef} style={{ scrollMarginTop: 12 }}>
          {check.data && !check.isPending && <SelfCheckResults response={check.data} />}
        </div>

        <footer className="lm-sc-footer">
          <Link to="/login">{t('selfCheck.staffLogin')}</Link>
        </footer>
      </main>
    </div>
  );
}
