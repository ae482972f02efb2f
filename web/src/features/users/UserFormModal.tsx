import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import type { RoleName, UpdateUserBody, UserSummary } from '../../../../src/modules/users/users.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { roleLabel, useCreateUser, useRoles, useUpdateUser } from './api.ts';

export type UserFormTarget = { kind: 'create' } | { kind: 'edit'; user: UserSummary };

interface Values {
  username: string;
  displayName: string;
  password: string;
  jurisdictionCode?: string;
  roles: RoleName[];
  phone?: string;
  clearPhone?: boolean;
  disabled?: boolean;
}

const FIELDS = ['username', 'displayName', 'password', 'jurisdictionCode', 'roles', 'phone', 'disabled'];
const USERNAME = /^[a-zA-Z0-9_.-]{3,64}$/;
const PHONE = /^1[3-9]\d{9}$/;

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Create an account, or edit one (name, jurisdiction, roles, disabled, phone). */
export function UserFormModal({ target, onClose }: { target: UserFormTarget; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const roles = useRoles();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target.kind === 'edit' ? target.user : undefined;
  const clearPhone = Form.useWatch('clearPhone', form) === true;

  const onError = (error: unknown) => {
    if (!applyFieldErrors(form, error, lang, FIELDS)) showError(error);
  };

  const onFinish = (values: Values) => {
    const phone = values.phone?.trim() || undefined;
    if (!editing) {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          jurisdictionCode: values.jurisdictionCode ?? '',
          roles: values.roles,
          ...(phone ? { phone } : {}),
        },
        {
          onSuccess: (user) => {
            void message.success(t('users.created', { name: user.displayName }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    // PATCH only what changed: the audit log then shows exactly what the admin did.
    const body: UpdateUserBody = {};
    if (values.displayName.trim() !== editing.displayName) body.displayName = values.displayName.trim();
    if (values.jurisdictionCode !== undefined && values.jurisdictionCode !== editing.jurisdictionCode) {
      body.jurisdictionCode = values.jurisdictionCode;
    }
    if (!sameRoles(values.roles, editing.roles)) body.roles = values.roles;
    if ((values.disabled ?? false) !== editing.disabled) body.disabled = values.disabled ?? false;
    if (values.clearPhone) body.phone = null;
    else if (phone) body.phone = phone;
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: editing.id, body },
      {
        onSuccess: (user) => {
          void message.success(t('users.updated', { name: user.displayName }));
          onClose();
        },
        onError,
      },
    );
  };

  const roleOptions = (roles.data?.items ?? []).map((r) => ({ value: r.role, label: roleLabel(roles.data?.items, r.role, lang) }));
  const initialValues: Partial<Values> = editing
    ? {
        displayName: editing.displayName,
        jurisdictionCode: editing.jurisdictionCode,
        roles: editing.roles as RoleName[],
        disabled: editing.disabled,
      }
    : { roles: [] };

  return (
    <Modal
      open
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} name="user" layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHint')}
            rules={[
              { required: true, whitespace: true, message: t('users.usernameRequired') },
              { pattern: USERNAME, message: t('users.usernameHint') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="off" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 50 }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.initialPasswordHint')}
            rules={[{ required: true, message: t('users.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" maxLength={256} />
          </Form.Item>
        )}
        <Form.Item
          name="jurisdictionCode"
          label={t('users.jurisdiction')}
          extra={t('users.jurisdictionHint')}
          // '' (whole system) is a real choice, so "required" means "not undefined" here.
          rules={[
            {
              validator: (_, value: string | undefined) =>
                value === undefined ? Promise.reject(new Error(t('users.jurisdictionRequired'))) : Promise.resolve(),
            },
          ]}
        >
          <JurisdictionPicker allowWholeSystem={me.jurisdictionCode === ''} valueLabel={editing?.jurisdictionName} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select mode="multiple" options={roleOptions} loading={roles.isPending} optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          extra={editing?.phoneMasked ? t('users.phoneKeep', { phone: editing.phoneMasked }) : undefined}
          rules={[{ pattern: PHONE, message: t('users.phoneInvalid') }]}
        >
          <Input inputMode="tel" autoComplete="off" maxLength={11} disabled={clearPhone} />
        </Form.Item>
        {editing?.phoneMasked && (
          <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{t('users.clearPhone')}</Checkbox>
          </Form.Item>
        )}
        {editing && (
          <Form.Item name="disabled" label={t('users.disabledLabel')} valuePropName="checked" extra={t('users.disabledHint')}>
            <Switch />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
