import { Alert, App, Breadcrumb, Button, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Radio, Row, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CHECKLIST_PRESETS } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { applyFieldErrors, errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { codeLabel } from '../persons/labels.ts';
import { useCreateCampaign } from './api.ts';
import { ChecklistEditor, type QuestionValue, type ResultValue } from './ChecklistEditor.tsx';
import { CriteriaFields, criteriaOf, type CriteriaValues } from './CriteriaFields.tsx';

type Preset = keyof typeof CHECKLIST_PRESETS | 'custom';

interface Values extends CriteriaValues {
  preset: Preset;
  name: string;
  description?: string;
  jurisdictionCode?: string;
  startsOn: DayValue;
  endsOn: DayValue;
  revisitDays: number;
  source: 'query' | 'import';
  results: ResultValue[];
  questions: QuestionValue[];
}

const PRESET_CRITERIA: Record<Preset, CriteriaValues> = {
  vaccination: { minAge: 80, maxAge: null, tags: [] },
  childVisit: { minAge: null, maxAge: 17, tags: ['child_in_difficulty'] },
  winterCheck: { minAge: null, maxAge: null, tags: ['elderly_alone'] },
  custom: { minAge: null, maxAge: null, tags: [] },
};

const STEP_FIELDS: (string | (string | number)[])[][] = [
  ['preset', 'name', 'jurisdictionCode', 'startsOn', 'endsOn', 'revisitDays'],
  ['source', 'under', 'minAge', 'maxAge', 'tags'],
  ['results', 'questions'],
  [],
];
const ALL_FIELDS = ['name', 'description', 'jurisdictionCode', 'startsOn', 'endsOn', 'revisitDays', 'under', 'minAge', 'maxAge', 'tags', 'results', 'questions'];

/**
 * 发起专项行动, in four steps: what and where (a ready-made checklist to start from), who (a
 * registry query with a live count, or a list to import next), the checklist, and a summary.
 */
export function CampaignWizard() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string>();
  const create = useCreateCampaign();
  const values = (Form.useWatch([], form) ?? {}) as Partial<Values>;
  const vaccination = CHECKLIST_PRESETS.vaccination;

  const applyPreset = (preset: Preset) => {
    const p = preset === 'custom' ? undefined : CHECKLIST_PRESETS[preset];
    form.setFieldsValue({
      ...(p ? { name: lang === 'zh' ? p.name : p.nameEn } : {}),
      results: p ? p.checklist.results.map((r) => ({ ...r })) : [{ label: '', closes: true }],
      questions: p ? (p.checklist.questions ?? []).map((q) => ({ ...q, required: q.required ?? false })) : [],
      ...PRESET_CRITERIA[preset],
    });
  };

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step]!, { recursive: true });
      setStep(step + 1);
    } catch {
      // the fields show what is missing
    }
  };

  const submit = async () => {
    setProblem(undefined);
    const v = form.getFieldsValue(true) as Values;
    // A template's English labels go along only while its Chinese label is unchanged.
    const preset = v.preset === 'custom' ? undefined : CHECKLIST_PRESETS[v.preset].checklist;
    const english = (code: string | undefined, label: string, labelEn: string | undefined, items: readonly { code?: string; label: string }[] | undefined) =>
      labelEn && items?.some((i) => i.code === code && i.label === label.trim()) ? { labelEn } : {};
    try {
      const campaign = await create.mutateAsync({
        name: v.name.trim(),
        description: v.description?.trim() || undefined,
        jurisdictionCode: v.jurisdictionCode ?? '',
        startsOn: dateOf(v.startsOn) ?? todayLocal(),
        endsOn: dateOf(v.endsOn) ?? todayLocal(),
        revisitDays: v.revisitDays,
        checklist: {
          results: v.results.map((r) => ({ ...(r.code ? { code: r.code } : {}), label: r.label.trim(), ...english(r.code, r.label, r.labelEn, preset?.results), closes: Boolean(r.closes) })),
          questions: (v.questions ?? []).map((q) => ({
            ...(q.code ? { code: q.code } : {}),
            label: q.label.trim(),
            ...english(q.code, q.label, q.labelEn, preset?.questions),
            kind: q.kind,
            ...(q.kind === 'choice' ? { options: q.options ?? [] } : {}),
            required: Boolean(q.required),
          })),
        },
        ...(v.source === 'query' ? { criteria: criteriaOf(v) } : {}),
      });
      void message.success(t('campaign.created', { n: campaign.counts.total }));
      void navigate(v.source === 'import' ? `/campaigns/${campaign.id}/list` : `/campaigns/${campaign.id}`);
    } catch (error) {
      if (applyFieldErrors(form, error, lang, ALL_FIELDS)) {
        const fields = (error as { body?: { fields?: { field: string }[] } }).body?.fields ?? [];
        const first = fields[0]?.field.split('.').pop() ?? '';
        setStep(Math.max(0, STEP_FIELDS.findIndex((names) => names.includes(first))));
      } else setProblem(errorText(error, lang, t('common.unknownError')));
    }
  };

  const startsOn = dateOf(values.startsOn);
  const criteria = criteriaOf(values);

  return (
    <div data-testid="campaign-wizard" style={{ maxWidth: 880 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'list', title: <Link to="/campaigns">{t('module.campaigns.name')}</Link> },
          { key: 'new', title: t('campaign.create') },
        ]}
      />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('campaign.create')}
      </Typography.Title>
      <Steps
        current={step}
        size="small"
        responsive
        style={{ marginBottom: 24 }}
        items={[{ title: t('campaign.step.basics') }, { title: t('campaign.step.targets') }, { title: t('campaign.step.checklist') }, { title: t('campaign.step.confirm') }]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          preset: 'vaccination',
          name: lang === 'zh' ? vaccination.name : vaccination.nameEn,
          jurisdictionCode: user.jurisdictionCode || undefined,
          startsOn: toDayValue(todayLocal()),
          endsOn: toDayValue(todayLocal())?.add(30, 'day'),
          revisitDays: 3,
          source: 'query',
          results: vaccination.checklist.results.map((r) => ({ ...r })),
          questions: (vaccination.checklist.questions ?? []).map((q) => ({ ...q, required: q.required ?? false })),
          ...PRESET_CRITERIA.vaccination,
          tagMode: 'any',
        }}
      >
        <div hidden={step !== 0}>
          <Form.Item name="preset" label={t('campaign.preset')}>
            <Radio.Group
              optionType="button"
              onChange={(e) => applyPreset(e.target.value as Preset)}
              options={(['vaccination', 'childVisit', 'winterCheck', 'custom'] as const).map((p) => ({
                value: p,
                label: p === 'custom' ? t('campaign.presetCustom') : lang === 'zh' ? CHECKLIST_PRESETS[p].name : CHECKLIST_PRESETS[p].nameEn,
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('campaign.name')} rules={[{ required: true, whitespace: true, message: t('campaign.nameRequired') }]}>
            <Input id="campaign-name" maxLength={80} />
          </Form.Item>
          <Form.Item name="jurisdictionCode" label={t('campaign.area')} extra={t('campaign.areaHint')} rules={[{ required: true, message: t('campaign.areaRequired') }]}>
            <JurisdictionPicker valueLabel={user.jurisdictionName} aria-label={t('campaign.area')} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={12} md={8}>
              <Form.Item name="startsOn" label={t('campaign.startsOn')} rules={[{ required: true, message: t('campaign.dateRequired') }]}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="endsOn"
                label={t('campaign.endsOn')}
                dependencies={['startsOn']}
                rules={[
                  { required: true, message: t('campaign.dateRequired') },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: DayValue | undefined) => {
                      const s = dateOf(getFieldValue('startsOn') as DayValue | undefined);
                      if (v && s && dateOf(v)! < s) throw new Error(t('campaign.endBeforeStart'));
                    },
                  }),
                ]}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="revisitDays" label={t('campaign.revisitDays')} extra={t('campaign.revisitDaysHint')} rules={[{ required: true }]}>
                <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} inputMode="numeric" suffix={t('campaign.days')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label={t('campaign.description')}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </div>

        <div hidden={step !== 1}>
          <Form.Item name="source" label={t('campaign.source')}>
            <Radio.Group
              options={[
                { value: 'query', label: t('campaign.sourceQuery') },
                { value: 'import', label: t('campaign.sourceImport') },
              ]}
            />
          </Form.Item>
          {values.source === 'import' ? (
            <Alert type="info" showIcon title={t('campaign.sourceImportHint')} />
          ) : (
            <CriteriaFields area={values.jurisdictionCode} startsOn={startsOn} />
          )}
        </div>

        <div hidden={step !== 2}>
          <ChecklistEditor />
        </div>

        {step === 3 && (
          <Descriptions
            data-testid="campaign-summary"
            bordered
            size="small"
            column={1}
            items={[
              { key: 'name', label: t('campaign.name'), children: values.name },
              { key: 'area', label: t('campaign.area'), children: values.jurisdictionCode === user.jurisdictionCode ? user.jurisdictionName : values.jurisdictionCode },
              { key: 'period', label: t('campaign.period'), children: `${startsOn ?? ''} ~ ${dateOf(values.endsOn) ?? ''}` },
              { key: 'revisit', label: t('campaign.revisitDays'), children: `${values.revisitDays ?? ''} ${t('campaign.days')}` },
              {
                key: 'targets',
                label: t('campaign.step.targets'),
                children:
                  values.source === 'import'
                    ? t('campaign.sourceImport')
                    : [
                        criteria.under ? `${t('campaign.criteria.under')} ${criteria.under}` : t('campaign.criteria.wholeArea'),
                        criteria.minAge !== undefined ? `≥ ${criteria.minAge} ${t('campaign.years')}` : '',
                        criteria.maxAge !== undefined ? `≤ ${criteria.maxAge} ${t('campaign.years')}` : '',
                        criteria.tags?.map((c) => codeLabel('tag', c, t)).join(criteria.tagMode === 'all' ? ' + ' : ' / ') ?? '',
                        criteria.sex ? codeLabel('sex', criteria.sex, t) : '',
                      ]
                        .filter(Boolean)
                        .join('；'),
              },
              {
                key: 'results',
                label: t('campaign.checklist.results'),
                children: (values.results ?? []).map((r) => `${r.label}${r.closes ? `（${t('campaign.checklist.closes')}）` : `（${t('campaign.checklist.revisit')}）`}`).join('、'),
              },
              { key: 'questions', label: t('campaign.checklist.questions'), children: (values.questions ?? []).map((q) => q.label).join('、') || '—' },
            ]}
          />
        )}

        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
        <Flex gap={8} justify="flex-end" style={{ marginTop: 24 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('campaign.back')}</Button>}
          {step < 3 ? (
            <Button type="primary" onClick={() => void next()} data-testid="wizard-next">
              {t('campaign.next')}
            </Button>
          ) : (
            <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="wizard-create">
              {t('campaign.createSubmit')}
            </Button>
          )}
        </Flex>
      </Form>
    </div>
  );
}
