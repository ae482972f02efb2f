import { App, Form, Input, Modal, Select } from 'antd';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useUpdateMember, type Relationship } from './api.ts';
import { MemberFlagFields } from './MemberFlagFields.tsx';
import { changedFlags, flagsOf, flagValues, type FlagValues } from './memberForm.ts';
import { memberRelationshipOptions } from './relationships.ts';

type Member = Household['members'][number];

interface Values {
  relationship: Relationship;
  flags: FlagValues;
  reason?: string;
}

/** Relationship (not for the head) and the living-together flags of one member. */
export function MemberEditModal({ household, member, onClose }: { household: Household; member: Member; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const update = useUpdateMember();
  const isHead = member.relationship === 'head';

  const onFinish = (values: Values) => {
    const flags = changedFlags(member.flags, flagsOf(values.flags));
    const relationship = !isHead && values.relationship !== member.relationship ? values.relationship : undefined;
    if (!relationship && Object.keys(flags).length === 0) {
      void message.info(t('person.noChange'));
      onClose();
      return;
    }
    const reason = values.reason?.trim();
    update.mutate(
      {
        id: household.id,
        personId: member.personId,
        body: {
          ...(relationship ? { relationship } : {}),
          ...(Object.keys(flags).length ? { flags } : {}),
          ...(reason ? { reason } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('member.updated', { name: member.name }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error, lang, ['relationship', 'reason'])) showError(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('member.editTitle', { name: member.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="member"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ relationship: member.relationship, flags: flagValues(member.flags) }}
      >
        {!isHead && (
          <Form.Item name="relationship" label={t('member.relationship')} rules={[{ required: true, message: t('member.relationshipRequired') }]}>
            <Select options={memberRelationshipOptions(t)} />
          </Form.Item>
        )}
        <MemberFlagFields />
        <Form.Item name="reason" label={t('person.reason')} extra={t('person.reasonHint')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('person.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
