import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, isFutureDay } from '../../lib/dates.ts';
import { parseYuan } from '../../lib/money.ts';
import { moneyRules } from '../households/moneyField.ts';
import { codeLabel } from '../persons/labels.ts';
import { usePublicPlaces } from './api.ts';
import {
  DISABILITIES,
  EMERGENCIES,
  INITIAL_VALUES,
  newMember,
  RELATIONSHIPS,
  SEPARATIONS,
  type SelfCheckValues,
} from './selfCheckForm.ts';

const MAX_MEMBERS = 12;

function Step({ n, title, children, testId }: { n: number; title: string; children: ReactNode; testId: string }) {
  return (
    <section className="lm-sc-step" data-testid={testId}>
      <h2 className="lm-sc-step-title">
        <span className="lm-sc-step-n" aria-hidden>
          {n}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

interface Props {
  form: FormInstance<SelfCheckValues>;
  initialCounty?: string;
  pending: boolean;
  onSubmit: (values: SelfCheckValues) => void;
}

/** 居民自助测算: four short steps — where you live, who lives with you, money, special situations. */
export function SelfCheckForm({ form, initialCounty, pending, onSubmit }: Props) {
  const { t } = useI18n();
  const places = usePublicPlaces();
  const required = { required: true, message: t('common.required') };
  const optionalYuan = [
    {
      validator: (_: unknown, value: string | undefined) =>
        !value?.trim() || parseYuan(value) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('money.invalid'))),
    },
  ];
  const unemployed = Form.useWatch('unemployed', form);

  return (
    <Form<SelfCheckValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onSubmit}
      disabled={pending}
      initialValues={{ ...INITIAL_VALUES, countyCode: initialCounty }}
      scrollToFirstError={{ block: 'center' }}
      data-testid="self-check-form"
    >
      <Step n={1} title={t('selfCheck.step.place')} testId="self-check-step-place">
        <Form.Item name="countyCode" label={t('selfCheck.county')} rules={[{ required: true, message: t('selfCheck.countyRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('selfCheck.countyPlaceholder')}
            loading={places.isPending}
            notFoundContent={places.isError ? t('selfCheck.placesFailed') : undefined}
            options={(places.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.parentName} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="area" label={t('selfCheck.area')} rules={[{ required: true, message: t('selfCheck.areaRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'urban', label: t('selfCheck.area.urban') },
              { value: 'rural', label: t('selfCheck.area.rural') },
            ]}
          />
        </Form.Item>
        <Form.Item name="localHukou" label={t('selfCheck.localHukou')} extra={t('selfCheck.localHukouHint')}>
          <Radio.Group
            options={[
              { value: true, label: t('selfCheck.yes') },
              { value: false, label: t('selfCheck.no') },
            ]}
          />
        </Form.Item>
      </Step>

      <Step n={2} title={t('selfCheck.step.members')} testId="self-check-step-members">
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} className="lm-sc-member" data-testid={`self-check-member-${index}`}>
                  <div className="lm-sc-member-head">
                    <Typography.Text strong>{t('selfCheck.member', { n: index + 1 })}</Typography.Text>
                    {fields.length > 1 && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('selfCheck.removeMember', { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      >
                        {t('selfCheck.remove')}
                      </Button>
                    )}
                  </div>
                  <Row gutter={12}>
                    <Col xs={12}>
                      <Form.Item name={[field.name, 'relationship']} label={t('selfCheck.relationship')} rules={[required]}>
                        <Select options={RELATIONSHIPS.map((r) => ({ value: r, label: codeLabel('relationship', r, t) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item name={[field.name, 'age']} label={t('selfCheck.age')} rules={[{ required: true, message: t('selfCheck.ageRequired') }]}>
                        <InputNumber min={0} max={120} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('selfCheck.years')} />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item name={[field.name, 'disability']} label={t('selfCheck.disability')}>
                        <Select
                          options={DISABILITIES.map((d) => ({
                            value: d,
                            label: d === 'none' ? t('selfCheck.disability.none') : codeLabel('disabilityCategory', d, t),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12}>
                      <Form.Item noStyle dependencies={[['members', field.name, 'disability']]}>
                        {({ getFieldValue }) =>
                          getFieldValue(['members', field.name, 'disability']) !== 'none' && (
                            <Form.Item name={[field.name, 'disabilityGrade']} label={t('selfCheck.disabilityGrade')} rules={[required]}>
                              <Select options={[1, 2, 3, 4].map((g) => ({ value: g, label: codeLabel('disabilityGrade', g, t) }))} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[field.name, 'seriousIllness']} valuePropName="checked" style={{ marginBottom: 4 }}>
                    <Checkbox>{t('selfCheck.seriousIllness')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'fullTimeStudent']} valuePropName="checked" style={{ marginBottom: 12 }}>
                    <Checkbox>{t('selfCheck.fullTimeStudent')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[field.name, 'selfCareItemsFailed']} label={t('selfCheck.selfCare')} extra={t('selfCheck.selfCareHint')} style={{ marginBottom: 0 }}>
                    <InputNumber min={0} max={6} precision={0} inputMode="numeric" style={{ width: 120 }} />
                  </Form.Item>
                </div>
              ))}
              {fields.length < MAX_MEMBERS && (
                <Button block icon={<PlusOutlined />} onClick={() => add(newMember(fields.length))} data-testid="self-check-add-member">
                  {t('selfCheck.addMember')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Step>

      <Step n={3} title={t('selfCheck.step.money')} testId="self-check-step-money">
        <Form.Item name="monthlyIncomeYuan" label={t('selfCheck.monthlyIncome')} extra={t('selfCheck.monthlyIncomeHint')} rules={moneyRules(t)}>
          <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} />
        </Form.Item>
        <Form.Item name="depositsYuan" label={t('selfCheck.deposits')} extra={t('selfCheck.depositsHint')} rules={optionalYuan}>
          <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} placeholder="0" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="houses" label={t('selfCheck.houses')}>
              <InputNumber min={0} max={20} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('selfCheck.housesUnit')} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="vehicles" label={t('selfCheck.vehicles')}>
              <InputNumber min={0} max={20} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('selfCheck.vehiclesUnit')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="medicalAndEducationCostsLast12MonthsYuan"
          label={t('selfCheck.costs')}
          extra={t('selfCheck.costsHint')}
          rules={optionalYuan}
        >
          <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} placeholder="0" />
        </Form.Item>
      </Step>

      <Step n={4} title={t('selfCheck.step.situation')} testId="self-check-step-situation">
        <Form.Item name="emergency" label={t('selfCheck.emergency')}>
          <Select options={EMERGENCIES.map((e) => ({ value: e, label: t(`selfCheck.emergency.${e}`) }))} />
        </Form.Item>
        <Form.Item name="unemployed" valuePropName="checked" label={t('selfCheck.unemployed')} extra={t('selfCheck.unemployedHint')}>
          <Switch checkedChildren={t('selfCheck.yes')} unCheckedChildren={t('selfCheck.no')} />
        </Form.Item>
        {unemployed && (
          <div className="lm-sc-member" data-testid="self-check-unemployment">
            <Row gutter={12}>
              <Col xs={12}>
                <Form.Item name={['unemployment', 'contributionMonths']} label={t('selfCheck.contributionMonths')} rules={[required]}>
                  <InputNumber min={0} max={600} precision={0} inputMode="numeric" style={{ width: '100%' }} suffix={t('selfCheck.monthsUnit')} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name={['unemployment', 'separationDate']} label={t('selfCheck.separationDate')} rules={[required]}>
                  <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name={['unemployment', 'separation']} label={t('selfCheck.separation')} rules={[required]}>
              <Select options={SEPARATIONS.map((s) => ({ value: s, label: t(`selfCheck.separation.${s}`) }))} />
            </Form.Item>
            <Form.Item name={['unemployment', 'registered']} label={t('selfCheck.registered')} rules={[required]} style={{ marginBottom: 0 }}>
              <Radio.Group
                options={[
                  { value: true, label: t('selfCheck.yes') },
                  { value: false, label: t('selfCheck.no') },
                ]}
              />
            </Form.Item>
          </div>
        )}
      </Step>

      <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="self-check-submit">
        {t('selfCheck.submit')}
      </Button>
    </Form>
  );
}
