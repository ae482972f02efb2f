import { Alert, App, Form, Input, Modal } from 'antd';
import { levelOf } from '../../../../src/lib/division-code.ts';
import type { Person } from '../../../../src/modules/persons/persons.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useCreateHousehold } from './api.ts';

interface Values {
  jurisdictionCode: string;
  address?: string;
  bankName?: string;
  bankAccount?: string;
  accountHolder?: string;
}

const FIELDS = ['jurisdictionCode', 'address', 'bankName', 'bankAccount', 'accountHolder'];
export const BANK_ACCOUNT = /^\d{10,30}$/;

/** 建户: a household with this person as head, at their place of residence by default. */
export function CreateHouseholdModal({
  person,
  onClose,
  onCreated,
}: {
  person: Person;
  onClose: () => void;
  onCreated: (householdId: number) => void;
}) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const text = (value: string | undefined) => value?.trim() || undefined;

  const onFinish = (values: Values) =>
    create.mutate(
      {
        jurisdictionCode: values.jurisdictionCode,
        headPersonId: person.id,
        address: text(values.address),
        bankName: text(values.bankName),
        bankAccount: text(values.bankAccount),
        accountHolder: text(values.accountHolder),
      },
      {
        onSuccess: (household) => {
          void message.success(t('household.created'));
          onClose();
          onCreated(household.id);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, FIELDS)) showError(error);
        },
      },
    );

  const checkLevel = (_: unknown, value: string | undefined) => {
    const level = value ? levelOf(value) : undefined;
    return !value || level === 'village' || level === 'grid' ? Promise.resolve() : Promise.reject(new Error(t('person.jurisdictionLevel')));
  };

  return (
    <Modal
      open
      title={t('household.createTitle', { name: person.name })}
      okText={t('person.createHousehold')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('household.createHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        name="createHousehold"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ jurisdictionCode: person.jurisdictionCode, address: person.address ?? undefined, accountHolder: person.name }}
      >
        <Form.Item
          name="jurisdictionCode"
          label={t('household.jurisdiction')}
          rules={[{ required: true, message: t('household.jurisdictionRequired') }, { validator: checkLevel }]}
        >
          <JurisdictionPicker valueLabel={person.jurisdictionName ?? undefined} />
        </Form.Item>
        <Form.Item name="address" label={t('household.address')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="bankName" label={t('household.bankName')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="bankAccount" label={t('household.bankAccount')} rules={[{ pattern: BANK_ACCOUNT, message: t('household.bankAccountInvalid') }]}>
          <Input autoComplete="off" inputMode="numeric" maxLength={30} />
        </Form.Item>
        <Form.Item name="accountHolder" label={t('household.accountHolder')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
