import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyFieldErrors, useShowError } from '../api/errors.ts';
import { useI18n } from '../i18n/index.ts';

interface Props {
  title: ReactNode;
  hint?: ReactNode;
  okText: string;
  danger?: boolean;
  /** Runs the change; resolves when it succeeded (the modal then closes). */
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

interface Values {
  reason: string;
}

/**
 * Asks why before a change that the history and audit log must explain (removing a member,
 * changing the head). The server's own check on the reason lands on the field.
 */
export function ReasonModal({ title, hint, okText, danger = false, onSubmit, onClose }: Props) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);

  const onFinish = async ({ reason }: Values) => {
    setPending(true);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, lang, ['reason'])) showError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="reason" layout="vertical" onFinish={(values) => void onFinish(values)}>
        <Form.Item
          name="reason"
          label={t('reason.label')}
          rules={[
            { required: true, whitespace: true, message: t('reason.required') },
            { min: 4, message: t('reason.required') },
          ]}
        >
          <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder={t('reason.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
