import { Alert, App, Breadcrumb, Button, Card, Col, Flex, Form, Popconfirm, Row, Statistic, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { Campaign } from '../../../../src/modules/campaigns/campaigns.schema.ts';
import { applyFieldErrors, errorText, useShowError } from '../../api/errors.ts';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useAutoAssign, useBuildTargets, useCampaign, useUpdateCampaign } from './api.ts';
import { CampaignStatusTag, CountsBar } from './CampaignsPage.tsx';
import { CriteriaFields, criteriaOf, type CriteriaValues } from './CriteriaFields.tsx';
import { ImportTargets } from './ImportTargets.tsx';
import { Ledger } from './Ledger.tsx';
import { ProgressTable } from './ProgressTable.tsx';

const TABS = ['progress', 'ledger', 'list'] as const;
type Tab = (typeof TABS)[number];

/** One campaign: its figures for the user's area, progress by place, the ledger, and (for organisers) the list. */
export function CampaignPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = useRouteId();
  const params = useParams();
  const query = useCampaign(id);
  const fallback = useRecordFallback(id, query, t('campaign.notFound'));
  if (fallback || !query.data) return fallback;
  const c = query.data;
  const tab: Tab = TABS.includes(params.tab as Tab) && (params.tab !== 'list' || c.canManage) ? (params.tab as Tab) : 'progress';
  const go = (next: Tab, search = '') => void navigate(`/campaigns/${c.id}${next === 'progress' ? '' : `/${next}`}${search}`);

  return (
    <div data-testid="campaign-page" data-campaign-id={c.id}>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ key: 'list', title: <Link to="/campaigns">{t('module.campaigns.name')}</Link> }, { key: 'c', title: c.name }]} />
      <Flex wrap align="center" gap={8} style={{ marginBottom: 4 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {c.name}
        </Typography.Title>
        <CampaignStatusTag status={c.status} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {`${c.jurisdictionName ?? c.jurisdictionCode} · ${c.startsOn} ~ ${c.endsOn} · ${t('campaign.revisitEvery', { n: c.revisitDays })}`}
        {c.description && <><br />{c.description}</>}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="campaign-figures" data-total={c.counts.total} data-closed={c.counts.closed}>
        <Row gutter={[16, 12]} align="middle">
          <Col xs={24} md={8}>
            <CountsBar counts={c.counts} size="default" />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('campaign.status.pending')} value={c.counts.pending} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('campaign.status.revisit')} value={c.counts.revisit} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('campaign.due')} value={c.counts.due} styles={{ content: c.counts.due > 0 ? { color: '#cf1322' } : {} }} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('campaign.unassigned')} value={c.counts.unassigned} />
          </Col>
        </Row>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => go(key as Tab)}
        items={[
          { key: 'progress', label: t('campaign.tab.progress'), children: <ProgressTable campaignId={c.id} onOpenPlace={(code) => go('ledger', `?under=${code}`)} /> },
          { key: 'ledger', label: t('campaign.tab.ledger'), children: <Ledger campaign={c} /> },
          ...(c.canManage ? [{ key: 'list', label: t('campaign.tab.list'), children: <ListPanel campaign={c} /> }] : []),
        ]}
      />
    </div>
  );
}

/** 名单管理 (organisers): add people by a query or a file, give the unassigned to their grid workers, close the campaign. */
function ListPanel({ campaign }: { campaign: Campaign }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const build = useBuildTargets(campaign.id);
  const assign = useAutoAssign(campaign.id);
  const update = useUpdateCampaign(campaign.id);
  const [form] = Form.useForm<CriteriaValues>();

  const add = async (v: CriteriaValues) => {
    try {
      const r = await build.mutateAsync(criteriaOf(v));
      void message.success(t('campaign.built', { added: r.added, listed: r.alreadyListed }));
    } catch (error) {
      if (!applyFieldErrors(form, error, lang, ['under', 'minAge', 'maxAge', 'tags'])) showError(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('campaign.assignTitle')}>
        <Typography.Paragraph type="secondary">{t('campaign.assignHint', { n: campaign.counts.unassigned })}</Typography.Paragraph>
        <Button
          loading={assign.isPending}
          onClick={() =>
            assign.mutate(undefined, {
              onSuccess: (r) => void message.success(t('campaign.assigned', { n: r.assigned, left: r.stillUnassigned })),
              onError: showError,
            })
          }
        >
          {t('campaign.assignRun')}
        </Button>
      </Card>
      <Card size="small" title={t('campaign.addByQuery')}>
        <Form<CriteriaValues> form={form} layout="vertical" onFinish={(v) => void add(v)} initialValues={{ tagMode: 'any' }}>
          <CriteriaFields area={campaign.jurisdictionCode} startsOn={campaign.startsOn} />
          <Button type="primary" htmlType="submit" loading={build.isPending} style={{ marginTop: 12 }}>
            {t('campaign.addToList')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('campaign.addByImport')}>
        <ImportTargets campaignId={campaign.id} />
      </Card>
      <Card size="small" title={t('campaign.settings')}>
        {update.isError && <Alert type="error" showIcon title={errorText(update.error, lang, t('common.unknownError'))} style={{ marginBottom: 8 }} />}
        <Flex wrap gap={8} align="center">
          <Tag>{t('campaign.revisitEvery', { n: campaign.revisitDays })}</Tag>
          {campaign.status === 'active' ? (
            <Popconfirm title={t('campaign.closeConfirm')} okText={t('campaign.closeCampaign')} cancelText={t('common.cancel')} onConfirm={() => update.mutate({ status: 'closed' })}>
              <Button danger loading={update.isPending}>
                {t('campaign.closeCampaign')}
              </Button>
            </Popconfirm>
          ) : (
            <Button loading={update.isPending} onClick={() => update.mutate({ status: 'active' })}>
              {t('campaign.reopen')}
            </Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
