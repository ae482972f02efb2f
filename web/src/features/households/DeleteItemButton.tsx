import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useDeleteItem, type ItemKind } from './api.ts';

export function DeleteItemButton({ householdId, kind, itemId }: { householdId: number; kind: ItemKind; itemId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const remove = useDeleteItem();
  return (
    <Popconfirm
      title={t('item.deleteConfirm')}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        remove.mutate(
          { id: householdId, kind, itemId },
          { onSuccess: () => void message.success(t('item.deleted')), onError: showError },
        )
      }
    >
      <Button size="small" type="link" danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label={t('common.delete')}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
