import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { Jurisdiction } from '../../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { useI18n } from '../../i18n/index.ts';

export interface RowActionHandlers {
  onRename: (row: Jurisdiction) => void;
  onDelete: (row: Jurisdiction) => void;
}

/** Rename / delete for one division (admins only; the caller decides whether to render it). */
export function RowActions({ row, onRename, onDelete, iconOnly = false }: RowActionHandlers & { row: Jurisdiction; iconOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        aria-label={`${t('jur.rename')} ${row.name}`}
        onClick={() => onRename(row)}
      >
        {iconOnly ? null : t('jur.rename')}
      </Button>
      <Popconfirm
        title={t('jur.deleteConfirm', { name: row.name })}
        description={row.childCount > 0 ? t('jur.deleteHint') : undefined}
        okText={t('jur.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => onDelete(row)}
      >
        <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`${t('jur.delete')} ${row.name}`}>
          {iconOnly ? null : t('jur.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
