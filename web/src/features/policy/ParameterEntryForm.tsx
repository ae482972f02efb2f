import { Alert, App, Button, DatePicker, Form, Input, Radio, Select, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { SOURCE_TAGS } from '../../../../src/modules/policy/policy.schema.ts';
import { isApiError } from '../../api/client.ts';
import { applyFieldErrors, errorText } from '../../api/errors.ts';
import { canEditPolicyAt } from '../../auth/access.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, toDayValue, type DayValue } from '../../lib/dates.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useAddParameterEntry, type ResolvedParameter } from './api.ts';
import { sourceTagLabel, unitText, type SourceTag } from './labels.ts';
import { fromInput, toInput, type Parsed, type ValueInput } from './parameterValue.ts';

interface Values {
  jurisdiction: string;
  from: DayValue;
  value: ValueInput;
  tag: SourceTag;
  source: string;
}
const FIELDS = ['jurisdiction', 'from', 'value', 'tag', 'source'];

function problemText(problem: Extract<Parsed, { ok: false }>['problem'], t: Translate): string {
  switch (problem) {
    case 'fen':
      return t('money.invalid');
    case 'bp':
      return t('policy.value.bpInvalid');
    case 'int':
      return t('policy.value.intInvalid');
    case 'json':
      return t('policy.value.jsonInvalid');
    default:
      return t('common.required');
  }
}

/** The input for a value of this kind: 元, %, a number, yes/no, a date, an option, tags or JSON. */
function ValueField({ parameter }: { parameter: ResolvedParameter }) {
  const { lang, t } = useI18n();
  const kind = parameter.kind;
  const unit = unitText(parameter.unit, lang);
  const rules: FormRule[] = [
    {
      validator: (_, value: ValueInput) => {
        const parsed = fromInput(kind, value);
        return parsed.ok ? Promise.resolve() : Promise.reject(new Error(problemText(parsed.problem, t)));
      },
    },
  ];
  const label = t('policy.entry.value');
  switch (kind) {
    case 'fen':
      return (
        <Form.Item name="value" label={label} rules={rules} extra={t('policy.value.fenHint')}>
          <Input inputMode="decimal" autoComplete="off" suffix={unit || t('finance.unit')} />
        </Form.Item>
      );
    case 'bp':
      return (
        <Form.Item name="value" label={label} rules={rules} extra={t('policy.value.bpHint')}>
          <Input inputMode="decimal" autoComplete="off" suffix="%" />
        </Form.Item>
      );
    case 'int':
      return (
        <Form.Item name="value" label={label} rules={rules}>
          <Input inputMode="numeric" autoComplete="off" suffix={unit || undefined} />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item name="value" label={label} rules={rules}>
          <Radio.Group
            options={[
              { value: true, label: t('policy.bool.true') },
              { value: false, label: t('policy.bool.false') },
            ]}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          name="value"
          label={label}
          rules={rules}
          getValueProps={(value: string | undefined) => ({ value: toDayValue(value) })}
          normalize={(value: DayValue | null) => dateOf(value)}
        >
          <DatePicker format={DATE_FORMAT} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item name="value" label={label} rules={rules}>
          <Select options={(parameter.options ?? []).map((o) => ({ value: o, label: o }))} />
        </Form.Item>
      );
    case 'list':
      return (
        <Form.Item name="value" label={label} rules={rules} extra={t('policy.value.listHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name="value" label={label} rules={rules} extra={t('policy.value.jsonHint')}>
          <Input.TextArea rows={6} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      );
  }
}

/**
 * 新增定期值: a new value of one parameter for a jurisdiction from a date, with its source. Older
 * values stay; the newest one dated on or before a day applies on that day.
 */
export function ParameterEntryForm({ parameter, jurisdiction }: { parameter: ResolvedParameter; jurisdiction: string }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const add = useAddParameterEntry();
  const [refusal, setRefusal] = useState<unknown>(null);

  const onFinish = (v: Values) => {
    const parsed = fromInput(parameter.kind, v.value);
    const from = dateOf(v.from);
    if (!parsed.ok || !from) return; // the field rules already say why
    setRefusal(null);
    add.mutate(
      { key: parameter.key, jurisdiction: v.jurisdiction, from, value: parsed.value, tag: v.tag, source: v.source.trim() },
      {
        onSuccess: (entry) => {
          void message.success(t('policy.entry.saved', { place: entry.jurisdictionName || entry.jurisdiction, from: entry.from }));
          form.resetFields(['from', 'source']);
        },
        onError: (error) => {
          if (applyFieldErrors(form, error, lang, FIELDS)) return;
          // A rule across parameters (benefit below minimum wage …) concerns the value itself.
          if (isApiError(error) && error.status === 400) {
            form.setFields([{ name: 'value', errors: [errorText(error, lang, t('common.unknownError'))] }]);
          } else {
            setRefusal(error);
          }
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={add.isPending}
      data-testid="parameter-entry-form"
      initialValues={{ jurisdiction, value: toInput(parameter.kind, parameter.value), tag: 'L', source: '' }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('policy.entry.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('policy.entry.intro')}</Typography.Paragraph>
      {refusal !== null && (
        <Alert type="error" showIcon role="alert" title={errorText(refusal, lang, t('common.unknownError'))} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="jurisdiction"
        label={t('policy.entry.jurisdiction')}
        rules={[
          {
            validator: (_, code: string | undefined) =>
              code === undefined
                ? Promise.reject(new Error(t('common.required')))
                : canEditPolicyAt(user, code)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('policy.entry.outsideArea'))),
          },
        ]}
      >
        <JurisdictionPicker allowWholeSystem={user.jurisdictionCode === ''} />
      </Form.Item>
      <Form.Item name="from" label={t('policy.entry.from')} rules={[{ required: true, message: t('common.required') }]} extra={t('policy.entry.fromHint')}>
        <DatePicker format={DATE_FORMAT} inputReadOnly style={{ width: '100%' }} />
      </Form.Item>
      <ValueField parameter={parameter} />
      <Form.Item name="tag" label={t('policy.entry.tag')}>
        <Select options={SOURCE_TAGS.map((tag) => ({ value: tag, label: `${tag} · ${sourceTagLabel(tag, t)}` }))} />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('policy.entry.source')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('policy.entry.sourceRequired') }, { max: 300 }]}
      >
        <Input.TextArea rows={2} maxLength={300} placeholder={t('policy.entry.sourcePlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('policy.entry.submit')}
      </Button>
    </Form>
  );
}
