import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Grid, Input, InputNumber, Radio, Row, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { applyFieldErrors, errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { parseYuan } from '../../lib/money.ts';
import { moneyRules } from '../households/moneyField.ts';
import { usePerson } from '../persons/api.ts';
import { PersonSelect } from '../persons/PersonSelect.tsx';
import { inLang } from '../policy/labels.ts';
import { useCreateCase, useMaterialsList, type CaseProgram } from './api.ts';
import { CATEGORIES, categoryLabel, CAUSE_KINDS, causeKindLabel, CHANNELS, channelLabel, PROGRAMS, programLabel, type Category, type CauseKind, type Channel } from './labels.ts';

const TIE_ROLES = ['case_worker', 'committee_member'] as const;
const TIE_RELATIONS = ['self', 'spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'other'] as const;

interface Values {
  applicantPersonId: number;
  beneficiaryPersonId?: number;
  program: CaseProgram;
  channel: Channel;
  sourceRef?: string;
  category?: Category;
  causeKind?: CauseKind;
  causeEventOn?: DayValue;
  causeReference?: string;
  cause?: string;
  /** 元 as typed; sent as 分. */
  requestedFen?: string;
  peopleCovered?: number;
  receivedOn: DayValue;
  materialsReceived: string[];
  promiseSigned: boolean;
  dataCheckAuthorised: boolean;
  ties: { role: (typeof TIE_ROLES)[number]; relation: (typeof TIE_RELATIONS)[number] }[];
}

const FIELDS = ['applicantPersonId', 'beneficiaryPersonId', 'householdId', 'program', 'channel', 'sourceRef', 'category', 'causeKind', 'causeEventOn', 'causeReference', 'cause', 'requestedFen', 'peopleCovered', 'receivedOn', 'materialsReceived', 'promiseSigned', 'dataCheckAuthorised', 'ties'];

/** The chosen person as the registry knows them, with their household. */
function PersonCard({ id }: { id: number | undefined }) {
  const { t } = useI18n();
  const person = usePerson(id);
  if (id === undefined) return null;
  if (!person.data) return <Spin size="small" />;
  const p = person.data;
  return (
    <Flex wrap gap={8} style={{ marginTop: -12, marginBottom: 16 }} data-testid="case-person-card">
      <Typography.Text type="secondary">{[p.idNumberMasked, p.jurisdictionName].filter(Boolean).join(' · ')}</Typography.Text>
      {p.householdId !== null ? (
        <Link to={`/registry/households/${p.householdId}`} target="_blank">
          {t('case.new.household', { id: p.householdId })}
        </Link>
      ) : (
        <Typography.Text type="warning">{t('case.new.noHousehold')}</Typography.Text>
      )}
    </Flex>
  );
}

/** The 一次性告知 checklist for the program chosen: tick what the applicant handed in. */
function MaterialsField({ program, category }: { program?: CaseProgram; category?: Category }) {
  const { lang, t } = useI18n();
  const list = useMaterialsList(program, program === 'temporary' ? category : undefined);
  const materials = list.data?.items[0]?.materials ?? [];
  if (!program) return null;
  if (program === 'temporary' && !category) return <Typography.Paragraph type="secondary">{t('case.new.pickCategory')}</Typography.Paragraph>;
  return (
    <Form.Item name="materialsReceived" label={t('case.new.materials')} extra={t('case.new.materialsHint')}>
      {list.isPending ? (
        <Spin size="small" />
      ) : (
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
          {materials.map((m) => (
            <Checkbox key={m.code} value={m.code} data-material={m.code}>
              {inLang(m, lang)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </Form.Item>
  );
}

/** 登记救助申请 (受理): who applies, for what, how it came in, what was handed in, the two signatures. */
export function NewCasePage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().md !== true;
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const [problem, setProblem] = useState<string>();
  const gridOnly = user.roles.length > 0 && user.roles.every((r) => r === 'grid_worker');

  const program = Form.useWatch('program', form);
  const category = Form.useWatch('category', form);
  const channel = Form.useWatch('channel', form);
  const applicant = Form.useWatch('applicantPersonId', form);
  const beneficiary = Form.useWatch('beneficiaryPersonId', form);
  const temporary = program === 'temporary';
  const personLevel = program === 'tekun' || program === 'fcu' || program === 'temporary';

  const onFinish = (v: Values) => {
    setProblem(undefined);
    create.mutate(
      {
        program: v.program,
        applicantPersonId: v.applicantPersonId,
        beneficiaryPersonId: personLevel ? v.beneficiaryPersonId : undefined,
        channel: v.channel,
        sourceRef: v.sourceRef?.trim() || undefined,
        category: temporary ? v.category : undefined,
        causeKind: temporary ? v.causeKind : undefined,
        causeEventOn: temporary && v.causeEventOn ? dateOf(v.causeEventOn) : undefined,
        causeReference: temporary ? v.causeReference?.trim() || undefined : undefined,
        cause: temporary ? v.cause?.trim() || undefined : undefined,
        requestedFen: v.requestedFen?.trim() ? parseYuan(v.requestedFen) : undefined,
        peopleCovered: v.peopleCovered ?? undefined,
        promiseSigned: v.promiseSigned,
        dataCheckAuthorised: v.dataCheckAuthorised,
        materialsReceived: v.materialsReceived ?? [],
        ties: v.ties ?? [],
        receivedOn: dateOf(v.receivedOn),
      },
      {
        onSuccess: (c) => {
          void message.success(t('case.new.created', { no: c.caseNo }));
          void navigate(`/cases/${c.id}`);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, FIELDS)) setProblem(errorText(error, lang, t('common.unknownError')));
        },
      },
    );
  };

  const size = phone ? 'large' : 'middle';
  return (
    <div data-testid="case-new-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'cases', title: <Link to="/cases">{t('module.cases.name')}</Link> }, { key: 'new', title: t('case.new.title') }]}
      />
      <PageHeading title={t('case.new.title')}>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('case.new.intro')}
        </Typography.Paragraph>
      </PageHeading>
      <Card style={{ maxWidth: 820 }} styles={{ body: { padding: phone ? 16 : 24 } }}>
        <Form<Values>
          form={form}
          layout="vertical"
          size={size}
          scrollToFirstError
          initialValues={{ channel: gridOnly ? 'proactive' : 'application', receivedOn: toDayValue(todayLocal()), materialsReceived: [], promiseSigned: false, dataCheckAuthorised: false, ties: [] }}
          onFinish={onFinish}
          onValuesChange={(changed: Partial<Values>) => {
            // Another program or category has another checklist.
            if ('program' in changed || 'category' in changed) form.setFieldValue('materialsReceived', []);
          }}
        >
          <Form.Item name="applicantPersonId" label={t('case.new.applicant')} extra={t('case.new.applicantHint')} rules={[{ required: true, message: t('case.new.applicantRequired') }]}>
            <PersonSelect id="applicantPersonId" />
          </Form.Item>
          <PersonCard id={applicant} />

          <Form.Item name="program" label={t('case.program')} rules={[{ required: true, message: t('case.new.programRequired') }]}>
            {phone ? (
              <Select placeholder={t('case.new.programRequired')} options={PROGRAMS.map((p) => ({ value: p, label: programLabel(p, t) }))} />
            ) : (
              <Radio.Group optionType="button" buttonStyle="solid" options={PROGRAMS.map((p) => ({ value: p, label: programLabel(p, t) }))} />
            )}
          </Form.Item>

          {personLevel && (
            <>
              <Form.Item
                name="beneficiaryPersonId"
                label={t(program === 'fcu' ? 'case.new.child' : 'case.new.beneficiary')}
                extra={program === 'fcu' ? undefined : t('case.new.beneficiaryHint')}
                rules={program === 'fcu' ? [{ required: true, message: t('case.new.childRequired') }] : []}
              >
                <PersonSelect id="beneficiaryPersonId" />
              </Form.Item>
              {beneficiary !== undefined && <PersonCard id={beneficiary} />}
            </>
          )}

          {temporary && (
            <>
              <Form.Item name="category" label={t('case.category')} extra={t('case.new.categoryHint')} rules={[{ required: true, message: t('case.new.categoryRequired') }]}>
                <Radio.Group optionType="button" buttonStyle="solid" options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, t) }))} />
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('case.new.causeHint')}</Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="causeKind" label={t('case.causeKind')} rules={[{ required: true, message: t('case.new.causeKindRequired') }]}>
                    <Select showSearch optionFilterProp="label" options={CAUSE_KINDS.map((k) => ({ value: k, label: causeKindLabel(k, lang) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="causeEventOn" label={t('case.causeEventOn')} rules={[{ required: true, message: t('case.new.causeEventOnRequired') }]}>
                    <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="causeReference" label={t('case.causeReference')} extra={t('case.new.causeReferenceHint')}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="cause" label={t('case.cause')} rules={[{ required: true, whitespace: true, message: t('case.new.causeRequired') }, { min: 2, message: t('case.new.causeRequired') }]}>
                <Input maxLength={200} placeholder={t('case.new.causePlaceholder')} />
              </Form.Item>
            </>
          )}

          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="requestedFen"
                label={t(temporary ? 'case.new.requested' : 'case.new.requestedMonthly')}
                rules={temporary ? moneyRules(t) : [{ validator: (_, v: string | undefined) => (!v?.trim() || parseYuan(v) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('money.invalid')))) }]}
              >
                <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} placeholder={temporary ? undefined : t('case.new.requestedOptional')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="peopleCovered" label={t('case.form.peopleCovered')}>
                <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('case.channel')} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t), disabled: gridOnly && c !== 'proactive' }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="receivedOn" label={t('case.receivedOn')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          {(channel === 'help_request' || channel === 'monitoring') && (
            <Form.Item name="sourceRef" label={t('case.new.sourceRef')}>
              <Input maxLength={100} />
            </Form.Item>
          )}

          <MaterialsField program={program} category={category} />

          <Form.Item
            name="promiseSigned"
            valuePropName="checked"
            style={{ marginBottom: 8 }}
            extra={t('case.new.promiseHint')}
          >
            <Checkbox data-testid="promise-signed">{t('case.materials.promise')}</Checkbox>
          </Form.Item>
          <Form.Item name="dataCheckAuthorised" valuePropName="checked" extra={t('case.new.dataCheckHint')}>
            <Checkbox data-testid="data-check-authorised">{t('case.materials.dataCheck')}</Checkbox>
          </Form.Item>

          <Form.List name="ties">
            {(fields, { add, remove }) => (
              <Form.Item label={t('case.new.ties')} extra={t('case.new.tiesHint')}>
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap align="center">
                      <Form.Item name={[f.name, 'role']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                        <Select style={{ minWidth: 180 }} placeholder={t('case.new.tieRole')} options={TIE_ROLES.map((r) => ({ value: r, label: t(`case.tie.role.${r}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'relation']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                        <Select style={{ minWidth: 140 }} placeholder={t('case.new.tieRelation')} options={TIE_RELATIONS.map((r) => ({ value: r, label: t(`case.tie.relation.${r}`) }))} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <div>
                    <Button icon={<PlusOutlined />} onClick={() => add()} size="middle">
                      {t('case.new.addTie')}
                    </Button>
                  </div>
                </Flex>
              </Form.Item>
            )}
          </Form.List>

          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="case-new-error" />}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending} block={phone} data-testid="case-new-submit">
              {t('case.new.submit')}
            </Button>
            <Button onClick={() => void navigate('/cases')} block={phone}>
              {t('common.cancel')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
