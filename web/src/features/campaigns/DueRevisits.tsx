import { Alert, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { useDueRevisits } from './api.ts';

/** 到期复访: targets whose re-visit date has come, mine by default, across active campaigns. */
export function DueRevisits() {
  const { t } = useI18n();
  const [mine, setMine] = useState(true);
  const due = useDueRevisits(mine);
  const items = due.data?.items ?? [];
  if (!due.data) return null;
  return (
    <Alert
      data-testid="campaign-due-revisits"
      type={items.length > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <Flex wrap align="center" justify="space-between" gap={8}>
          <span>{items.length > 0 ? t('campaign.dueTitle', { n: due.data.total }) : t('campaign.dueNone')}</span>
          <Segmented<string>
            size="small"
            value={mine ? 'mine' : 'all'}
            onChange={(v) => setMine(v === 'mine')}
            options={[
              { value: 'mine', label: t('campaign.dueMine') },
              { value: 'all', label: t('campaign.dueAll') },
            ]}
          />
        </Flex>
      }
      description={
        items.length > 0 && (
          <ul className="lm-plain-list">
            {items.slice(0, 10).map((d) => (
              <li key={d.id} style={{ padding: '2px 0' }}>
                <Link to={`/campaigns/${d.campaignId}/targets/${d.id}`}>{d.name}</Link>
                <Typography.Text type="secondary">{` · ${d.campaignName} · ${d.jurisdictionName ?? d.jurisdictionCode} · ${t('campaign.revisitOn')} ${d.revisitOn ?? ''}`}</Typography.Text>
              </li>
            ))}
            {items.length > 10 && <li>{t('campaign.dueMore', { n: due.data.total - 10 })}</li>}
          </ul>
        )
      }
    />
  );
}
