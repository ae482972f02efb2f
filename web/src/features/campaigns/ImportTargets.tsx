import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, Flex, Spin, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { isListFile, useImportTargets } from './api.ts';

type Row = ImportReport['rows'][number];

/**
 * 导入名单: an Excel or CSV list with 公民身份号码 and/or 姓名 columns, matched to the registry;
 * the report names every row that was not added and why. Uploading a corrected file again adds
 * only the people not yet on the list. The import runs in the background on the server; the
 * upload waits for it, showing the rows read so far.
 */
export function ImportTargets({ campaignId }: { campaignId: number }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [rowsRead, setRowsRead] = useState(0);
  const upload = useImportTargets(campaignId, setRowsRead);
  const [dryRun, setDryRun] = useState(false);
  const [report, setReport] = useState<ImportReport>();

  const outcomeTag = (o: Row['outcome']) =>
    o === 'unmatched' ? <Tag color="red">{t('campaign.import.unmatched')}</Tag> : o === 'duplicate' ? <Tag color="gold">{t('campaign.import.duplicate')}</Tag> : <Tag>{t('campaign.import.listed')}</Tag>;

  return (
    <div data-testid="campaign-import">
      <Typography.Paragraph type="secondary">{t('campaign.import.hint')}</Typography.Paragraph>
      <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} style={{ marginBottom: 8 }}>
        {t('campaign.import.dryRun')}
      </Checkbox>
      <div data-testid="campaign-import-upload">
        <Spin spinning={upload.isPending} tip={upload.isPending && rowsRead > 0 ? t('campaign.import.progress', { rows: rowsRead }) : undefined}>
          <Upload.Dragger
            name="file"
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              if (isListFile(file.name)) return true;
              void message.error(t('campaign.import.badType'));
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              setRowsRead(0);
              upload.mutate(
                { file: file as File, dryRun },
                {
                  onSuccess: (r) => {
                    onSuccess?.(r);
                    setReport(r);
                  },
                  onError: (error) => {
                    onError?.(error);
                    showError(error);
                  },
                },
              );
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {t('campaign.import.upload')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0, paddingInline: 12 }}>
              {t('campaign.import.uploadHint')}
            </Typography.Paragraph>
          </Upload.Dragger>
        </Spin>
      </div>
      {report && (
        <div data-testid="campaign-import-report" style={{ marginTop: 16 }}>
          <Alert
            type={report.unmatched + report.duplicate > 0 ? 'warning' : 'success'}
            showIcon
            title={report.dryRun ? t('campaign.import.dryRunDone', { file: report.fileName }) : t('campaign.import.done', { file: report.fileName })}
            style={{ marginBottom: 12 }}
          />
          <Flex wrap gap={24} style={{ marginBottom: 12 }}>
            <Statistic title={t('campaign.import.total')} value={report.total} />
            <Statistic title={report.dryRun ? t('campaign.import.wouldAdd') : t('campaign.import.added')} value={report.dryRun ? report.matched - report.listed : report.added} data-count="added" />
            <Statistic title={t('campaign.import.listed')} value={report.listed} />
            <Statistic title={t('campaign.import.unmatched')} value={report.unmatched} data-count="unmatched" />
            <Statistic title={t('campaign.import.duplicate')} value={report.duplicate} />
          </Flex>
          {report.rows.length > 0 && (
            <Table<Row>
              rowKey="rowNumber"
              size="small"
              dataSource={report.rows}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { key: 'row', title: t('campaign.import.row'), dataIndex: 'rowNumber', width: 70 },
                { key: 'name', title: t('person.name'), render: (_, r) => r.name ?? '' },
                { key: 'id', title: t('person.idNumber'), render: (_, r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.idNumberMasked ?? ''}</span> },
                { key: 'outcome', title: t('campaign.import.outcome'), render: (_, r) => outcomeTag(r.outcome) },
                { key: 'why', title: t('campaign.import.reason'), render: (_, r) => (lang === 'zh' ? r.messageZh : r.message) ?? '' },
              ]}
            />
          )}
          {report.rowsCapped && <Typography.Text type="secondary">{t('campaign.import.capped')}</Typography.Text>}
        </div>
      )}
    </div>
  );
}
