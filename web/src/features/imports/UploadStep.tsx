import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin, Typography, Upload } from 'antd';
import type { ImportJob } from '../../../../src/modules/imports/import.schema.ts';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { isLedgerFile, useDownloadTemplate, useUploadLedger } from './api.ts';

/** Step 1: the template, and the upload (raw file body, validated in the background). */
export function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const template = useDownloadTemplate();
  const upload = useUploadLedger();

  return (
    <div>
      <Alert type="info" showIcon title={t('import.templateHint')} style={{ marginBottom: 12 }} />
      <Button
        icon={<DownloadOutlined />}
        loading={template.isPending}
        onClick={() => template.mutate(undefined, { onError: showError })}
        style={{ marginBottom: 16 }}
      >
        {t('import.downloadTemplate')}
      </Button>
      <div data-testid="import-upload">
        <Spin spinning={upload.isPending}>
          <Upload.Dragger
            name="file"
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              if (isLedgerFile(file.name)) return true;
              void message.error(t('import.badType'));
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: (job) => {
                  onSuccess?.(job);
                  onUploaded(job);
                },
                onError: (error) => {
                  onError?.(error);
                  showError(error);
                },
              });
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {t('import.upload')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0, paddingInline: 12 }}>
              {t('import.uploadHint')}
            </Typography.Paragraph>
          </Upload.Dragger>
        </Spin>
      </div>
    </div>
  );
}
