import { App, Form, Input, Modal } from 'antd';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useUpdateHousehold } from './api.ts';
import { BANK_ACCOUNT } from './CreateHouseholdModal.tsx';

interface Values {
  address?: string;
  bankName?: string;
  bankAccount?: string;
  accountHolder?: string;
  reason?: string;
}

const FIELDS = ['address', 'bankName', 'bankAccount', 'accountHolder', 'reason'];

/** Address and bank account; the account and holder are masked, so blank keeps them. */
export function HouseholdEditModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateHousehold();
  const text = (value: string | undefined) => value?.trim() || undefined;

  const onFinish = (values: Values) => {
    const body: Record<string, string> = {};
    const address = text(values.address);
    if (address && address !== household.address) body.address = address;
    const bankName = text(values.bankName);
    if (bankName && bankName !== household.bankName) body.bankName = bankName;
    const bankAccount = text(values.bankAccount);
    if (bankAccount) body.bankAccount = bankAccount;
    const accountHolder = text(values.accountHolder);
    if (accountHolder) body.accountHolder = accountHolder;
    if (Object.keys(body).length === 0) {
      void message.info(t('person.noChange'));
      onClose();
      return;
    }
    const reason = text(values.reason);
    update.mutate(
      { id: household.id, body: { ...body, ...(reason ? { reason } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('household.updated'));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, FIELDS)) showError(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('household.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="household"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ address: household.address ?? undefined, bankName: household.bankName ?? undefined }}
      >
        <Form.Item name="address" label={t('household.address')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="bankName" label={t('household.bankName')} rules={[{ max: 50 }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label={t('household.bankAccount')}
          extra={household.bankAccountMasked ? t('household.keep', { masked: household.bankAccountMasked }) : undefined}
          rules={[{ pattern: BANK_ACCOUNT, message: t('household.bankAccountInvalid') }]}
        >
          <Input autoComplete="off" inputMode="numeric" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="accountHolder"
          label={t('household.accountHolder')}
          extra={household.accountHolderMasked ? t('household.keep', { masked: household.accountHolderMasked }) : undefined}
          rules={[{ max: 50 }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="reason" label={t('person.reason')} extra={t('person.reasonHint')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('person.reasonPlaceholder')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
