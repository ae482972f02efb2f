import { Empty, Flex, Grid, Pagination, Spin, Table, Typography, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import type { CaseSummary } from './api.ts';
import { DueInfo, ProgramTag, StateTag } from './CaseTags.tsx';
import './cases.css';

export interface CasePagination {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

interface Props {
  items: CaseSummary[];
  loading: boolean;
  pagination?: CasePagination;
  emptyText: string;
  testId?: string;
}

/** The amount that matters now: approved, else proposed, else asked for. */
function amountOf(c: CaseSummary): number | null {
  return c.approvedFen ?? c.proposedFen ?? c.requestedFen;
}

function Who({ c }: { c: CaseSummary }) {
  const { t } = useI18n();
  const name = c.beneficiaryName && c.beneficiaryName !== c.applicantName ? `${c.applicantName} → ${c.beneficiaryName}` : c.applicantName;
  return (
    <Flex vertical>
      <Typography.Text>{name}</Typography.Text>
      {c.householdId !== null && (
        <Link to={`/registry/households/${c.householdId}`} style={{ fontSize: 12 }}>
          {t('case.household')}
        </Link>
      )}
    </Flex>
  );
}

function CaseCards({ items }: { items: CaseSummary[] }) {
  const { t } = useI18n();
  return (
    <ul className="lm-list" data-testid="case-cards">
      {items.map((c) => (
        <li key={c.id} className={`lm-list-item${c.overdue ? ' lm-case-overdue' : ''}`} data-case-no={c.caseNo}>
          <Flex justify="space-between" align="baseline" gap={8} wrap>
            <Link to={`/cases/${c.id}`} style={{ fontWeight: 600, fontSize: 16 }}>
              {c.applicantName}
            </Link>
            <StateTag state={c.state} />
          </Flex>
          <Flex wrap gap={6} align="center">
            <ProgramTag program={c.program} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.caseNo}
            </Typography.Text>
          </Flex>
          <DueInfo item={c} />
          {amountOf(c) !== null && (
            <Typography.Text type="secondary">{t('finance.yuan', { amount: formatFen(amountOf(c) ?? 0) })}</Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Cases as a table on wide screens and as one block per case on phones; overdue ones stand out. */
export function CaseListView({ items, loading, pagination, emptyText, testId }: Props) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md !== true;
  const columns: TableProps<CaseSummary>['columns'] = [
    {
      key: 'caseNo',
      title: t('case.caseNo'),
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {c.caseNo}
        </Link>
      ),
    },
    { key: 'program', title: t('case.program'), render: (_, c) => <ProgramTag program={c.program} /> },
    { key: 'who', title: t('case.applicant'), render: (_, c) => <Who c={c} /> },
    { key: 'state', title: t('case.step'), render: (_, c) => <StateTag state={c.state} /> },
    { key: 'due', title: t('case.due'), render: (_, c) => <DueInfo item={c} /> },
    {
      key: 'amount',
      title: t('case.amount'),
      align: 'right',
      render: (_, c) => (amountOf(c) === null ? '—' : <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatFen(amountOf(c) ?? 0)}</span>),
    },
    { key: 'receivedOn', title: t('case.receivedOn'), render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{c.receivedOn}</span> },
  ];

  if (phone) {
    return (
      <Spin spinning={loading}>
        <div data-testid={testId}>
          {items.length === 0 ? <Empty description={emptyText} /> : <CaseCards items={items} />}
          {pagination && pagination.total > pagination.pageSize && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Pagination simple size="small" current={pagination.current} pageSize={pagination.pageSize} total={pagination.total} onChange={pagination.onChange} />
            </Flex>
          )}
        </div>
      </Spin>
    );
  }
  return (
    <div data-testid={testId}>
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      rowClassName={(c) => (c.overdue ? 'lm-case-overdue' : '')}
      onRow={(c) => ({ 'data-case-no': c.caseNo }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText }}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              onChange: pagination.onChange,
              showSizeChanger: false,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { n: total }),
            }
          : false
      }
    />
    </div>
  );
}
