import { Alert, Col, Form, InputNumber, Row, Segmented, Select, Spin, Typography } from 'antd';
import type { TargetCriteria } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { codeLabel, TAG_CODES } from '../persons/labels.ts';
import { usePreview } from './api.ts';

export interface CriteriaValues {
  under?: string;
  minAge?: number | null;
  maxAge?: number | null;
  tags?: string[];
  tagMode?: 'any' | 'all';
  sex?: 'male' | 'female';
}

/** The form's criteria as the API takes them (empty fields left out). */
export function criteriaOf(v: CriteriaValues): TargetCriteria {
  return {
    ...(v.under ? { under: v.under } : {}),
    ...(typeof v.minAge === 'number' ? { minAge: v.minAge } : {}),
    ...(typeof v.maxAge === 'number' ? { maxAge: v.maxAge } : {}),
    ...(v.tags?.length ? { tags: v.tags, tagMode: v.tagMode ?? 'any' } : {}),
    ...(v.sex ? { sex: v.sex } : {}),
  };
}

/**
 * 按条件生成名单: place, age on the start date, special-group tags, sex — with the number of people
 * it finds, counted by the server as the fields change.
 */
export function CriteriaFields({ area, startsOn }: { area: string | undefined; startsOn: string | undefined }) {
  const { lang, t } = useI18n();
  const form = Form.useFormInstance();
  const values = (Form.useWatch([], form) ?? {}) as CriteriaValues;
  const criteria = criteriaOf(values);
  const ready = Boolean(area && startsOn) && (criteria.minAge === undefined || criteria.maxAge === undefined || criteria.minAge <= criteria.maxAge);
  const body = useDebounced(ready ? { jurisdictionCode: area!, startsOn: startsOn!, criteria } : undefined, 400);
  const preview = usePreview(body);

  return (
    <div data-testid="criteria-fields">
      <Row gutter={[12, 0]}>
        <Col xs={24} md={12}>
          <Form.Item name="under" label={t('campaign.criteria.under')} extra={t('campaign.criteria.underHint')}>
            <JurisdictionPicker allowClear placeholder={t('campaign.criteria.wholeArea')} aria-label={t('campaign.criteria.under')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="minAge" label={t('campaign.criteria.minAge')}>
            <InputNumber id="criteria-min-age" min={0} max={130} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="maxAge" label={t('campaign.criteria.maxAge')}>
            <InputNumber id="criteria-max-age" min={0} max={130} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="tags" label={t('campaign.criteria.tags')}>
            <Select mode="multiple" allowClear placeholder={t('campaign.criteria.anyone')} options={TAG_CODES.map((c) => ({ value: c, label: codeLabel('tag', c, t) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="tagMode" label={t('campaign.criteria.tagMode')} initialValue="any">
            <Segmented<string>
              options={[
                { value: 'any', label: t('campaign.criteria.tagAny') },
                { value: 'all', label: t('campaign.criteria.tagAll') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="sex" label={t('person.sex')}>
            <Select
              allowClear
              placeholder={t('campaign.criteria.anyone')}
              options={[
                { value: 'male', label: codeLabel('sex', 'male', t) },
                { value: 'female', label: codeLabel('sex', 'female', t) },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('campaign.criteria.ageHint', { date: startsOn ?? '—' })}
      </Typography.Paragraph>
      {preview.isError ? (
        <Alert type="error" showIcon title={errorText(preview.error, lang, t('common.unknownError'))} />
      ) : (
        <Spin spinning={preview.isFetching} size="small">
          <Alert
            data-testid="criteria-preview"
            data-count={preview.data?.count ?? ''}
            type="info"
            showIcon
            title={preview.data ? t('campaign.criteria.preview', { n: preview.data.count, unassigned: preview.data.unassigned }) : t('campaign.criteria.previewWaiting')}
          />
        </Spin>
      )}
    </div>
  );
}
