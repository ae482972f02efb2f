// Calling a resident back (the full phone, with a reason, audited) and opening a social-assistance
// case from a request (主动发现).
import { DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { RevealModal } from '../../components/RevealModal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useOpenCase, useRevealContact } from './api.ts';
import { DATE_FORMAT, dateOf, isFutureDay, type DayValue } from '../../lib/dates.ts';
import { CAUSE_KINDS, causeKindLabel, type CauseKind } from '../cases/labels.ts';

export function RevealContactModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const reveal = useRevealContact();
  return (
    <RevealModal
      testId="request-revealed-phone"
      texts={{
        title: t('request.reveal.title'),
        fieldLabel: t('request.contactPhone'),
        okText: t('request.reveal.ok'),
        audited: t('request.reveal.audited'),
        reasonLabel: t('reason.label'),
        reasonRequired: t('reason.required'),
        reasonPlaceholder: t('request.reveal.placeholder'),
        empty: t('request.reveal.empty'),
      }}
      revealed={reveal.data}
      pending={reveal.isPending}
      reveal={(reason, onError) => reveal.mutate({ id, reason }, { onError })}
      onClose={onClose}
    />
  );
}

type CaseValues = { program: 'dibao' | 'tekun' | 'temporary' | 'fcu'; category?: 'emergency' | 'expenditure'; causeKind?: CauseKind; causeEventOn?: DayValue; cause?: string; requestedYuan?: number };

/** 转救助申请: the cases module registers the application (channel 求助转办) and it links back here. */
export function OpenCaseModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const navigate = useNavigate();
  const open = useOpenCase();
  const [form] = Form.useForm<CaseValues>();
  const [pending, setPending] = useState(false);
  const program = Form.useWatch('program', form);
  const submit = async (v: CaseValues) => {
    setPending(true);
    try {
      const body = { program: v.program, ...(v.program === 'temporary' ? { category: v.category, causeKind: v.causeKind, causeEventOn: v.causeEventOn ? dateOf(v.causeEventOn) : undefined, cause: v.cause?.trim(), requestedFen: v.requestedYuan === undefined ? undefined : Math.round(v.requestedYuan * 100) } : {}) };
      const result = await open.mutateAsync({ id, body });
      onClose();
      void navigate(`/cases/${result.caseId}`);
    } catch (error) {
      if (!applyFieldErrors(form, error, lang, ['program', 'category', 'causeKind', 'causeEventOn', 'causeReference', 'cause', 'requestedFen', 'personId'])) showError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal open title={t('request.action.openCase')} okText={t('request.action.openCase')} cancelText={t('common.cancel')} confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('request.openCase.hint')}</Typography.Paragraph>
      <Form<CaseValues> form={form} layout="vertical" initialValues={{ program: 'temporary', category: 'emergency' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="program" label={t('request.openCase.program')}>
          <Select options={(['temporary', 'dibao', 'tekun', 'fcu'] as const).map((p) => ({ value: p, label: t(`request.program.${p}`) }))} />
        </Form.Item>
        {program === 'temporary' && (
          <>
            <Form.Item name="category" label={t('request.openCase.category')}>
              <Select options={(['emergency', 'expenditure'] as const).map((c) => ({ value: c, label: t(`request.openCase.${c}`) }))} />
            </Form.Item>
            <Form.Item name="causeKind" label={t('case.causeKind')} rules={[{ required: true, message: t('case.new.causeKindRequired') }]}>
              <Select options={CAUSE_KINDS.map((k) => ({ value: k, label: causeKindLabel(k, lang) }))} />
            </Form.Item>
            <Form.Item name="causeEventOn" label={t('case.causeEventOn')} rules={[{ required: true, message: t('case.new.causeEventOnRequired') }]}>
              <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="cause" label={t('request.openCase.cause')} rules={[{ required: true, whitespace: true, message: t('request.openCase.causeRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="requestedYuan" label={t('request.openCase.amount')} rules={[{ required: true, message: t('request.openCase.amountRequired') }]}>
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
