import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { CaseProgram, CaseState, CaseSummary } from './api.ts';
import { daysUntil, overdueReasonLabel, programLabel, STATE_COLOR, stateLabel } from './labels.ts';

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOR[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {stateLabel(state, t)}
    </Tag>
  );
}

export function ProgramTag({ program }: { program: CaseProgram }) {
  const { t } = useI18n();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      {programLabel(program, t)}
    </Tag>
  );
}

/**
 * The most pressing deadline: a red "逾期" tag (with what is late) or the date and the days left.
 * Deadlines count working days on the server's holiday calendar, which also says how many are
 * left (workingDaysLeft); calendar days only when the date is beyond the calendar.
 */
export function DueInfo({ item, compact = false }: { item: Pick<CaseSummary, 'dueOn' | 'workingDaysLeft' | 'overdue' | 'overdueReasons'>; compact?: boolean }) {
  const { t } = useI18n();
  if (!item.dueOn && !item.overdue) return <Typography.Text type="secondary" aria-label={t('case.due.none')}>—</Typography.Text>;
  const working = item.workingDaysLeft !== null;
  const days = working ? item.workingDaysLeft! : item.dueOn ? daysUntil(item.dueOn) : 0;
  const reasons = item.overdueReasons.map((r) => overdueReasonLabel(r, t)).join(t('case.listSep'));
  if (item.overdue) {
    return (
      <Flex wrap gap={4} align="center" data-testid="case-overdue">
        <Tooltip title={reasons}>
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {days < 0 ? t(working ? 'case.due.workOverdue' : 'case.due.overdueDays', { n: -days }) : t('case.due.overdue')}
          </Tag>
        </Tooltip>
        {item.dueOn && !compact && <Typography.Text type="danger">{t('case.due.on', { date: item.dueOn })}</Typography.Text>}
      </Flex>
    );
  }
  const soon = days <= 3;
  return (
    <Tooltip title={t('case.due.workingDaysHint')}>
      <Typography.Text type={soon ? 'warning' : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="case-due">
        {t('case.due.on', { date: item.dueOn ?? '' })}
        <Typography.Text type="secondary"> · {days === 0 ? t('case.due.today') : t(working ? 'case.due.workLeft' : 'case.due.left', { n: days })}</Typography.Text>
      </Typography.Text>
    </Tooltip>
  );
}
