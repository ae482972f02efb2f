import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Flex, Form, Grid, Input, Row, Select, Table, Tag, Typography, type GetProps, type TableProps } from 'antd';
import { useState } from 'react';
import type { AuditEntry, ListAuditQuery } from '../../../../src/modules/audit/audit.schema.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { JurisdictionName } from '../jurisdictions/JurisdictionName.tsx';
import { AuditChanges } from './AuditChanges.tsx';
import { useAuditList } from './api.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionColor, actionLabel, entityLabel } from './labels.ts';

const PAGE_SIZE = 50;
const DATE_FORMAT = 'YYYY-MM-DD';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];
type DateValue = NonNullable<RangeValue>[0];
interface FilterValues {
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  /** Desktop: one range picker. */
  range?: RangeValue;
  /** Phones: two single-month pickers (two months side by side or stacked do not fit). */
  from?: DateValue;
  to?: DateValue;
}
type Filters = Omit<ListAuditQuery, 'limit' | 'offset'>;

const hasChanges = (entry: AuditEntry) => entry.changes !== null && Object.keys(entry.changes).length > 0;

/** 审计日志: who did what to which record, when, from where and why; newest first. */
export function AuditPanel() {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const phone = Grid.useBreakpoint().sm !== true;
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const list = useAuditList({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const apply = (values: FilterValues) => {
    const text = (s?: string) => s?.trim() || undefined;
    setFilters({
      actor: text(values.actor),
      entity: values.entity,
      entityId: text(values.entityId),
      action: values.action,
      from: (values.range?.[0] ?? values.from)?.format(DATE_FORMAT),
      to: (values.range?.[1] ?? values.to)?.format(DATE_FORMAT),
    });
    setPage(1);
  };
  const reset = () => {
    form.resetFields();
    setFilters({});
    setPage(1);
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.at'),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, true)}</span>,
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, row) => (
        <Flex vertical>
          <span>{row.actorName}</span>
          {row.ip && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.ip}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, row) => <Tag color={actionColor(row.action)}>{actionLabel(row.action, t)}</Tag>,
    },
    { key: 'entity', title: t('audit.entity'), render: (_, row) => entityLabel(row.entity, t) },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      render: (_, row) => (row.entityId ? <Typography.Text code>{row.entityId}</Typography.Text> : null),
    },
    {
      key: 'jurisdiction',
      title: t('audit.jurisdiction'),
      render: (_, row) => <JurisdictionName code={row.jurisdictionCode} />,
    },
    {
      key: 'reason',
      title: t('audit.reason'),
      render: (_, row) => (row.reason ? <span style={{ display: 'inline-block', maxWidth: 320 }}>{row.reason}</span> : null),
    },
  ];

  return (
    <div data-testid="admin-audit">
      <Form<FilterValues> form={form} name="auditFilter" layout="vertical" onFinish={apply} style={{ marginBottom: 12 }}>
        <Row gutter={[8, 0]}>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear autoComplete="off" placeholder={t('audit.actorPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="action" label={t('audit.action')}>
              <Select
                allowClear
                placeholder={t('audit.all')}
                options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, t) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="entity" label={t('audit.entity')}>
              <Select
                allowClear
                placeholder={t('audit.all')}
                options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e, t) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Form.Item name="entityId" label={t('audit.entityId')}>
              <Input allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          {phone ? (
            <>
              <Col xs={12}>
                <Form.Item name="from" label={t('audit.from')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="to" label={t('audit.to')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly placement="bottomRight" />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24} md={16} xl={8}>
              <Form.Item name="range" label={t('audit.dateRange')}>
                <DatePicker.RangePicker
                  format={DATE_FORMAT}
                  allowEmpty={[true, true]}
                  style={{ width: '100%' }}
                  placeholder={[t('audit.from'), t('audit.to')]}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('audit.search')}
          </Button>
          <Button onClick={reset}>{t('audit.reset')}</Button>
        </Flex>
      </Form>

      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{
            rowExpandable: hasChanges,
            expandedRowRender: (row) => (row.changes ? <AuditChanges changes={row.changes} /> : null),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { n: total }),
          }}
        />
      )}
    </div>
  );
}
