import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { QUESTION_KINDS } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { useI18n } from '../../i18n/index.ts';

export interface ResultValue {
  code?: string;
  label: string;
  labelEn?: string;
  closes: boolean;
}
export interface QuestionValue {
  code?: string;
  label: string;
  labelEn?: string;
  kind: (typeof QUESTION_KINDS)[number];
  options?: string[];
  required: boolean;
}

/**
 * 走访清单: the results a visit may end with — each either strikes the target off (销号) or asks
 * for a re-visit — and the questions every visit answers (text, a choice, or yes/no).
 */
export function ChecklistEditor() {
  const { t } = useI18n();
  return (
    <div data-testid="checklist-editor">
      <Typography.Title level={5}>{t('campaign.checklist.results')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('campaign.checklist.resultsHint')}</Typography.Paragraph>
      <Form.List
        name="results"
        rules={[
          {
            validator: async (_, value: ResultValue[] | undefined) => {
              if (!value?.length) throw new Error(t('campaign.checklist.needResult'));
              if (!value.some((r) => r?.closes)) throw new Error(t('campaign.checklist.needClosing'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} wrap gap={8} align="start" style={{ marginBottom: 8 }} data-testid={`checklist-result-${i}`}>
                <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('campaign.checklist.labelRequired') }]} style={{ flex: '1 1 160px', marginBottom: 0 }}>
                  <Input placeholder={t('campaign.checklist.resultPlaceholder')} maxLength={40} aria-label={t('campaign.checklist.resultLabel')} />
                </Form.Item>
                <Form.Item name={[field.name, 'closes']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Switch checkedChildren={t('campaign.checklist.closes')} unCheckedChildren={t('campaign.checklist.revisit')} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('campaign.checklist.remove')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', closes: true })} style={{ marginBottom: 16 }}>
              {t('campaign.checklist.addResult')}
            </Button>
          </>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('campaign.checklist.questions')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('campaign.checklist.questionsHint')}</Typography.Paragraph>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                <Flex wrap gap={8} align="start">
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('campaign.checklist.labelRequired') }]} style={{ flex: '1 1 180px', marginBottom: 8 }}>
                    <Input placeholder={t('campaign.checklist.questionPlaceholder')} maxLength={60} aria-label={t('campaign.checklist.questionLabel')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} style={{ flex: '0 0 120px', marginBottom: 8 }}>
                    <Select aria-label={t('campaign.checklist.kind')} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`campaign.kind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Switch checkedChildren={t('campaign.checklist.required')} unCheckedChildren={t('campaign.checklist.optional')} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('campaign.checklist.remove')} onClick={() => remove(field.name)} />
                </Flex>
                <Form.Item noStyle shouldUpdate={(a, b) => a.questions?.[field.name]?.kind !== b.questions?.[field.name]?.kind}>
                  {({ getFieldValue }) =>
                    getFieldValue(['questions', field.name, 'kind']) === 'choice' && (
                      <Form.Item
                        name={[field.name, 'options']}
                        rules={[{ validator: async (_, v: string[] | undefined) => { if (new Set(v ?? []).size < 2) throw new Error(t('campaign.checklist.needOptions')); } }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('campaign.checklist.optionsPlaceholder')} aria-label={t('campaign.checklist.options')} open={false} suffixIcon={null} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', kind: 'text', required: false })}>
              {t('campaign.checklist.addQuestion')}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
