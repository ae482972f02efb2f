import { Alert, Col, Flex, Row, Select, Statistic, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useWorkQueue, type CaseProgram, type CaseState } from './api.ts';
import { CaseListView } from './CaseListView.tsx';
import { PROGRAMS, programLabel, STATE_COLOR, STATES, stateLabel } from './labels.ts';

const PAGE_SIZE = 20;
const QUEUE_LIMIT = 200;

/**
 * 待我办理: the cases whose current step is on the user's desk (or assigned to them), overdue
 * first, then by due date, as the server orders them. Filters and counts work on the queue as
 * loaded (up to 200 cases; the server's queue takes no filters).
 */
export function WorkQueue() {
  const { lang, t } = useI18n();
  const queue = useWorkQueue(QUEUE_LIMIT);
  const [program, setProgram] = useState<CaseProgram>();
  const [state, setState] = useState<CaseState>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);

  const all = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const shown = all.filter((c) => (!program || c.program === program) && (!state || c.state === state) && (!overdueOnly || c.overdue));
  const count = (pred: (c: (typeof all)[number]) => boolean) => all.filter(pred).length;
  const overdue = count((c) => c.overdue);
  const states = STATES.filter((s) => all.some((c) => c.state === s));
  const filtersChanged = () => setPage(1);

  if (queue.isError) return <Alert type="error" showIcon title={errorText(queue.error, lang, t('common.unknownError'))} />;

  return (
    <div data-testid="case-queue">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={4}>
          <Statistic title={t('case.queue.total')} value={queue.data?.total ?? 0} loading={queue.isPending} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('case.queue.overdue')}
            value={overdue}
            loading={queue.isPending}
            styles={{ content: { color: overdue > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={24} md={16}>
          <Typography.Text type="secondary">{t('case.queue.bySteps')}</Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 8 }} data-testid="case-queue-counts">
            {states.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
            {states.map((s) => (
              <Tag
                key={s}
                color={state === s ? STATE_COLOR[s] : undefined}
                style={{ cursor: 'pointer', marginInlineEnd: 0, fontSize: 14, padding: '2px 10px' }}
                onClick={() => {
                  setState(state === s ? undefined : s);
                  filtersChanged();
                }}
              >
                {stateLabel(s, t)} {count((c) => c.state === s)}
              </Tag>
            ))}
          </Flex>
        </Col>
      </Row>

      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<CaseProgram>
          style={{ minWidth: 150 }}
          allowClear
          value={program}
          placeholder={t('case.filter.allPrograms')}
          aria-label={t('case.program')}
          options={PROGRAMS.map((p) => ({ value: p, label: `${programLabel(p, t)} (${count((c) => c.program === p)})` }))}
          onChange={(v) => {
            setProgram(v);
            filtersChanged();
          }}
        />
        <Select<CaseState>
          style={{ minWidth: 140 }}
          allowClear
          value={state}
          placeholder={t('case.filter.allSteps')}
          aria-label={t('case.step')}
          options={states.map((s) => ({ value: s, label: `${stateLabel(s, t)} (${count((c) => c.state === s)})` }))}
          onChange={(v) => {
            setState(v);
            filtersChanged();
          }}
        />
        <Flex align="center" gap={6}>
          <Switch
            size="small"
            checked={overdueOnly}
            onChange={(v) => {
              setOverdueOnly(v);
              filtersChanged();
            }}
            aria-label={t('case.filter.overdueOnly')}
          />
          <Typography.Text>{t('case.filter.overdueOnly')}</Typography.Text>
        </Flex>
      </Flex>
      {(queue.data?.total ?? 0) > QUEUE_LIMIT && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('case.queue.truncated', { n: QUEUE_LIMIT, total: queue.data?.total ?? 0 })} />
      )}

      <CaseListView
        testId="case-queue-list"
        items={shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
        loading={queue.isFetching}
        emptyText={all.length === 0 ? t('case.queue.empty') : t('case.filter.none')}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: shown.length, onChange: setPage }}
      />
    </div>
  );
}
