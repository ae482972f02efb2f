import { CheckCircleFilled, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import type { CaseDetail } from './api.ts';
import { AttachmentRow } from './AttachmentsSection.tsx';
import { visitKindLabel } from './labels.ts';

/** 调查记录: home visits and checks, with the investigators, findings, the family's confirmation and photos. */
export function VisitsSection({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canVisit = c.actions.includes('visit');
  return (
    <Flex vertical gap={12} data-testid="case-visits">
      {canVisit && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => void navigate(`/cases/${c.id}/visit`)}>
            {t('case.action.visit')}
          </Button>
        </div>
      )}
      {c.visits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.visits.empty')} />
      ) : (
        <ul className="lm-list">
          {[...c.visits].reverse().map((v) => {
            const photos = c.attachments.filter((a) => a.visitId === v.id);
            return (
              <li key={v.id} className="lm-list-item" data-visit={v.id}>
                <Flex wrap gap={8} align="baseline">
                  <Typography.Text strong>{visitKindLabel(v.kind, t)}</Typography.Text>
                  <Typography.Text type="secondary">{v.visitedOn}</Typography.Text>
                  {v.familyConfirmed ? (
                    <Tag color="green" icon={<CheckCircleFilled />}>
                      {v.confirmedBy ? t('case.visits.confirmedBy', { name: v.confirmedBy }) : t('case.visits.confirmed')}
                    </Tag>
                  ) : (
                    <Tag color="orange" icon={<ExclamationCircleOutlined />}>
                      {t('case.visits.notConfirmed')}
                    </Tag>
                  )}
                </Flex>
                <Typography.Text type="secondary" data-testid="visit-investigators">
                  {t('case.visits.investigators', { names: v.investigators.map((i) => i.name).join(t('case.listSep')) })}
                </Typography.Text>
                {v.location && <Typography.Text type="secondary">{t('case.visits.location', { place: v.location })}</Typography.Text>}
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v.findings}</Typography.Paragraph>
                {photos.length > 0 && (
                  <ul className="lm-plain-list">
                    {photos.map((a) => (
                      <AttachmentRow key={a.id} caseId={c.id} a={a} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Flex>
  );
}
