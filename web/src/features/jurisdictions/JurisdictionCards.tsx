import { List, Tag, Typography } from 'antd';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { NameLink, type JurisdictionViewProps } from './JurisdictionTable.tsx';
import { RowActions } from './RowActions.tsx';

/** Phone view: one list item per division instead of a wide table. */
export function JurisdictionCards({ items, loading, canEdit, pagination, onRename, onDelete }: JurisdictionViewProps) {
  const { lang, t } = useI18n();
  return (
    <List
      dataSource={items}
      loading={loading}
      rowKey="code"
      locale={{ emptyText: t('jur.empty') }}
      pagination={pagination.total > pagination.pageSize ? { ...pagination, size: 'small', simple: true } : false}
      renderItem={(row) => (
        <List.Item
          actions={canEdit ? [<RowActions key="actions" row={row} onRename={onRename} onDelete={onDelete} iconOnly />] : undefined}
        >
          <List.Item.Meta
            title={
              <>
                <NameLink row={row} /> <Tag>{levelLabel(row.level, lang)}</Tag>
              </>
            }
            description={
              <>
                {/* A grid's own code is its identity; for divisions the 12-digit code is what staff know. */}
                <Typography.Text type="secondary">{row.level === 'grid' ? row.code : row.divisionCode}</Typography.Text>
                {row.level !== 'grid' && ` · ${t('jur.children', { n: row.childCount })}`}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
