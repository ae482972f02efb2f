import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import type { UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useRevealPhone } from './api.ts';

interface Values {
  reason: string;
}

/**
 * Full phone numbers are personal data: staff state why they need one, the server records the
 * reason in the audit log, and only then is the number shown.
 */
export function RevealPhoneModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const reveal = useRevealPhone();
  const revealed = reveal.data;

  const onFinish = ({ reason }: Values) =>
    reveal.mutate(
      { id: user.id, body: { field: 'phone', reason: reason.trim() } },
      {
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, ['reason'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={t('users.revealTitle', { name: user.displayName })}
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
                {t('users.reveal')}
              </Button>,
            ]
      }
    >
      <Alert type="warning" showIcon icon={<AuditOutlined />} title={t('users.revealAudited')} style={{ marginBottom: 16 }} />
      {revealed ? (
        <div data-testid="revealed-phone">
          <Typography.Text type="secondary">{t('users.phone')}</Typography.Text>
          <Typography.Paragraph copyable={revealed.value ? { text: revealed.value } : false} style={{ fontSize: 20, margin: 0 }}>
            {revealed.value ?? t('users.noPhone')}
          </Typography.Paragraph>
        </div>
      ) : (
        <Form<Values> form={form} name="reveal" layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="reason"
            label={t('users.revealReason')}
            rules={[
              { required: true, whitespace: true, message: t('users.revealReasonRequired') },
              { min: 4, message: t('users.revealReasonRequired') },
              { max: 200 },
            ]}
          >
            <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder={t('users.revealReasonPlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
