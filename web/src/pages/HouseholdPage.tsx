import { EditOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Household } from '../../../src/modules/households/households.schema.ts';
import { isApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useRecordFallback, useRouteId } from '../components/RecordState.tsx';
import { canEditRegistry, canReadBenefits } from '../auth/access.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { AsOfPicker } from '../features/history/AsOfPicker.tsx';
import { HistoryTimeline } from '../features/history/HistoryTimeline.tsx';
import { useHousehold, useHouseholdAsOf, useHouseholdHistory } from '../features/households/api.ts';
import { FinanceSection } from '../features/households/FinanceSection.tsx';
import { BenefitsSection } from '../features/charity/BenefitsSection.tsx';
import { HouseholdEditModal } from '../features/households/HouseholdEditModal.tsx';
import { HouseholdSummary } from '../features/households/HouseholdSummary.tsx';
import { MembersSection } from '../features/households/MembersSection.tsx';
import { EligibilitySection } from '../features/policy/EligibilitySection.tsx';
import { useI18n } from '../i18n/index.ts';

function HouseholdBody({ household, editable }: { household: Household; editable: boolean }) {
  return (
    <>
      <MembersSection household={household} editable={editable} />
      <FinanceSection household={household} editable={editable} />
    </>
  );
}

/** 户详情: head, address, bank account; members; finances; eligibility; history and as-of view. */
export function HouseholdPage() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const id = useRouteId();
  const [asOf, setAsOf] = useState<string>();
  const [editing, setEditing] = useState(false);

  const current = useHousehold(id);
  const history = useHouseholdHistory(id);
  const past = useHouseholdAsOf(id, asOf);
  const canEdit = canEditRegistry(user);

  const fallback = useRecordFallback(id, current, t('household.notFound'));
  if (fallback || !current.data) return fallback;
  const household = current.data;
  const title = household.headName ? t('household.heading', { name: household.headName }) : t('household.noHead', { id: household.id });

  const shown = () => {
    if (!asOf) {
      return (
        <>
          <Card size="small" title={t('household.title')} style={{ marginBottom: 16 }}>
            <HouseholdSummary household={household} />
          </Card>
          <HouseholdBody household={household} editable={canEdit} />
          <EligibilitySection householdId={household.id} />
          {canReadBenefits(user) && <BenefitsSection householdId={household.id} />}
        </>
      );
    }
    if (past.isPending) return <Spin />;
    if (isApiError(past.error) && past.error.status === 404) return <Empty description={t('history.asOfNone')} />;
    if (past.isError) return <Alert type="error" showIcon title={errorText(past.error, lang, t('common.unknownError'))} />;
    return (
      <div data-testid="household-as-of">
        <Card size="small" title={<Tag color="orange">{t('history.asOfTitle', { date: asOf })}</Tag>} style={{ marginBottom: 16 }}>
          <HouseholdSummary household={past.data} />
        </Card>
        <HouseholdBody household={past.data} editable={false} />
        {/* Entitlement as of that day: the facts and parameters then in force. */}
        <EligibilitySection key={asOf} householdId={household.id} initialDate={asOf} />
      </div>
    );
  };

  return (
    <div data-testid="household-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'search', title: <Link to="/registry">{t('registry.title')}</Link> }, { key: 'household', title }]}
      />
      <PageHeading
        title={title}
        extra={
          canEdit &&
          !asOf && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('household.edit')}
            </Button>
          )
        }
      >
        <div style={{ marginTop: 8 }}>
          <AsOfPicker value={asOf} onChange={setAsOf} />
        </div>
      </PageHeading>

      <Row gutter={[16, 0]}>
        <Col xs={24} xl={17}>
          {shown()}
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('history.title')}>
            <HistoryTimeline items={history.data?.items} loading={history.isPending} error={history.error} />
          </Card>
        </Col>
      </Row>

      {editing && <HouseholdEditModal household={household} onClose={() => setEditing(false)} />}
    </div>
  );
}
