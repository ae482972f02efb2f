import { EditOutlined, HomeOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Flex, Row, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { useRecordFallback, useRouteId } from '../components/RecordState.tsx';
import { canEditRegistry, canRevealPersons } from '../auth/access.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { AsOfPicker } from '../features/history/AsOfPicker.tsx';
import { HistoryTimeline } from '../features/history/HistoryTimeline.tsx';
import { CreateHouseholdModal } from '../features/households/CreateHouseholdModal.tsx';
import { usePerson, usePersonAsOf, usePersonHistory, type RevealField } from '../features/persons/api.ts';
import { PersonFacts } from '../features/persons/PersonFacts.tsx';
import { PersonFormModal } from '../features/persons/PersonFormModal.tsx';
import { PersonTags } from '../features/persons/PersonTags.tsx';
import { RevealPersonModal } from '../features/persons/RevealPersonModal.tsx';
import { RegistryFacts } from '../features/persons/RegistryFacts.tsx';
import { useI18n } from '../i18n/index.ts';

type Dialog = { kind: 'edit' } | { kind: 'household' } | { kind: 'reveal'; field: RevealField };

/** 人员详情: the registered facts, full numbers on request, household, history and as-of view. */
export function PersonPage() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const id = useRouteId();
  const [asOf, setAsOf] = useState<string>();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const person = usePerson(id);
  const history = usePersonHistory(id);
  const past = usePersonAsOf(id, asOf);
  const canEdit = canEditRegistry(user);

  const fallback = useRecordFallback(id, person, t('person.notFound'));
  if (fallback || !person.data) return fallback;
  const p = person.data;
  const close = () => setDialog(null);

  const asOfFacts = () => {
    if (past.isPending) return <Spin />;
    if (isApiError(past.error) && past.error.status === 404) return <Empty description={t('history.asOfNone')} />;
    if (past.isError) return <Alert type="error" showIcon title={errorText(past.error, lang, t('common.unknownError'))} />;
    return <PersonFacts person={past.data} historical />;
  };

  return (
    <div data-testid="person-page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'search', title: <Link to="/registry">{t('registry.title')}</Link> }, { key: 'person', title: p.name }]}
      />
      <PageHeading
        title={
          <Flex wrap align="center" gap={8} component="span">
            {p.name}
            {p.deathDate && <Tag>{t('person.deceased')}</Tag>}
            <PersonTags tags={p.tags} />
          </Flex>
        }
        extra={
          <Flex wrap gap={8}>
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('person.edit')}
              </Button>
            )}
            {p.householdId !== null ? (
              <Button icon={<HomeOutlined />} onClick={() => void navigate(`/registry/households/${p.householdId}`)}>
                {t('person.openHousehold')}
              </Button>
            ) : (
              canEdit && (
                <Button type="primary" icon={<HomeOutlined />} onClick={() => setDialog({ kind: 'household' })}>
                  {t('person.createHousehold')}
                </Button>
              )
            )}
          </Flex>
        }
      />

      {p.householdId === null && canEdit && (
        <Alert type="info" showIcon title={t('person.noHouseholdHint')} style={{ marginBottom: 16 }} />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={asOf ? <Tag color="orange">{t('history.asOfTitle', { date: asOf })}</Tag> : t('person.facts')}
          >
            <div style={{ marginBottom: 16 }}>
              <AsOfPicker value={asOf} onChange={setAsOf} />
            </div>
            {asOf ? (
              asOfFacts()
            ) : (
              <PersonFacts
                person={p}
                onReveal={canRevealPersons(user) ? (field) => setDialog({ kind: 'reveal', field }) : undefined}
              />
            )}
          </Card>
          <div style={{ marginTop: 16 }}>
            <RegistryFacts person={p} canEdit={canEdit && !asOf} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('history.title')}>
            <HistoryTimeline items={history.data?.items} loading={history.isPending} error={history.error} />
          </Card>
        </Col>
      </Row>

      {dialog?.kind === 'edit' && <PersonFormModal person={p} onClose={close} />}
      {dialog?.kind === 'reveal' && <RevealPersonModal person={p} field={dialog.field} onClose={close} />}
      {dialog?.kind === 'household' && (
        <CreateHouseholdModal person={p} onClose={close} onCreated={(householdId) => void navigate(`/registry/households/${householdId}`)} />
      )}
    </div>
  );
}
