import { Rate, Tag, Timeline, Typography } from 'antd';
import type { Translate } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import type { RequestDetail } from './api.ts';
import { stateLabel } from './labels.ts';

type Event = RequestDetail['events'][number];
const ACTIONS = ['create', 'route', 'assign', 'take', 'resolve', 'follow_up', 'return', 'transfer', 'escalate', 'note', 'merge', 'merged_into', 'attach', 'open_case'] as const;

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** One line of what an event did, from its data (where it went, who got it, the satisfaction). */
function detail(e: Event, t: Translate): string {
  const d = e.data ?? {};
  const to = (d.to ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case 'route':
      return [str(d.handlerName), str(d.department), str(d.assigneeName)].filter(Boolean).join(' · ') || t('request.event.queue');
    case 'assign':
      return str(to.assigneeName);
    case 'transfer':
      return [str(d.handlerName), str(to.department), str(to.assigneeName)].filter(Boolean).join(' · ');
    case 'escalate':
      return t('request.event.escalateTo', { place: str(d.handlerName) || str(d.to), n: str(d.level) });
    case 'merge':
    case 'merged_into':
      return str(d.trackingCode);
    case 'attach':
      return str(d.fileName);
    case 'open_case':
      return str(d.caseNo);
    default:
      return '';
  }
}

/** 办理过程: every update with when and who; requests merged into this one are marked. */
export function RequestTimeline({ r }: { r: RequestDetail }) {
  const { t } = useI18n();
  const mergedCode = new Map(r.merged.map((m) => [m.id, m.trackingCode]));
  return (
    <Timeline
      data-testid="request-timeline"
      items={r.events.map((e) => ({
        key: e.id,
        color: e.action === 'escalate' ? 'red' : e.action === 'resolve' || e.action === 'follow_up' ? 'green' : 'blue',
        title: formatDateTime(e.at),
        content: (
          <div data-testid={`request-event-${e.action}`}>
            <Typography.Text strong>{(ACTIONS as readonly string[]).includes(e.action) ? t(`request.event.${e.action as (typeof ACTIONS)[number]}`) : e.action}</Typography.Text>{' '}
            <Typography.Text type="secondary">{e.actorName === 'system' ? t('request.event.system') : e.actorName}</Typography.Text>
            {e.toState && <Tag style={{ marginInlineStart: 8 }}>{stateLabel(e.toState, t)}</Tag>}
            {mergedCode.has(e.requestId) && <Tag color="default">{mergedCode.get(e.requestId)}</Tag>}
            {detail(e, t) && <div>{detail(e, t)}</div>}
            {typeof e.data?.satisfaction === 'number' && <Rate disabled value={e.data.satisfaction} style={{ fontSize: 14 }} />}
            {e.note && <Typography.Paragraph style={{ margin: 0 }}>{e.note}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
