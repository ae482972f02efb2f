import { ClockCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { RequestState } from '../../../../src/modules/requests/requests.schema.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { useI18n } from '../../i18n/index.ts';
import { dueText, STATE_COLORS, stateLabel } from './labels.ts';

export function StateTag({ state }: { state: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state as RequestState]} data-testid="request-state" data-state={state}>
      {stateLabel(state, t)}
    </Tag>
  );
}

/** The deadline that counts now: red once passed, with the escalation level when it moved up. */
export function DueTag({ dueAt, overdue, escalationLevel = 0 }: { dueAt: string | null; overdue: boolean; escalationLevel?: number }) {
  const { t } = useI18n();
  if (!dueAt) return null;
  return (
    <>
      <Tooltip title={`${t('request.dueAt')} ${formatDateTime(dueAt)}`}>
        <Tag icon={<ClockCircleOutlined />} color={overdue ? 'red' : 'default'} data-testid="request-due" data-overdue={overdue}>
          {dueText(dueAt, t)}
        </Tag>
      </Tooltip>
      {escalationLevel > 0 && (
        <Tag icon={<RiseOutlined />} color="orange">
          {t('request.escalated', { n: escalationLevel })}
        </Tag>
      )}
    </>
  );
}
