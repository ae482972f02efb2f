import { Alert, App, Checkbox, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import type { Person } from '../../../../src/modules/persons/persons.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { PersonSelect } from '../persons/PersonSelect.tsx';
import { useAddMember, type Relationship } from './api.ts';
import { MemberFlagFields } from './MemberFlagFields.tsx';
import { DEFAULT_FLAG_VALUES, flagsOf, type FlagValues } from './memberForm.ts';
import { memberRelationshipOptions } from './relationships.ts';

interface Values {
  personId: number;
  relationship: Relationship;
  flags: FlagValues;
  move?: boolean;
}

/** Add a registered person to the household; someone from another household moves over. */
export function AddMemberModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const add = useAddMember();
  const [person, setPerson] = useState<Person>();
  const inOther = person?.householdId != null && person.householdId !== household.id ? person.householdId : undefined;
  const already = person !== undefined && household.members.some((m) => m.personId === person.id);

  const onFinish = (values: Values) =>
    add.mutate(
      {
        id: household.id,
        body: {
          personId: values.personId,
          relationship: values.relationship,
          flags: flagsOf(values.flags),
          ...(inOther !== undefined ? { move: true } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('member.added', { name: person?.name ?? '' }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, ['personId', 'relationship'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open
      title={t('member.addTitle')}
      okText={t('member.add')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ disabled: already }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="addMember"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ flags: DEFAULT_FLAG_VALUES }}
      >
        <Form.Item
          name="personId"
          label={t('member.person')}
          extra={t('member.personHint')}
          rules={[{ required: true, message: t('member.personRequired') }]}
        >
          <PersonSelect onPerson={setPerson} />
        </Form.Item>
        {already && <Alert type="warning" showIcon title={t('member.alreadyMember')} style={{ marginBottom: 16 }} />}
        {inOther !== undefined && (
          <>
            <Alert type="warning" showIcon title={t('member.inOtherHousehold', { id: inOther })} style={{ marginBottom: 8 }} />
            <Form.Item
              name="move"
              valuePropName="checked"
              rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('member.moveRequired')))) }]}
            >
              <Checkbox>{t('member.move')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="relationship" label={t('member.relationship')} rules={[{ required: true, message: t('member.relationshipRequired') }]}>
          <Select options={memberRelationshipOptions(t)} />
        </Form.Item>
        <MemberFlagFields />
      </Form>
    </Modal>
  );
}
