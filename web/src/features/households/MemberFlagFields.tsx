import { Checkbox, Col, DatePicker, Form, Row, Select } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, isFutureDay } from '../../lib/dates.ts';

/** The facts that decide whether a member counts as 共同生活的家庭成员 (names under `flags`). */
export function MemberFlagFields() {
  const { t } = useI18n();
  const box = (name: string, label: string) => (
    <Form.Item name={['flags', name]} valuePropName="checked" style={{ marginBottom: 4 }}>
      <Checkbox>{label}</Checkbox>
    </Form.Item>
  );
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('member.flags')}</legend>
      {box('livingTogether', t('flag.livingTogether'))}
      {box('fullTimeStudent', t('flag.fullTimeStudent'))}
      {box('servingSentence', t('flag.servingSentence'))}
      {box('legalSupportDuty', t('flag.legalSupportDuty'))}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} sm={12}>
          <Form.Item name={['flags', 'able']} label={t('flag.ableToLiveIndependently')}>
            <Select
              options={[
                { value: 'unknown', label: t('flag.unknown') },
                { value: 'yes', label: t('flag.able') },
                { value: 'no', label: t('flag.notAble') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={['flags', 'clergyLivingApartSince']} label={t('flag.clergyLivingApartSince')} extra={t('flag.clergyHint')}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
