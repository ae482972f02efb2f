// The public face (no login, phone first): residents submit a request and follow it by its
// tracking code. Nothing personal is shown back; both calls are rate-limited by the server.
import { Alert, Button, Card, Cascader, Flex, Form, Input, Radio, Result, Steps, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import type { PublicStatus } from '../../../../src/modules/requests/requests.schema.ts';
import { isApiError } from '../../api/client.ts';
import { applyFieldErrors, errorText } from '../../api/errors.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { fetchPlaces, usePublicCategories, usePublicSubmit, useTrack } from './api.ts';
import { nameIn, stateLabel } from './labels.ts';

function Shell({ title, intro, children, testId }: { title: string; intro?: string; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = previous;
    };
  }, [title, t]);
  return (
    <div className="lm-sc-page" data-testid={testId}>
      <main className="lm-sc-box">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">{t('app.fullName')}</Typography.Text>
          <LanguageSwitch compact />
        </Flex>
        <h1 className="lm-sc-title">{title}</h1>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
        <footer className="lm-sc-footer">
          <Flex gap={16} wrap justify="center">
            <Link to="/help">{t('request.public.submitLink')}</Link>
            <Link to="/help/track">{t('request.public.trackLink')}</Link>
            <Link to="/login">{t('selfCheck.staffLogin')}</Link>
          </Flex>
        </footer>
      </main>
    </div>
  );
}

type Option = { value: string; label: string; isLeaf: boolean; children?: Option[] };
type Values = { categoryCode: string; description: string; place: string[]; address?: string; contactName?: string; contactPhone?: string };

/** 提交诉求: what, where (as deep as the resident knows it), and an optional contact. */
export function PublicSubmitPage() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const categories = usePublicCategories();
  const submit = usePublicSubmit();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    fetchPlaces().then((list) => setOptions(list.items.map((p) => ({ value: p.code, label: p.name, isLeaf: !p.hasChildren }))), () => undefined);
  }, []);
  const loadData = async (path: Option[]) => {
    const target = path[path.length - 1]!;
    const list = await fetchPlaces(target.value);
    target.children = list.items.map((p) => ({ value: p.code, label: p.name, isLeaf: !p.hasChildren || p.level === 'grid' }));
    setOptions((o) => [...o]);
  };
  const onFinish = (v: Values) =>
    submit.mutate(
      { categoryCode: v.categoryCode, description: v.description.trim(), jurisdictionCode: v.place[v.place.length - 1]!, ...(v.address?.trim() ? { address: v.address.trim() } : {}), ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}), ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}) },
      { onError: (error) => void applyFieldErrors(form, error, lang, ['categoryCode', 'description', 'address', 'contactName', 'contactPhone']) },
    );

  if (submit.data) {
    return (
      <Shell title={t('request.public.title')} testId="public-submitted">
        <Result
          status="success"
          title={t('request.public.received')}
          subTitle={
            <>
              <div>{t('request.public.keepCode')}</div>
              <Typography.Title level={2} copyable data-testid="public-tracking-code" style={{ margin: '12px 0' }}>
                {submit.data.trackingCode}
              </Typography.Title>
            </>
          }
          extra={<Button type="primary" size="large" onClick={() => void navigate(`/help/track/${submit.data!.trackingCode}`)}>{t('request.public.trackNow')}</Button>}
        />
      </Shell>
    );
  }
  const failure = submit.isError && !(isApiError(submit.error, 'validation_failed'));
  return (
    <Shell title={t('request.public.title')} intro={t('request.public.intro')} testId="public-submit-page">
      <Alert type="info" showIcon title={t('request.public.privacy')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" size="large" onFinish={onFinish}>
        <Form.Item name="categoryCode" label={t('request.public.what')} rules={[{ required: true, message: t('request.categoryRequired') }]}>
          <Radio.Group style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} optionType="button" options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: nameIn(c, lang) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('request.public.describe')} rules={[{ required: true, whitespace: true, min: 2, message: t('request.descriptionRequired') }]}>
          <Input.TextArea id="public-description" rows={4} maxLength={2000} showCount placeholder={t('request.public.describePlaceholder')} />
        </Form.Item>
        <Form.Item name="place" label={t('request.public.where')} rules={[{ required: true, message: t('request.placeRequired') }]} extra={t('request.public.whereHint')}>
          <Cascader<Option> id="public-place" options={options} loadData={(path) => void loadData(path as Option[])} changeOnSelect placeholder={t('request.public.wherePlaceholder')} />
        </Form.Item>
        <Form.Item name="address" label={t('request.address')}>
          <Input maxLength={200} placeholder={t('request.public.addressPlaceholder')} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('request.public.contactHint')}</Typography.Paragraph>
        <Form.Item name="contactName" label={t('request.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('request.contactPhone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={isApiError(submit.error) && submit.error.status === 429 ? t('request.public.rateLimited') : errorText(submit.error, lang, t('common.unknownError'))} />}
        <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="public-submit">
          {t('request.public.submit')}
        </Button>
      </Form>
    </Shell>
  );
}

function StatusCard({ s }: { s: PublicStatus }) {
  const { lang, t } = useI18n();
  const order = ['new', 'in_progress', 'resolved', 'visited'];
  const reached = Math.max(0, ...s.steps.map((x) => order.indexOf(x.state === 'assigned' || x.state === 'transferred' || x.state === 'returned' ? 'new' : x.state)));
  const at = (state: string) => formatDateTime(s.steps.filter((x) => x.state === state).at(-1)?.at);
  return (
    <Card data-testid="public-status" data-state={s.state}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {lang === 'zh' ? s.categoryName : s.categoryNameEn} · {stateLabel(s.state, t)}
      </Typography.Title>
      {s.mergedInto && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('request.public.merged', { code: s.mergedInto })} />}
      <Steps
        orientation="vertical"
        size="small"
        current={reached}
        status={reached === 3 ? 'finish' : 'process'}
        items={[
          { title: t('request.public.step.received'), content: formatDateTime(s.submittedAt) },
          { title: t('request.public.step.handling'), content: at('in_progress') || (s.handledBy ?? '') },
          { title: t('request.public.step.resolved'), content: at('resolved') },
          { title: t('request.public.step.visited'), content: at('visited') },
        ]}
      />
      <Flex vertical gap={4}>
        {s.handledBy && <Typography.Text>{t('request.public.handledBy', { unit: s.handledBy })}</Typography.Text>}
        {s.expectedBy && <Typography.Text>{t('request.public.expectedBy', { at: formatDateTime(s.expectedBy) })}</Typography.Text>}
        <Typography.Text type="secondary">{t('request.public.updatedAt', { at: formatDateTime(s.updatedAt) })}</Typography.Text>
      </Flex>
    </Card>
  );
}

/** 查询进度: by tracking code; the category, where it is, by when — no description, names or phones. */
export function PublicTrackPage() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const code = useParams().code?.toUpperCase();
  const track = useTrack(code);
  const [value, setValue] = useState(code ?? '');
  const search = () => value.trim() && void navigate(`/help/track/${encodeURIComponent(value.trim().toUpperCase())}`);
  const error = track.isError ? (isApiError(track.error) && track.error.status === 404 ? t('request.public.notFound') : isApiError(track.error) && track.error.status === 429 ? t('request.public.rateLimited') : errorText(track.error, lang, t('common.unknownError'))) : null;
  return (
    <Shell title={t('request.public.trackTitle')} intro={t('request.public.trackIntro')} testId="public-track-page">
      <Input.Search id="public-track-code" size="large" value={value} onChange={(e) => setValue(e.target.value)} onSearch={search} enterButton={t('request.public.trackButton')} placeholder="K7M3-Q9XP" style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} data-testid="public-track-error" />}
      {track.data && <StatusCard s={track.data} />}
    </Shell>
  );
}

/** /help (submit) and /help/track/:code (follow). */
export function PublicRequestRoutes() {
  return (
    <Routes>
      <Route index element={<PublicSubmitPage />} />
      <Route path="track" element={<PublicTrackPage />} />
      <Route path="track/:code" element={<PublicTrackPage />} />
    </Routes>
  );
}
