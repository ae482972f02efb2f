import { Alert, Flex, Progress, Table, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import type { ProgressRow } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { levelOf } from '../../../../src/lib/division-code.ts';
import { errorText } from '../../api/errors.ts';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { useProgress } from './api.ts';

type Node = ProgressRow & { children?: Node[] };

/** The flat rows (root first, parents before children) as a tree for the table. */
function toTree(rows: readonly ProgressRow[]): Node[] {
  const byCode = new Map<string, Node>();
  const roots: Node[] = [];
  for (const row of rows) {
    const node: Node = { ...row };
    byCode.set(row.code, node);
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * 分级进度: closed of total at every level from the root (the campaign area, or the user's own
 * part of it) down to the grids, counted live. A row's numbers open the ledger of that place.
 */
export function ProgressTable({ campaignId, onOpenPlace }: { campaignId: number; onOpenPlace: (code: string) => void }) {
  const { lang, t } = useI18n();
  const progress = useProgress(campaignId);
  const tree = useMemo(() => toTree(progress.data?.rows ?? []), [progress.data]);
  // Every level is open down to the grids (a county has a few hundred rows at most).
  const expanded = useMemo(() => (progress.data?.rows ?? []).filter((r) => r.code.length < 15).map((r) => r.code), [progress.data]);

  if (progress.isError) return <Alert type="error" showIcon title={errorText(progress.error, lang, t('common.unknownError'))} />;

  const level = (r: ProgressRow) => {
    const l = levelOf(r.code);
    return l ? levelLabel(l, lang) : '';
  };
  const columns: TableProps<Node>['columns'] = [
    {
      key: 'place',
      title: t('campaign.place'),
      render: (_, r) => (
        <Flex vertical gap={0}>
          <Typography.Link onClick={() => onOpenPlace(r.code)}>{r.name ?? r.code}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {level(r)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'total', title: t('campaign.total'), align: 'right', dataIndex: 'total' },
    { key: 'closed', title: t('campaign.status.closed'), align: 'right', dataIndex: 'closed' },
    {
      key: 'percent',
      title: t('campaign.percent'),
      width: 180,
      render: (_, r) => <Progress percent={r.percent} size="small" status={r.total > 0 && r.closed === r.total ? 'success' : 'normal'} format={(p) => `${p}%`} />,
    },
    { key: 'revisit', title: t('campaign.status.revisit'), align: 'right', dataIndex: 'revisit' },
    { key: 'pending', title: t('campaign.status.pending'), align: 'right', dataIndex: 'pending' },
    { key: 'due', title: t('campaign.due'), align: 'right', render: (_, r) => (r.due > 0 ? <Typography.Text type="danger">{r.due}</Typography.Text> : 0) },
    { key: 'unassigned', title: t('campaign.unassigned'), align: 'right', render: (_, r) => (r.unassigned > 0 ? <Typography.Text type="warning">{r.unassigned}</Typography.Text> : 0) },
  ];

  return (
    <div data-testid="campaign-progress">
      <Typography.Paragraph type="secondary">{t('campaign.progressHint', { date: progress.data?.asOf ?? '' })}</Typography.Paragraph>
      <Table<Node>
        key={expanded.join(',')} // expand the upper levels once the rows arrive
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={tree}
        loading={progress.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandedRowKeys: expanded, indentSize: 12 }}
        onRow={(r) => ({ 'data-code': r.code, 'data-closed': r.closed, 'data-total': r.total }) as never}
        locale={{ emptyText: t('campaign.noTargets') }}
      />
    </div>
  );
}
