import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { applyFieldErrors, useShowError } from '../api/errors.ts';
import { useI18n } from '../i18n/index.ts';

export type RevealTexts = {
  title: string;
  fieldLabel: string;
  okText: string;
  audited: string;
  reasonLabel: string;
  reasonRequired: string;
  reasonPlaceholder: string;
  empty: string;
};

/**
 * Full sensitive values (ID numbers, phones) are personal data: staff state why they need one,
 * the server records the reason in the audit log, and only then is the value shown.
 */
export function RevealModal(props: {
  texts: RevealTexts;
  testId: string;
  revealed: { value: string | null } | undefined;
  pending: boolean;
  reveal: (reason: string, onError: (error: unknown) => void) => void;
  onClose: () => void;
}) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason: string }>();
  const { texts, revealed } = props;
  const onFinish = ({ reason }: { reason: string }) =>
    props.reveal(reason.trim(), (error) => {
      if (!applyFieldErrors(form, error as never, lang, ['reason'])) showError(error as never);
    });

  return (
    <Modal
      open
      title={texts.title}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        revealed
          ? [
              <Button key="close" type="primary" onClick={props.onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={props.pending} onClick={() => form.submit()}>
                {texts.okText}
              </Button>,
            ]
      }
    >
      <Alert type="warning" showIcon icon={<AuditOutlined />} title={texts.audited} style={{ marginBottom: 16 }} />
      {revealed ? (
        <div data-testid={props.testId}>
          <Typography.Text type="secondary">{texts.fieldLabel}</Typography.Text>
          <Typography.Paragraph copyable={revealed.value ? { text: revealed.value } : false} style={{ fontSize: 20, margin: 0 }}>
            {revealed.value ?? texts.empty}
          </Typography.Paragraph>
        </div>
      ) : (
        <Form<{ reason: string }> form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="reason"
            label={texts.reasonLabel}
            rules={[{ required: true, whitespace: true, message: texts.reasonRequired }, { min: 4, message: texts.reasonRequired }, { max: 200 }]}
          >
            <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder={texts.reasonPlaceholder} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
