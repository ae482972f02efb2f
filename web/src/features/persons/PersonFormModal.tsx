import { App, Form, Grid, Input, Modal } from 'antd';
import type { Person } from '../../../../src/modules/persons/persons.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { useCreatePerson, useUpdatePerson } from './api.ts';
import { PersonFormFields } from './PersonFormFields.tsx';
import { initialValues, PERSON_FORM_FIELDS, toInput, toPatch, type PersonFormValues } from './personForm.ts';

/** Register a person, or edit one (with an optional reason kept in the history). */
export function PersonFormModal({
  person,
  onClose,
  onCreated,
}: {
  /** Absent: a new person. */
  person?: Person;
  onClose: () => void;
  onCreated?: (person: Person) => void;
}) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = Grid.useBreakpoint().sm !== true;
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();

  const onError = (error: unknown) => {
    const placed = applyFieldErrors(form, error, lang, PERSON_FORM_FIELDS);
    const first = form.getFieldsError().find((f) => f.errors.length > 0);
    if (first) form.scrollToField(first.name, { block: 'center' });
    // A duplicate ID number names the existing record in the message: show it too.
    if (!placed || isApiError(error, 'already_exists')) showError(error);
  };

  const onFinish = (values: PersonFormValues) => {
    const selfCareTouched = form.isFieldTouched('selfCare');
    if (!person) {
      create.mutate(toInput(values, selfCareTouched), {
        onSuccess: (created) => {
          void message.success(t('person.created', { name: created.name }));
          onClose();
          onCreated?.(created);
        },
        onError,
      });
      return;
    }
    const patch = toPatch(values, person, selfCareTouched);
    if (Object.keys(patch).length === 0) {
      void message.info(t('person.noChange'));
      onClose();
      return;
    }
    const reason = values.reason?.trim();
    update.mutate(
      { id: person.id, body: { ...patch, ...(reason ? { reason } : {}) } },
      {
        onSuccess: (saved) => {
          void message.success(t('person.updated', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open
      width={phone ? undefined : 920}
      title={person ? t('person.editTitle', { name: person.name }) : t('person.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<PersonFormValues>
        form={form}
        name="person"
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues(person)}
        scrollToFirstError
        data-testid="person-form"
      >
        <PersonFormFields form={form} editing={person} />
        {person && (
          <Form.Item name="reason" label={t('person.reason')} extra={t('person.reasonHint')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('person.reasonPlaceholder')} />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
