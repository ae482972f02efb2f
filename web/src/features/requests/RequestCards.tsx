import { EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import type { RequestSummary } from './api.ts';
import { useCategoryName } from './labels.ts';
import { DueTag, StateTag } from './RequestTags.tsx';

/** One request as a card (phones): what, where, who, its state and deadline, and buttons. */
export function RequestCard({ r, actions }: { r: RequestSummary; actions?: ReactNode }) {
  const categoryName = useCategoryName();
  return (
    <Card
      size="small"
      data-testid={`request-card-${r.trackingCode}`}
      data-overdue={r.overdue}
      data-state={r.state}
      style={r.overdue ? { borderColor: '#ff7875', background: '#fff1f0' } : undefined}
      title={
        <Flex wrap gap={4} align="center">
          <Tag color="blue">{categoryName(r.categoryCode, r.categoryName)}</Tag>
          <StateTag state={r.state} />
          <DueTag dueAt={r.dueAt} overdue={r.overdue} escalationLevel={r.escalationLevel} />
        </Flex>
      }
      extra={<Link to={`/requests/${r.id}`}>{r.trackingCode}</Link>}
    >
      <Typography.Paragraph style={{ marginBottom: 8, fontSize: 16 }}>{r.description}</Typography.Paragraph>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {[r.jurisdictionName, r.address].filter(Boolean).join(' · ')}
        </Typography.Text>
        {(r.personName || r.contactName) && (
          <Typography.Text type="secondary">
            <UserOutlined /> {r.personName ?? r.contactName}
          </Typography.Text>
        )}
      </Flex>
      {actions && (
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          {actions}
        </Flex>
      )}
    </Card>
  );
}

export function RequestCards({ items, loading, actions }: { items: RequestSummary[]; loading: boolean; actions?: (r: RequestSummary) => ReactNode }) {
  const { t } = useI18n();
  if (loading && items.length === 0) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (items.length === 0) return <Empty description={t('request.empty')} />;
  return (
    <Flex vertical gap={12}>
      {items.map((r) => (
        <RequestCard key={r.id} r={r} actions={actions?.(r)} />
      ))}
    </Flex>
  );
}
