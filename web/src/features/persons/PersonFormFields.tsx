import { Checkbox, Col, DatePicker, Divider, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { levelOf } from '../../../../src/lib/division-code.ts';
import { parseIdNumber } from '../../../../src/lib/id-number.ts';
import { SELF_CARE_ITEMS, type Person } from '../../../../src/modules/persons/persons.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, isFutureDay, toDayValue } from '../../lib/dates.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { codeOptions, DISABILITY_GRADES, ILLNESS_CODES, PERSON_CODES, TAG_CODES } from './labels.ts';
import type { PersonFormValues } from './personForm.ts';

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

/** Two or three fields a row on wide screens, one on phones. */
function Field({ wide = false, children }: { wide?: boolean; children: ReactNode }) {
  return (
    <Col xs={24} sm={wide ? 24 : 12} lg={wide ? 24 : 8}>
      {children}
    </Col>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginBlock: 8 }}>
        <strong>{title}</strong>
      </Divider>
      <Row gutter={16}>{children}</Row>
    </>
  );
}

/** The person form's fields in four groups: 基本信息, 联系与居住, 健康与残疾, 特殊群体. */
export function PersonFormFields({ form, editing }: { form: FormInstance<PersonFormValues>; editing?: Person }) {
  const { lang, t } = useI18n();
  const idNumber = Form.useWatch('idNumber', form);
  const fromIdNumber = Boolean(idNumber?.trim()) || Boolean(editing?.idNumberMasked);
  // Editing keeps whatever a select holds unless changed: the API cannot empty a field.
  const clearable = !editing;

  const options = (kind: keyof typeof PERSON_CODES) => codeOptions(kind, PERSON_CODES[kind], t);

  const checkIdNumber = (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const parsed = parseIdNumber(value.trim());
    if (parsed.ok) return Promise.resolve();
    return Promise.reject(new Error(t('person.idNumberProblem', { problem: lang === 'zh' ? parsed.messageZh : parsed.message })));
  };
  const onIdNumber = (value: string) => {
    const parsed = parseIdNumber(value.trim());
    if (parsed.ok) form.setFieldsValue({ sex: parsed.sex, birthDate: toDayValue(parsed.birthDate) });
  };
  const checkResidence = (_: unknown, value: string | undefined) => {
    if (!value) return Promise.resolve();
    const level = levelOf(value);
    return level === 'village' || level === 'grid' ? Promise.resolve() : Promise.reject(new Error(t('person.jurisdictionLevel')));
  };
  const checkDisabilityPair = () => {
    const { disabilityCategory, disabilityGrade } = form.getFieldsValue(['disabilityCategory', 'disabilityGrade']) as PersonFormValues;
    return (disabilityCategory === undefined) === (disabilityGrade === undefined)
      ? Promise.resolve()
      : Promise.reject(new Error(t('person.disabilityPair')));
  };

  return (
    <>
      <Section title={t('person.section.basic')}>
        <Field>
          <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }, { max: 50 }]}>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="idNumber"
            label={t('person.idNumber')}
            extra={editing?.idNumberMasked ? t('person.idNumberKeep', { masked: editing.idNumberMasked }) : t('person.idNumberHint')}
            rules={[{ validator: checkIdNumber }]}
            validateDebounce={300}
          >
            <Input autoComplete="off" maxLength={18} onChange={(e) => onIdNumber(e.target.value)} style={{ fontVariantNumeric: 'tabular-nums' }} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="sex" label={t('person.sex')}>
            <Select allowClear={clearable} disabled={fromIdNumber} options={options('sex')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="birthDate" label={t('person.birthDate')}>
            <DatePicker format={DATE_FORMAT} disabled={fromIdNumber} disabledDate={isFutureDay} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="ethnicity" label={t('person.ethnicity')} rules={[{ max: 20 }]}>
            <Input autoComplete="off" maxLength={20} placeholder={t('person.ethnicityPlaceholder')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="maritalStatus" label={t('person.maritalStatus')}>
            <Select allowClear={clearable} options={options('maritalStatus')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="education" label={t('person.education')}>
            <Select allowClear={clearable} options={options('education')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="employmentStatus" label={t('person.employmentStatus')}>
            <Select allowClear={clearable} options={options('employmentStatus')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="workCapacity" label={t('person.workCapacity')}>
            <Select allowClear={clearable} options={options('workCapacity')} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="deathDate" label={t('person.deathDate')}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Field>
      </Section>

      <Section title={t('person.section.contact')}>
        <Field>
          <Form.Item
            name="phone"
            label={t('person.phone')}
            extra={editing?.phoneMasked ? t('person.phoneKeep', { masked: editing.phoneMasked }) : undefined}
            rules={[{ pattern: PHONE, message: t('person.phoneInvalid') }]}
          >
            <Input autoComplete="off" inputMode="tel" maxLength={13} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="jurisdictionCode"
            label={t('person.jurisdiction')}
            rules={[{ required: true, message: t('person.jurisdictionRequired') }, { validator: checkResidence }]}
          >
            <JurisdictionPicker valueLabel={editing?.jurisdictionName ?? undefined} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="hukouCode" label={t('person.hukou')}>
            <JurisdictionPicker allowClear={clearable} />
          </Form.Item>
        </Field>
        <Field wide>
          <Form.Item name="address" label={t('person.address')} rules={[{ max: 200 }]}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="contactCardNo" label={t('person.contactCardNo')} rules={[{ max: 30 }]}>
            <Input autoComplete="off" maxLength={30} />
          </Form.Item>
        </Field>
      </Section>

      <Section title={t('person.section.health')}>
        <Field>
          <Form.Item name="disabilityCategory" label={t('person.disabilityCategory')}>
            <Select
              allowClear={clearable}
              options={options('disabilityCategory')}
              onChange={() => void form.validateFields(['disabilityGrade']).catch(() => undefined)}
            />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item
            name="disabilityGrade"
            label={t('person.disabilityGrade')}
            dependencies={['disabilityCategory']}
            rules={[{ validator: checkDisabilityPair }]}
          >
            <Select allowClear={clearable} options={codeOptions('disabilityGrade', DISABILITY_GRADES, t)} />
          </Form.Item>
        </Field>
        <Field>
          <Form.Item name="seriousIllnesses" label={t('person.seriousIllnesses')}>
            <Select mode="multiple" allowClear options={codeOptions('illness', ILLNESS_CODES, t)} />
          </Form.Item>
        </Field>
        <Field wide>
          <Form.Item name="selfCare" label={t('person.selfCare')} extra={t('person.selfCareHint')}>
            <Checkbox.Group options={codeOptions('selfCare', SELF_CARE_ITEMS, t).map((o) => ({ ...o, value: String(o.value) }))} />
          </Form.Item>
        </Field>
      </Section>

      <Section title={t('person.section.groups')}>
        <Field wide>
          <Form.Item name="tags" label={t('person.tags')}>
            <Select mode="multiple" allowClear options={codeOptions('tag', TAG_CODES, t)} />
          </Form.Item>
        </Field>
      </Section>
    </>
  );
}
