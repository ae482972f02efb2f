import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useExportPersons, type PersonFilter } from './api.ts';

/**
 * 导出 the current filter as .xlsx, ID numbers and phones masked. Roles that may reveal can
 * also export full numbers, after a confirmation saying that the export is audited.
 */
export function ExportButton({ filter, canReveal, block }: { filter: PersonFilter; canReveal: boolean; block?: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const exporter = useExportPersons();

  const run = (reveal: boolean) => {
    void message.info(t('registry.exportStarted'));
    exporter.mutate({ filter, reveal }, { onError: showError });
  };

  if (!canReveal) {
    return (
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => run(false)} block={block}>
        {t('registry.export')}
      </Button>
    );
  }
  const confirmFull = () =>
    void modal.confirm({
      title: t('registry.exportFullTitle'),
      content: t('registry.exportFullText'),
      okText: t('registry.exportFullOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run(true),
    });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'masked', label: t('registry.exportMasked') },
          { key: 'full', label: t('registry.exportFull'), danger: true },
        ],
        onClick: ({ key }) => (key === 'full' ? confirmFull() : run(false)),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} block={block}>
        {t('registry.export')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
