import { SearchOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, Empty, Flex, Form, Input, Radio, Row, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { STAFF_CHANNELS, type CreateRequestBody } from '../../../../src/modules/requests/requests.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useCallers, useCategories, useCreateRequest, type Caller } from './api.ts';
import { channelLabel, nameIn } from './labels.ts';

type Channel = (typeof STAFF_CHANNELS)[number];
type Values = { categoryCode: string; description: string; jurisdictionCode?: string; address?: string; contactName?: string; contactPhone?: string };
const FIELDS = ['categoryCode', 'description', 'jurisdictionCode', 'address', 'contactName', 'contactPhone', 'personId'];

/** 连心卡: find who is calling by card number or phone; pick them, and the request goes to their grid. */
function CallerLookup({ selected, onSelect }: { selected: Caller | undefined; onSelect: (c: Caller | undefined, phone?: string) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<{ cardNo?: string; phone?: string }>();
  const [cardNo, setCardNo] = useState('');
  const [phone, setPhone] = useState('');
  const callers = useCallers(query);
  const search = () => setQuery({ cardNo: cardNo.trim() || undefined, phone: phone.trim() || undefined });
  return (
    <Card size="small" title={t('request.intake.caller')} style={{ marginBottom: 16 }} data-testid="caller-lookup">
      <Row gutter={[8, 8]}>
        <Col xs={24} md={9}>
          <Input id="caller-card" value={cardNo} onChange={(e) => setCardNo(e.target.value)} onPressEnter={search} placeholder={t('request.intake.cardNo')} aria-label={t('request.intake.cardNo')} allowClear />
        </Col>
        <Col xs={24} md={9}>
          <Input id="caller-phone" value={phone} onChange={(e) => setPhone(e.target.value)} onPressEnter={search} placeholder={t('request.intake.phone')} aria-label={t('request.intake.phone')} allowClear inputMode="tel" />
        </Col>
        <Col xs={24} md={6}>
          <Button block icon={<SearchOutlined />} onClick={search} loading={callers.isFetching} data-testid="caller-search">
            {t('request.intake.find')}
          </Button>
        </Col>
      </Row>
      {query && callers.data && callers.data.items.length === 0 && <Empty style={{ marginTop: 12 }} description={t('request.intake.noCaller')} />}
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        {(callers.data?.items ?? []).map((c) => (
          <Card
            key={c.id}
            size="small"
            hoverable
            onClick={() => onSelect(selected?.id === c.id ? undefined : c, query?.phone)}
            style={selected?.id === c.id ? { borderColor: '#1677ff', background: '#e6f4ff' } : undefined}
            data-testid={`caller-${c.id}`}
          >
            <Flex wrap gap={8} align="center">
              <Typography.Text strong>{c.name}</Typography.Text>
              {c.age !== null && <span>{t('request.intake.age', { n: c.age })}</span>}
              <span>{c.phoneMasked}</span>
              {c.contactCardNo && <Tag>{t('request.card', { no: c.contactCardNo })}</Tag>}
              {c.openRequests > 0 && <Tag color="orange">{t('request.intake.openRequests', { n: c.openRequests })}</Tag>}
            </Flex>
            <Typography.Text type="secondary">
              {[c.jurisdictionName, c.address].filter(Boolean).join(' · ')}
              {c.gridWorkers.length > 0 && ` · ${t('request.intake.gridWorker')}：${c.gridWorkers.map((g) => g.displayName).join('、')}`}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </Card>
  );
}

/** 登记诉求: a 连心卡 call taken for the caller, a patrol finding or a walk-in. It is routed at once. */
export function IntakePage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const [params] = useSearchParams();
  const [channel, setChannel] = useState<Channel>((STAFF_CHANNELS as readonly string[]).includes(params.get('channel') ?? '') ? (params.get('channel') as Channel) : 'hotline_card');
  const [caller, setCaller] = useState<Caller>();
  const [form] = Form.useForm<Values>();
  const categories = useCategories();
  const create = useCreateRequest();

  const submit = (v: Values) => {
    const body: CreateRequestBody = {
      channel,
      categoryCode: v.categoryCode,
      description: v.description.trim(),
      ...(caller ? { personId: caller.id } : {}),
      ...(v.jurisdictionCode ? { jurisdictionCode: v.jurisdictionCode } : {}),
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
    } as CreateRequestBody;
    create.mutate(body, {
      onSuccess: (r) => {
        void message.success(t('request.intake.done', { code: r.trackingCode, to: r.assignee?.displayName ?? r.handlerName ?? '' }));
        void navigate(`/requests/${r.id}`);
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, lang, FIELDS)) showError(error);
      },
    });
  };

  return (
    <div data-testid="request-intake" style={{ maxWidth: 860 }}>
      <PageHeading title={t('request.intake.title')} />
      <Segmented<Channel> value={channel} onChange={setChannel} options={STAFF_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))} style={{ marginBottom: 16 }} />
      {channel === 'hotline_card' && (
        <CallerLookup
          selected={caller}
          onSelect={(c, phone) => {
            setCaller(c);
            // The number the call came from is the one to call back.
            if (c && phone && !form.getFieldValue('contactPhone')) form.setFieldValue('contactPhone', phone);
          }}
        />
      )}
      {caller && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('request.intake.forCaller', { name: caller.name, place: caller.jurisdictionName ?? '' })} data-testid="caller-selected" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="categoryCode" label={t('request.category')} rules={[{ required: true, message: t('request.categoryRequired') }]}>
          <Radio.Group optionType="button" options={(categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: nameIn(c, lang) }))} data-testid="request-category" />
        </Form.Item>
        <Form.Item name="description" label={t('request.description')} rules={[{ required: true, whitespace: true, min: 2, message: t('request.descriptionRequired') }]}>
          <Input.TextArea id="request-description" rows={3} maxLength={2000} showCount placeholder={t('request.descriptionPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="jurisdictionCode" label={t('request.place')} extra={caller ? t('request.intake.placeDefault') : undefined} rules={caller ? [] : [{ required: true, message: t('request.placeRequired') }]}>
              <JurisdictionPicker allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('request.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {!caller && (
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={t('request.contactName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t('request.contactPhone')} extra={caller ? t('request.intake.callBackHint') : undefined}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="request-submit">
          {t('request.intake.submit')}
        </Button>
      </Form>
    </div>
  );
}
