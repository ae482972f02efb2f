import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyFieldErrors, errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';

export interface ActionModalProps<V, R = unknown> {
  title: ReactNode;
  okText: string;
  danger?: boolean;
  /** Shown above the form: what the step does, what follows. */
  hint?: ReactNode;
  /** Form field names, so the server's per-field messages land on them (named as in the API). */
  fields: string[];
  initialValues?: Partial<V>;
  /** Runs the action; resolves to its answer (for a case action: the case as it now stands). */
  submit: (values: V) => Promise<R>;
  onDone?: (result: R) => void;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
}

/**
 * The frame of every case action: a form in a modal, validated in the browser, then by the
 * server, whose bilingual messages go on the fields they name, or above the form (a step that
 * may not be taken now, a missing material) in the current language.
 */
export function ActionModal<V extends object, R = unknown>({ title, okText, danger, hint, fields, initialValues, submit, onDone, onClose, children, testId }: ActionModalProps<V, R>) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<V>();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string>();

  const onFinish = async (values: V) => {
    setPending(true);
    setProblem(undefined);
    try {
      const result = await submit(values);
      onDone?.(result);
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, lang, fields)) setProblem(errorText(error, lang, t('common.unknownError')));
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
      maskClosable={false}
    >
      <div data-testid={testId ?? 'action-modal'}>
        {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-error" />}
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)}>
          {typeof children === 'function' ? children(form) : children}
          <button type="submit" hidden />
        </Form>
      </div>
    </Modal>
  );
}
