import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { CouncilItemInput } from '../../../../src/modules/requests/requests.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { dateOf, isFutureDay, type DayValue } from '../../lib/dates.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useAddItems, useCategories, useCreateMeeting, type Meeting } from './api.ts';
import { nameIn } from './labels.ts';

type ItemValues = { categoryCode: string; description: string; ownerName?: string; address?: string };
const toItem = (i: ItemValues): CouncilItemInput => ({
  categoryCode: i.categoryCode,
  description: i.description.trim(),
  ...(i.ownerName?.trim() ? { ownerName: i.ownerName.trim() } : {}),
  ...(i.address?.trim() ? { address: i.address.trim() } : {}),
});

/** 议事事项: what was raised, and who took it on the spot. */
function ItemsList({ name }: { name: string }) {
  const { lang, t } = useI18n();
  const categories = useCategories();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top" data-testid={`meeting-item-${i}`}>
              <Col xs={24} md={5}>
                <Form.Item name={[f.name, 'categoryCode']} rules={[{ required: true, message: t('request.categoryRequired') }]}>
                  <Select placeholder={t('request.category')} options={(categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: nameIn(c, lang) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name={[f.name, 'description']} rules={[{ required: true, whitespace: true, min: 2, message: t('request.descriptionRequired') }]}>
                  <Input placeholder={t('request.council.itemPlaceholder')} maxLength={2000} />
                </Form.Item>
              </Col>
              <Col xs={20} md={8}>
                <Form.Item name={[f.name, 'ownerName']}>
                  <Input placeholder={t('request.council.owner')} maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={4} md={1}>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="meeting-add-item">
            {t('request.council.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

type Values = { jurisdictionCode: string; heldOn: DayValue; title: string; place?: string; attendees: { name: string; role?: string }[]; notes?: string; items: ItemValues[] };

/** 登记议事会: when, where, who sat together, and the items raised (each becomes a tracked request). */
export function MeetingForm({ onClose, onCreated }: { onClose: () => void; onCreated: (m: Meeting) => void }) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const create = useCreateMeeting();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    create.mutate(
      { jurisdictionCode: v.jurisdictionCode, heldOn: dateOf(v.heldOn)!, title: v.title.trim(), place: v.place?.trim() || undefined, notes: v.notes?.trim() || undefined, attendees: v.attendees.map((a) => ({ name: a.name.trim(), ...(a.role?.trim() ? { role: a.role.trim() } : {}) })), items: (v.items ?? []).map(toItem) },
      { onSuccess: onCreated, onError: (error) => void (applyFieldErrors(form, error, lang, ['jurisdictionCode', 'heldOn', 'title', 'attendees']) || showError(error)) },
    );
  return (
    <Modal open width={880} title={t('request.council.create')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ attendees: [{ name: '', role: '' }], items: [{}] }} onFinish={submit} data-testid="meeting-form">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('request.council.meetingTitle')} rules={[{ required: true, whitespace: true, min: 2, message: t('request.council.titleRequired') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="jurisdictionCode" label={t('request.council.community')} rules={[{ required: true, message: t('request.placeRequired') }]}>
              <JurisdictionPicker />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="heldOn" label={t('request.council.heldOn')} rules={[{ required: true, message: t('request.council.heldOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFutureDay} />
            </Form.Item>
          </Col>
          <Col xs={12} md={16}>
            <Form.Item name="place" label={t('request.council.place')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('request.council.attendees')} required>
          <Form.List name="attendees">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8}>
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: t('request.council.attendeeRequired') }]}>
                      <Input placeholder={t('request.council.attendeeName')} maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} noStyle>
                      <Input placeholder={t('request.council.attendeeRole')} maxLength={50} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.delete')} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('request.council.addAttendee')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('request.council.items')}>
          <ItemsList name="items" />
        </Form.Item>
        <Form.Item name="notes" label={t('request.council.notes')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 补充议事事项. */
export function AddItemsForm({ meetingId, onClose }: { meetingId: number; onClose: () => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const add = useAddItems();
  const [form] = Form.useForm<{ items: ItemValues[] }>();
  const [pending, setPending] = useState(false);
  const submit = async (v: { items: ItemValues[] }) => {
    setPending(true);
    try {
      await add.mutateAsync({ id: meetingId, items: v.items.map(toItem) });
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal open width={880} title={t('request.council.addItems')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ items: [{}] }} onFinish={(v) => void submit(v)}>
        <ItemsList name="items" />
      </Form>
    </Modal>
  );
}
