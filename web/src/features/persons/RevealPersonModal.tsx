import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useRevealPerson, type RevealField } from './api.ts';

interface Values {
  reason: string;
}

/**
 * Full ID numbers and phones are personal data: staff state why they need one, the server
 * records the reason in the audit log, and only then is the value shown.
 */
export function RevealPersonModal({
  person,
  field,
  onClose,
}: {
  person: { id: number; name: string };
  field: RevealField;
  onClose: () => void;
}) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const reveal = useRevealPerson();
  const revealed = reveal.data;
  const fieldName = t(field === 'idNumber' ? 'person.idNumber' : 'person.phone');

  const onFinish = ({ reason }: Values) =>
    reveal.mutate(
      { id: person.id, field, reason: reason.trim() },
      {
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, ['reason'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={t('person.revealTitle', { name: person.name, field: fieldName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        revealed
          ? [
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={reveal.isPending} onClick={() => form.submit()}>
                {t('person.reveal')}
              </Button>,
            ]
      }
    >
      <Alert type="warning" showIcon icon={<AuditOutlined />} title={t('person.revealAudited')} style={{ marginBottom: 16 }} />
      {revealed ? (
        <div data-testid="revealed-value">
          <Typography.Text type="secondary">{fieldName}</Typography.Text>
          <Typography.Paragraph copyable={revealed.value ? { text: revealed.value } : false} style={{ fontSize: 20, margin: 0 }}>
            {revealed.value ?? t('person.notRecorded')}
          </Typography.Paragraph>
        </div>
      ) : (
        <Form<Values> form={form} name="revealPerson" layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="reason"
            label={t('person.revealReason')}
            rules={[
              { required: true, whitespace: true, message: t('person.revealReasonRequired') },
              { min: 4, message: t('person.revealReasonRequired') },
              { max: 200 },
            ]}
          >
            <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder={t('person.revealReasonPlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
