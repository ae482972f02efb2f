import { DownOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Dropdown, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, isFutureDay, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { formatFen, parseYuan } from '../../lib/money.ts';
import { moneyRules } from '../households/moneyField.ts';
import { ActionModal } from './ActionModal.tsx';
import { downloadNotice, useCaseAction, type CaseDetail } from './api.ts';
import { MaterialsModal } from './MaterialsSection.tsx';
import { EngineVerdict } from './EngineVerdict.tsx';
import { overrideOf } from '../../../../src/modules/cases/override.ts';

/** Buttons offered in this order; the server's `actions` decides which appear. */
const ORDER = [
  'start_investigation',
  'visit',
  'county_visit',
  'submit_review',
  'opinion',
  'end_publicity',
  'object',
  'approve',
  'prepay',
  'materials',
  'send_back',
  'refuse',
  'withdraw',
  'reopen',
  'close',
  'notice_served',
  'exception',
  'extend',
  'assign',
] as const;
type Action = (typeof ORDER)[number];
const PRIMARY: readonly string[] = ['start_investigation', 'submit_review', 'opinion', 'end_publicity', 'approve'];
const DANGER: readonly string[] = ['refuse', 'withdraw', 'close'];
/** Shown as buttons; the rest go into the "more" menu. */
const MAIN: readonly string[] = [...PRIMARY, 'visit', 'county_visit', 'object', 'prepay', 'materials', 'refuse', 'reopen', 'notice_served'];

export const actionLabel = (a: string, t: Translate, c?: Pick<CaseDetail, 'prepaidFen'>) =>
  a === 'materials' && c && c.prepaidFen > 0 ? t('case.action.paperwork') : t(`case.action.${a as Action}`);

const yuan = (fen: number | null | undefined) => (fen ? formatFen(fen).replace(/,/g, '') : undefined);
const noteRules = (t: Translate) => [{ required: true, whitespace: true, message: t('case.form.noteRequired') }, { min: 2, message: t('case.form.noteRequired') }];
const reasonRules = (t: Translate) => [{ required: true, whitespace: true, message: t('case.form.reasonRequired') }, { min: 4, message: t('case.form.reasonRequired') }];
const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

function NoteField({ required = false, label }: { required?: boolean; label?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="note" label={label ?? t('case.form.note')} rules={required ? noteRules(t) : [{ max: 2000 }]}>
      <Input.TextArea rows={3} maxLength={2000} showCount autoFocus />
    </Form.Item>
  );
}

function ReasonField({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={label ?? t('case.form.reason')} rules={reasonRules(t)}>
      <Input.TextArea rows={3} maxLength={2000} showCount autoFocus placeholder={t('case.form.reasonPlaceholder')} />
    </Form.Item>
  );
}

function MoneyField({ name, label, extra }: { name: string; label: string; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={moneyRules(t)} extra={extra}>
      <Input inputMode="decimal" autoComplete="off" suffix={t('finance.unit')} />
    </Form.Item>
  );
}

/** The modal of one action on the case. */
function ActionForm({ action, c, onClose }: { action: Action; c: CaseDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { run } = useCaseAction();
  const title = actionLabel(action, t, c);
  const done = () => void message.success(t('case.action.done', { action: title }));
  const common = { title, okText: title, onClose, onDone: done, danger: DANGER.includes(action) };
  const today = todayLocal();

  switch (action) {
    case 'start_investigation':
    case 'submit_review':
    case 'end_publicity': {
      const route = action === 'start_investigation' ? 'start-investigation' : action === 'submit_review' ? 'submit-review' : 'end-publicity';
      return (
        <ActionModal<{ note?: string }> {...common} hint={t(`case.hint.${action}`)} fields={['note']} submit={(v) => run(c.id, route, { note: trimmed(v.note) })}>
          <NoteField />
        </ActionModal>
      );
    }
    case 'opinion': {
      const review = c.kind === 'review';
      const suggested = c.decision?.amountFen ?? c.proposedFen ?? c.requestedFen;
      return (
        <ActionModal<{ proposedFen: string; peopleCovered?: number; outcome?: 'continue' | 'adjust' | 'stop'; note: string }>
          {...common}
          hint={t(c.procedure === 'general' ? 'case.hint.opinionPublicity' : 'case.hint.opinionApproval')}
          fields={['proposedFen', 'peopleCovered', 'outcome', 'note']}
          initialValues={{ proposedFen: yuan(suggested), peopleCovered: c.peopleCovered ?? undefined, outcome: c.reviewOutcome ?? undefined }}
          submit={(v) =>
            run(c.id, 'opinion', {
              proposedFen: v.outcome === 'stop' ? undefined : parseYuan(v.proposedFen ?? ''),
              peopleCovered: v.peopleCovered ?? undefined,
              outcome: review ? v.outcome : undefined,
              note: v.note.trim(),
            })
          }
        >
          {(form) => (
            <>
              {!review && <EngineVerdict c={c} />}
              {review && (
                <Form.Item name="outcome" label={t('case.form.outcome')} rules={[{ required: true, message: t('common.required') }]}>
                  <Radio.Group
                    options={(['continue', 'adjust', 'stop'] as const).map((o) => ({ value: o, label: t(`case.outcome.${o}`) }))}
                    optionType="button"
                  />
                </Form.Item>
              )}
              <Form.Item noStyle dependencies={['outcome']}>
                {() =>
                  form.getFieldValue('outcome') === 'stop' ? null : (
                    <MoneyField
                      name="proposedFen"
                      label={t(c.paymentPeriod === 'monthly' ? 'case.form.proposedMonthly' : 'case.form.proposed')}
                      extra={suggested ? t('case.form.suggested', { amount: formatFen(suggested) }) : undefined}
                    />
                  )
                }
              </Form.Item>
              <Form.Item name="peopleCovered" label={t('case.form.peopleCovered')}>
                <InputNumber min={1} max={50} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <NoteField required label={t('case.form.opinion')} />
            </>
          )}
        </ActionModal>
      );
    }
    case 'object':
      return (
        <ActionModal<{ note: string; objectionOn?: DayValue }>
          {...common}
          hint={t('case.hint.object', { from: c.publicityFrom ?? '', to: c.publicityTo ?? '' })}
          fields={['note', 'objectionOn']}
          initialValues={{ objectionOn: toDayValue(today) }}
          submit={(v) => run(c.id, 'objections', { note: v.note.trim(), objectionOn: dateOf(v.objectionOn) })}
        >
          <Form.Item name="objectionOn" label={t('case.form.objectionOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          <NoteField required label={t('case.form.objection')} />
        </ActionModal>
      );
    case 'approve': {
      // Approving against the engine (不符合, or above its amount) needs a written reason.
      const against = (amount: string | undefined) => (c.kind === 'review' || c.exceptionDecision ? null : overrideOf(c.decision, parseYuan(amount ?? '') ?? 0));
      return (
        <ActionModal<{ amountFen: string; note: string; overrideReason?: string }>
          {...common}
          hint={t(c.approvalLevel === 'county' ? 'case.hint.approveCounty' : 'case.hint.approve')}
          fields={['amountFen', 'note', 'overrideReason']}
          initialValues={{ amountFen: yuan(c.proposedFen ?? c.requestedFen) }}
          submit={(v) => run(c.id, 'approve', { amountFen: parseYuan(v.amountFen), note: v.note.trim(), overrideReason: against(v.amountFen) ? trimmed(v.overrideReason) : undefined })}
        >
          {(form) => (
            <>
              {c.kind !== 'review' && <EngineVerdict c={c} />}
              <MoneyField name="amountFen" label={t(c.paymentPeriod === 'monthly' ? 'case.form.approvedMonthly' : 'case.form.approved')} />
              <NoteField required label={t('case.form.approvalOpinion')} />
              <Form.Item noStyle dependencies={['amountFen']}>
                {() => {
                  const why = against(form.getFieldValue('amountFen') as string | undefined);
                  return why ? (
                    <Form.Item name="overrideReason" label={t('case.form.overrideReason')} extra={lang === 'en' ? why.en : why.zh} rules={reasonRules(t)}>
                      <Input.TextArea rows={3} maxLength={2000} showCount data-testid="override-reason" />
                    </Form.Item>
                  ) : null;
                }}
              </Form.Item>
            </>
          )}
        </ActionModal>
      );
    }
    case 'prepay':
      return (
        <ActionModal<{ amountFen: string; note: string }>
          {...common}
          hint={t('case.hint.prepay')}
          fields={['amountFen', 'note']}
          initialValues={{ amountFen: yuan(c.requestedFen) }}
          submit={(v) => run(c.id, 'prepay', { amountFen: parseYuan(v.amountFen) ?? 0, note: v.note.trim() })}
        >
          <MoneyField name="amountFen" label={t('case.form.prepayAmount')} />
          <NoteField required />
        </ActionModal>
      );
    case 'send_back':
    case 'refuse':
    case 'withdraw':
    case 'close':
    case 'extend': {
      const route = action === 'send_back' ? 'send-back' : action;
      return (
        <ActionModal<{ reason: string }> {...common} hint={t(`case.hint.${action}`)} fields={['reason']} submit={(v) => run(c.id, route, { reason: v.reason.trim() })}>
          <ReasonField label={action === 'refuse' ? t('case.form.refusalReasons') : undefined} />
        </ActionModal>
      );
    }
    case 'reopen':
      return (
        <ActionModal<{ reason: string; to: 'accepted' | 'investigating' }>
          {...common}
          hint={t('case.hint.reopen')}
          fields={['reason', 'to']}
          initialValues={{ to: 'accepted' }}
          submit={(v) => run(c.id, 'reopen', { reason: v.reason.trim(), to: v.to })}
        >
          <Form.Item name="to" label={t('case.form.reopenTo')}>
            <Radio.Group options={(['accepted', 'investigating'] as const).map((s) => ({ value: s, label: t(`case.state.${s}`) }))} optionType="button" />
          </Form.Item>
          <ReasonField />
        </ActionModal>
      );
    case 'notice_served':
      return (
        <ActionModal<{ servedOn: DayValue; note?: string }>
          {...common}
          hint={c.noticeDueOn ? t('case.hint.noticeDue', { date: c.noticeDueOn }) : undefined}
          fields={['servedOn', 'note']}
          initialValues={{ servedOn: toDayValue(today) }}
          submit={(v) => run(c.id, 'notice-served', { servedOn: dateOf(v.servedOn) ?? today, note: trimmed(v.note) })}
        >
          <Form.Item name="servedOn" label={t('case.form.servedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          <NoteField />
        </ActionModal>
      );
    case 'exception':
      return (
        <ActionModal<{ decisionNo: string; decidedOn: DayValue; note: string }>
          {...common}
          hint={t('case.hint.exception')}
          fields={['decisionNo', 'decidedOn', 'note']}
          initialValues={{ decidedOn: toDayValue(today) }}
          submit={(v) => run(c.id, 'exception', { decisionNo: v.decisionNo.trim(), decidedOn: dateOf(v.decidedOn) ?? today, note: v.note.trim() })}
        >
          <Form.Item name="decisionNo" label={t('case.form.decisionNo')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('case.form.decidedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={isFutureDay} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('case.form.reason')} rules={reasonRules(t)}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </ActionModal>
      );
    case 'materials':
      return <MaterialsModal c={c} onClose={onClose} />;
    default:
      return null;
  }
}

/** 指派: put the case on one's own desk, or take it off anyone's. */
function AssignMenu({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const { run, isPending } = useCaseAction();
  const assign = (userId: number | null) =>
    run(c.id, 'assign', { userId }).then(() => void message.success(t('case.action.done', { action: t('case.action.assign') })), showError);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'me', label: t('case.assign.me'), disabled: c.assigneeUserId === user.id },
          { key: 'none', label: t('case.assign.none'), disabled: c.assigneeUserId === null },
        ],
        onClick: ({ key }) => void assign(key === 'me' ? user.id : null),
      }}
    >
      <Button loading={isPending}>
        {t('case.action.assign')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

/** The steps the user may take on the case now (the server's `actions`), each in its own modal. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const [open, setOpen] = useState<Action>();
  const [printing, setPrinting] = useState(false);
  const offered = ORDER.filter((a) => c.actions.includes(a));
  const main = offered.filter((a) => MAIN.includes(a) && a !== 'assign');
  const more = offered.filter((a) => !MAIN.includes(a) && a !== 'assign');
  const hasNotice = c.kind === 'application' && (c.state === 'approved' || c.state === 'refused' || (c.state === 'closed' && c.approvedOn !== null));

  const start = (a: Action) => {
    if (a === 'visit' || a === 'county_visit') void navigate(`/cases/${c.id}/visit${a === 'county_visit' ? '?kind=county_visit' : ''}`);
    else setOpen(a);
  };
  const notice = async () => {
    setPrinting(true);
    try {
      await downloadNotice(c);
    } catch (error) {
      showError(error);
    } finally {
      setPrinting(false);
    }
  };

  if (offered.length === 0 && !hasNotice) {
    return <Typography.Text type="secondary">{t('case.action.none')}</Typography.Text>;
  }
  return (
    <Flex wrap gap={8} data-testid="case-actions">
      {main.map((a) => (
        <Button key={a} type={PRIMARY.includes(a) ? 'primary' : 'default'} danger={DANGER.includes(a)} onClick={() => start(a)} data-action={a}>
          {actionLabel(a, t, c)}
        </Button>
      ))}
      {offered.includes('assign') && <AssignMenu c={c} />}
      {more.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{ items: more.map((a) => ({ key: a, label: actionLabel(a, t, c), danger: DANGER.includes(a) })), onClick: ({ key }) => start(key as Action) }}
        >
          <Button>
            {t('case.action.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
      {hasNotice && (
        <Button icon={<FilePdfOutlined />} loading={printing} onClick={() => void notice()}>
          {t('case.notice.download')}
        </Button>
      )}
      {open && <ActionForm action={open} c={c} onClose={() => setOpen(undefined)} />}
    </Flex>
  );
}
