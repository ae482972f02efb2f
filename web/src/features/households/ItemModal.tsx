import { App, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useAddItem, type ItemBody, type ItemKind } from './api.ts';

interface Props<K extends ItemKind, V> {
  kind: K;
  household: Household;
  title: string;
  /** Form field names, for the server's field errors. */
  fields: string[];
  initialValues?: Partial<V>;
  toBody: (values: V) => ItemBody[K];
  children: (form: FormInstance<V>) => ReactNode;
  onClose: () => void;
}

/** The frame the income, asset and expense forms share: modal, submit, field errors. */
export function ItemModal<K extends ItemKind, V extends object>({ kind, household, title, fields, initialValues, toBody, children, onClose }: Props<K, V>) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<V>();
  const add = useAddItem(kind);

  const onFinish = (values: V) =>
    add.mutate(
      { id: household.id, body: toBody(values) },
      {
        onSuccess: () => {
          void message.success(t('item.added'));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, fields)) showError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<V> form={form} name={kind} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        {children(form)}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
