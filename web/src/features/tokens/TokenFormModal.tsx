import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { z } from 'zod';
import type { CreatedApiToken } from '../../../../src/modules/auth/auth.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { roleLabel, useRoles } from '../users/api.ts';
import { useCreateToken } from './api.ts';

interface Values {
  name: string;
  role: string;
  jurisdictionCode?: string;
  expiresInDays?: number | null;
}

const FIELDS = ['name', 'role', 'jurisdictionCode', 'expiresInDays'];

/** A token acts with one role inside one jurisdiction, for a limited time unless left open. */
export function TokenFormModal({
  onCreated,
  onClose,
}: {
  onCreated: (token: z.infer<typeof CreatedApiToken>) => void;
  onClose: () => void;
}) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const roles = useRoles();
  const create = useCreateToken();

  const onFinish = (values: Values) =>
    create.mutate(
      {
        name: values.name.trim(),
        role: values.role,
        jurisdictionCode: values.jurisdictionCode ?? '',
        ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, FIELDS)) showError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={t('tokens.createTitle')}
      okText={t('tokens.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="token"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ expiresInDays: 365, jurisdictionCode: me.jurisdictionCode }}
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          extra={t('tokens.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }, { max: 100 }]}
        >
          <Input autoComplete="off" maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="role" label={t('tokens.role')} rules={[{ required: true, message: t('tokens.roleRequired') }]}>
          <Select
            loading={roles.isPending}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.role, label: roleLabel(roles.data?.items, r.role, lang) }))}
          />
        </Form.Item>
        <Form.Item
          name="jurisdictionCode"
          label={t('tokens.jurisdiction')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                value === undefined ? Promise.reject(new Error(t('users.jurisdictionRequired'))) : Promise.resolve(),
            },
          ]}
        >
          <JurisdictionPicker allowWholeSystem={me.jurisdictionCode === ''} valueLabel={me.jurisdictionName} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresHint')}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('tokens.days')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
