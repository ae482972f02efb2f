import { DownloadOutlined, ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Empty, Flex, Form, Row, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorText, useShowError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, todayLocal, toDayValue, type DayValue } from '../../lib/dates.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { downloadPublicityPdf, publicityHtmlUrl, usePublicityHtml, type PublicityParams } from './api.ts';

interface Values {
  community?: string;
  period?: [DayValue, DayValue];
}

/**
 * 公示名单: the cases in public notice in a village or community over a period, as the printable
 * page the township posts (names masked by the server) and as a PDF.
 */
export function PublicityPanel() {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const frame = useRef<HTMLIFrameElement>(null);
  const [params, setParams] = useState<PublicityParams>();
  const [downloading, setDownloading] = useState(false);
  const html = usePublicityHtml(params ?? {}, params !== undefined);
  const today = todayLocal();

  const onFinish = (v: Values) =>
    setParams({ community: v.community || undefined, from: dateOf(v.period?.[0]), to: dateOf(v.period?.[1]) });

  const pdf = async () => {
    if (!params) return;
    setDownloading(true);
    try {
      await downloadPublicityPdf(params);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div data-testid="case-publicity">
      <Typography.Paragraph type="secondary">{t('case.publicity.intro')}</Typography.Paragraph>
      <Form<Values>
        layout="vertical"
        initialValues={{ period: [toDayValue(today), toDayValue(today)] }}
        onFinish={onFinish}
        style={{ marginBottom: 12 }}
      >
        <Row gutter={[12, 0]} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item name="community" label={t('case.publicity.community')} extra={t('case.publicity.communityHint')}>
              <JurisdictionPicker allowClear placeholder={t('case.publicity.allCommunities')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="period" label={t('case.publicity.period')}>
              <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item>
              <Button type="primary" htmlType="submit" data-testid="publicity-show">
                {t('case.publicity.show')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>

      {params && (
        <>
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            <Button icon={<PrinterOutlined />} disabled={!html.data} onClick={() => frame.current?.contentWindow?.print()}>
              {t('case.publicity.print')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void pdf()} data-testid="publicity-pdf">
              {t('case.publicity.pdf')}
            </Button>
            <Button icon={<ExportOutlined />} href={publicityHtmlUrl(params)} target="_blank" rel="noreferrer">
              {t('case.publicity.openPage')}
            </Button>
          </Flex>
          {html.isError ? (
            <Alert type="error" showIcon title={errorText(html.error, lang, t('common.unknownError'))} />
          ) : html.isPending ? (
            <Spin />
          ) : html.data ? (
            <iframe
              ref={frame}
              title={t('case.publicity.title')}
              srcDoc={html.data}
              sandbox="allow-modals allow-same-origin"
              style={{ width: '100%', height: 640, border: '1px solid rgba(5,5,5,0.12)', borderRadius: 6, background: '#fff' }}
              data-testid="publicity-frame"
            />
          ) : (
            <Empty />
          )}
        </>
      )}
    </div>
  );
}
