import { Empty, Flex, Grid, Steps, Tag, Timeline, Typography } from 'antd';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { formatFen } from '../../lib/money.ts';
import type { CaseDetail, CaseEvent, CaseState } from './api.ts';
import { eventLabel, stateLabel, stepLabel, stepsOf, type StepKey } from './labels.ts';

/** Where a case stands in its procedure's steps; a refusal or withdrawal marks the step it ended at. */
export function CaseSteps({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const vertical = Grid.useBreakpoint().md !== true;
  const steps = stepsOf(c.procedure);
  let current = steps.indexOf(c.state as StepKey);
  let status: 'process' | 'finish' | 'error' = 'process';
  if (c.state === 'approved' || c.state === 'closed') {
    current = steps.length - 1;
    status = c.state === 'closed' ? 'finish' : 'process';
  } else if (c.state === 'refused' || c.state === 'withdrawn') {
    const ended = [...c.events].reverse().find((e) => e.toState === c.state);
    current = Math.max(0, steps.indexOf((ended?.fromState ?? 'accepted') as StepKey));
    status = 'error';
  }
  return (
    <div data-testid="case-steps" data-current={c.state}>
    <Steps
      size="small"
      orientation={vertical ? 'vertical' : 'horizontal'}
      current={current}
      status={status}
      items={steps.map((s, i) => ({
        title: stepLabel(s, c.procedure, t),
        content: i === current && status === 'error' ? stateLabel(c.state, t) : i === current && c.state === 'closed' ? stateLabel('closed', t) : undefined,
      }))}
    />
    </div>
  );
}

/** The figures an event carries worth reading on the timeline (amounts, who approves, dates). */
function eventFacts(e: CaseEvent, t: Translate): string[] {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const out: string[] = [];
  const fen = (v: unknown) => (typeof v === 'number' ? t('finance.yuan', { amount: formatFen(v) }) : null);
  if (e.action === 'opinion' && fen(d.proposedFen)) out.push(t('case.timeline.proposed', { amount: fen(d.proposedFen) ?? '' }));
  if ((e.action === 'approve' || e.action === 'prepay') && fen(d.amountFen)) out.push(t('case.timeline.amount', { amount: fen(d.amountFen) ?? '' }));
  if (d.approvalLevel === 'township' || d.approvalLevel === 'county') out.push(t(`case.level.${d.approvalLevel}`));
  const publicity = d.publicity as { from?: string; to?: string } | undefined;
  if (publicity?.from && publicity.to) out.push(t('case.timeline.publicity', { from: publicity.from, to: publicity.to }));
  if (typeof d.objectionOn === 'string') out.push(t('case.timeline.objectionOn', { date: d.objectionOn }));
  if (typeof d.noticeDueOn === 'string' && e.action === 'refuse') out.push(t('case.timeline.noticeDue', { date: d.noticeDueOn }));
  if (typeof d.paperworkDueOn === 'string') out.push(t('case.timeline.paperworkDue', { date: d.paperworkDueOn }));
  if (typeof d.servedOn === 'string') out.push(t('case.timeline.servedOn', { date: d.servedOn }));
  if (typeof d.fileName === 'string') out.push(d.fileName);
  if (Array.isArray(d.investigators)) out.push(t('case.timeline.investigators', { names: d.investigators.join(t('case.listSep')) }));
  return out;
}

const EVENT_COLOR: Partial<Record<string, string>> = { approve: 'green', refuse: 'red', withdraw: 'gray', object: 'red', send_back: 'orange', prepay: 'green', close: 'gray' };

/** 办理记录: every step, opinion and note on the case, newest first: who, when, what. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const move = (from: string | null, to: string | null) =>
    from && to && from !== to ? `${stateLabel(from as CaseState, t)} → ${stateLabel(to as CaseState, t)}` : null;
  return (
    <div data-testid="case-timeline">
    <Timeline
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: EVENT_COLOR[e.action] ?? 'blue',
        content: (
          <Flex vertical gap={2} data-event={e.action} style={{ overflowWrap: 'anywhere' }}>
            <Flex wrap gap={6} align="baseline">
              <Typography.Text strong>{eventLabel(e.action, t)}</Typography.Text>
              {move(e.fromState, e.toState) && <Tag style={{ marginInlineEnd: 0 }}>{move(e.fromState, e.toState)}</Tag>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.note && <Typography.Text>{e.note}</Typography.Text>}
            {eventFacts(e, t).length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {eventFacts(e, t).join(' · ')}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
    </div>
  );
}
