// The dialogs of the handling steps. Each one runs a step through useStep and puts the server's
// field errors on its fields.
import { Form, Input, Modal, Radio, Rate, Select, Typography } from 'antd';
import { useState } from 'react';
import { HANDLER_LEVELS, type TransferTarget } from '../../../../src/modules/requests/requests.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useAssignees, useStep, type RequestSummary, type Step } from './api.ts';

function useStepForm<V extends object>(fields: string[], onDone: () => void) {
  const { lang } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<V>();
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<unknown>) => {
    setPending(true);
    try {
      await action();
      onDone();
    } catch (error) {
      if (!applyFieldErrors(form, error, lang, fields)) showError(error);
    } finally {
      setPending(false);
    }
  };
  return { form, pending, run };
}

type Props = { r: Pick<RequestSummary, 'id' | 'jurisdictionCode' | 'assignee'>; onClose: () => void };

/** 办结 / 补充说明 / 接单 with a note. */
export function NoteModal({ r, step, onClose }: Props & { step: 'resolve' | 'notes' | 'take' }) {
  const { t } = useI18n();
  const mutation = useStep();
  const { form, pending, run } = useStepForm<{ note: string }>(['note'], onClose);
  const required = step !== 'take';
  const submit = ({ note }: { note: string }) => run(() => mutation.mutateAsync({ id: r.id, step, body: { note: note?.trim() || undefined } } as Step & { id: number }));
  return (
    <Modal open title={t(`request.action.${step}`)} okText={t(`request.action.${step}`)} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label={t(step === 'resolve' ? 'request.resolutionNote' : 'request.note')} rules={required ? [{ required: true, whitespace: true, min: 2, message: t('request.noteRequired') }] : []}>
          <Input.TextArea autoFocus rows={3} maxLength={2000} placeholder={step === 'resolve' ? t('request.resolutionPlaceholder') : undefined} data-testid={`request-${step}-note`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 回访: satisfaction 1–5, a comment, solved or not (not solved returns it for rework). */
export function FollowUpModal({ r, onClose }: Props) {
  const { t } = useI18n();
  const mutation = useStep();
  const { form, pending, run } = useStepForm<{ satisfaction: number; comment?: string; solved: boolean }>(['satisfaction', 'comment', 'solved'], onClose);
  return (
    <Modal open title={t('request.action.follow-up')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ solved: true }} onFinish={(v) => void run(() => mutation.mutateAsync({ id: r.id, step: 'follow-up', body: { satisfaction: v.satisfaction, comment: v.comment?.trim() || undefined, solved: v.solved } }))}>
        <Form.Item name="satisfaction" label={t('request.satisfaction')} rules={[{ required: true, message: t('request.satisfactionRequired') }]}>
          <Rate data-testid="request-satisfaction" />
        </Form.Item>
        <Form.Item name="solved" label={t('request.solved')}>
          <Radio.Group options={[{ value: true, label: t('request.solved.yes') }, { value: false, label: t('request.solved.no') }]} />
        </Form.Item>
        <Form.Item name="comment" label={t('request.comment')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="request-follow-up-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 派单 / 改派 to a user whose area covers the place. */
export function AssignModal({ r, onClose }: Props) {
  const { t } = useI18n();
  const mutation = useStep();
  const assignees = useAssignees(r.jurisdictionCode);
  const { form, pending, run } = useStepForm<{ userId: number; note?: string }>(['userId', 'note'], onClose);
  return (
    <Modal open title={t('request.action.assign')} okText={t('request.action.assign')} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void run(() => mutation.mutateAsync({ id: r.id, step: 'assign', body: { userId: v.userId, note: v.note?.trim() || undefined } }))}>
        <Form.Item name="userId" label={t('request.assignee')} rules={[{ required: true, message: t('request.assigneeRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={assignees.isPending}
            options={(assignees.data?.items ?? []).filter((u) => u.jurisdictionCode && r.jurisdictionCode.startsWith(u.jurisdictionCode)).map((u) => ({ value: u.id, label: `${u.displayName} · ${u.jurisdictionName ?? ''} · ${t('request.openAssigned', { n: u.openAssigned })}` }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('request.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type TransferValues = { kind: TransferTarget['kind']; userId?: number; department?: string; level?: (typeof HANDLER_LEVELS)[number]; jurisdictionCode?: string; reason: string };

/** 转办: "not ours" always goes somewhere — a user, a department, one level up, another place — with a reason. */
export function TransferModal({ r, onClose }: Props) {
  const { lang, t } = useI18n();
  const mutation = useStep();
  const assignees = useAssignees(r.jurisdictionCode);
  const { form, pending, run } = useStepForm<TransferValues>(['userId', 'department', 'level', 'jurisdictionCode', 'reason'], onClose);
  const kind = Form.useWatch('kind', form) ?? 'up';
  const targetOf = (v: TransferValues): TransferTarget =>
    v.kind === 'user' ? { kind: 'user', userId: v.userId! } : v.kind === 'department' ? { kind: 'department', department: v.department ?? '', ...(v.level ? { level: v.level } : {}) } : v.kind === 'place' ? { kind: 'place', jurisdictionCode: v.jurisdictionCode ?? '' } : { kind: 'up' };
  return (
    <Modal open title={t('request.action.transfer')} okText={t('request.action.transfer')} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('request.transfer.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'up' }} onFinish={(v) => void run(() => mutation.mutateAsync({ id: r.id, step: 'transfer', body: { target: targetOf(v), reason: v.reason.trim() } }))}>
        <Form.Item name="kind" label={t('request.transfer.target')}>
          <Radio.Group optionType="button" options={(['up', 'department', 'user', 'place'] as const).map((k) => ({ value: k, label: t(`request.transfer.${k}`) }))} data-testid="request-transfer-kind" />
        </Form.Item>
        {kind === 'user' && (
          <Form.Item name="userId" label={t('request.assignee')} rules={[{ required: true, message: t('request.assigneeRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(assignees.data?.items ?? []).filter((u) => u.jurisdictionCode && r.jurisdictionCode.startsWith(u.jurisdictionCode) && u.id !== r.assignee?.id).map((u) => ({ value: u.id, label: `${u.displayName} · ${u.jurisdictionName ?? ''}` }))} />
          </Form.Item>
        )}
        {kind === 'department' && (
          <>
            <Form.Item name="department" label={t('request.department')} rules={[{ required: true, whitespace: true, min: 2, message: t('request.departmentRequired') }]}>
              <Input maxLength={100} placeholder={t('request.departmentPlaceholder')} />
            </Form.Item>
            <Form.Item name="level" label={t('request.level')}>
              <Select allowClear options={HANDLER_LEVELS.map((l) => ({ value: l, label: levelLabel(l, lang) }))} />
            </Form.Item>
          </>
        )}
        {kind === 'place' && (
          <Form.Item name="jurisdictionCode" label={t('request.place')} rules={[{ required: true, message: t('request.placeRequired') }]}>
            <JurisdictionPicker />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('request.transfer.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('request.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('request.transfer.reasonPlaceholder')} data-testid="request-transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
