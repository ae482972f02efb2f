import { Alert, Breadcrumb, Card, Col, Descriptions, Flex, Grid, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useRecordFallback, useRouteId } from '../../components/RecordState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { canReadPayments } from '../payments/access.ts';
import { CasePaymentsSection } from '../payments/CasePaymentsSection.tsx';
import { DecisionDetail } from '../policy/DecisionDetail.tsx';
import { StatusTag } from '../policy/PolicyTags.tsx';
import { useCaseMissing } from './CaseMissing.tsx';
import { useCase, type CaseDetail } from './api.ts';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseSteps, CaseTimeline } from './CaseProgress.tsx';
import { DueInfo, ProgramTag, StateTag } from './CaseTags.tsx';
import { categoryLabel, causeKindLabel, channelLabel, OPEN_STATES, procedureLabel } from './labels.ts';
import { MaterialsSection } from './MaterialsSection.tsx';
import { VisitsSection } from './VisitsSection.tsx';
import { canReadBenefits } from '../../auth/access.ts';
import { BenefitsSection } from '../charity/BenefitsSection.tsx';

const money = (fen: number | null, unit: string) => (fen === null ? '—' : `${formatFen(fen)} ${unit}`);

/** What the case is about: who, where, how it came in, the amounts, the deadlines. */
function CaseFacts({ c }: { c: CaseDetail }) {
  const { lang, t } = useI18n();
  const phone = Grid.useBreakpoint().md !== true;
  const unit = c.paymentPeriod === 'monthly' ? t('case.unit.monthly') : t('finance.unit');
  const items = [
    {
      key: 'applicant',
      label: t('case.applicant'),
      children: (
        <Flex wrap gap={8}>
          <Link to={`/registry/persons/${c.applicantPersonId}`}>{c.applicantName}</Link>
          {c.householdId !== null && (
            <Link to={`/registry/households/${c.householdId}`} data-testid="case-household-link">
              {t('case.household')}
            </Link>
          )}
        </Flex>
      ),
    },
    ...(c.beneficiaryPersonId !== null && c.beneficiaryPersonId !== c.applicantPersonId
      ? [{ key: 'beneficiary', label: t('case.beneficiary'), children: <Link to={`/registry/persons/${c.beneficiaryPersonId}`}>{c.beneficiaryName}</Link> }]
      : []),
    { key: 'place', label: t('case.place'), children: c.jurisdictionName ?? c.jurisdictionCode },
    { key: 'channel', label: t('case.channel'), children: channelLabel(c.channel, t) + (c.sourceRef ? ` · ${c.sourceRef}` : '') },
    { key: 'receivedOn', label: t('case.receivedOn'), children: c.receivedOn },
    { key: 'procedure', label: t('case.procedure'), children: procedureLabel(c.procedure, t) },
    ...(c.category ? [{ key: 'category', label: t('case.category'), children: categoryLabel(c.category, t) }] : []),
    ...(c.causeKind ? [{ key: 'causeKind', label: t('case.causeKind'), children: [causeKindLabel(c.causeKind, lang), c.causeEventOn, c.causeReference].filter(Boolean).join(' · ') }] : []),
    ...(c.cause ? [{ key: 'cause', label: t('case.cause'), children: c.cause }] : []),
    { key: 'requested', label: t('case.requested'), children: money(c.requestedFen, unit) },
    { key: 'proposed', label: t('case.proposed'), children: money(c.proposedFen, unit) },
    {
      key: 'approved',
      label: t('case.approved'),
      children: <span data-testid="case-approved-amount">{money(c.approvedFen, unit)}</span>,
    },
    ...(c.approvalLevel
      ? [
          {
            key: 'level',
            label: t('case.approvalLevel'),
            children: (
              <span data-testid="case-approval-level">
                <Tag>{t(`case.level.${c.approvalLevel}`)}</Tag>
              </span>
            ),
          },
        ]
      : []),
    ...(c.override
      ? [{ key: 'override', label: t('case.override.title'), children: <span data-testid="case-override"><Tag color="red">{t(`case.override.${c.override.kind}`)}</Tag>{c.override.reason}</span> }]
      : []),
    ...(c.peopleCovered ? [{ key: 'people', label: t('case.peopleCovered'), children: c.peopleCovered }] : []),
    ...(c.publicityFrom ? [{ key: 'publicity', label: t('case.publicity'), children: t('case.publicityRange', { from: c.publicityFrom, to: c.publicityTo ?? '', round: c.publicityRound }) }] : []),
    ...(c.stepDueOn ? [{ key: 'stepDue', label: t('case.stepDue'), children: c.stepDueOn }] : []),
    ...(c.overallDueOn ? [{ key: 'overallDue', label: t('case.overallDue'), children: `${c.overallDueOn}${c.extended ? ` ${t('case.extended')}` : ''}` }] : []),
    ...(c.firstPaymentMonth ? [{ key: 'firstMonth', label: t('case.firstPaymentMonth'), children: c.firstPaymentMonth }] : []),
    ...(c.nextReviewOn ? [{ key: 'nextReview', label: t('case.nextReviewOn'), children: c.nextReviewOn }] : []),
    ...(c.refusalReason ? [{ key: 'refusal', label: t('case.refusalReason'), children: c.refusalReason }] : []),
    ...(c.noticeDueOn || c.noticeServedOn
      ? [{ key: 'notice', label: t('case.notice'), children: c.noticeServedOn ? t('case.noticeServed', { date: c.noticeServedOn }) : t('case.noticeDue', { date: c.noticeDueOn ?? '' }) }]
      : []),
  ];
  return <Descriptions size="small" column={phone ? 1 : 2} items={items} data-testid="case-facts" />;
}

/** Warnings that change how the case must be handled. */
function CaseAlerts({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <>
      {c.prepaidFen > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="case-prepaid"
          title={t('case.prepaid', { amount: formatFen(c.prepaidFen), date: c.prepaidOn ?? '' })}
          description={c.paperworkDueOn && (OPEN_STATES as readonly string[]).includes(c.state) ? t('case.paperworkDue', { date: c.paperworkDueOn }) : undefined}
        />
      )}
      {c.separatelyRegistered && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('case.separate')}
          description={[c.separateNote, c.countyVisitDone ? t('case.countyVisitDone') : t('case.countyVisitPending')].filter(Boolean).join(' ')}
        />
      )}
      {c.exceptionDecision && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('case.exception', { no: c.exceptionDecision.decisionNo, date: c.exceptionDecision.decidedOn })}
          description={c.exceptionDecision.note}
        />
      )}
    </>
  );
}

/** 案件详情: header and steps, what may be done now, materials, visits, the engine's decision, payments, files, and the timeline. */
export function CasePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const id = useRouteId();
  const query = useCase(id);
  const missing = useCaseMissing(id, query.error);
  const fallback = useRecordFallback(id, query, t('case.notFound'), { to: '/cases', label: t('case.backToQueue') });
  if (missing) return missing;
  if (fallback || !query.data) return fallback;
  const c = query.data;
  const showPayments = canReadPayments(user) && (c.state === 'approved' || c.state === 'closed' || c.prepaidFen > 0);

  return (
    <div data-testid="case-page" data-case-no={c.caseNo} data-state={c.state}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'cases', title: <Link to="/cases">{t('module.cases.name')}</Link> }, { key: 'case', title: c.caseNo }]}
      />
      <PageHeading
        title={
          <Flex wrap gap={8} align="center">
            <span>{c.applicantName}</span>
            <ProgramTag program={c.program} />
            <StateTag state={c.state} />
            {c.kind === 'review' && <Tag color="purple">{t('case.kind.review')}</Tag>}
          </Flex>
        }
      >
        <Flex wrap gap={12} align="center" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" copyable data-testid="case-no">
            {c.caseNo}
          </Typography.Text>
          {(c.dueOn || c.overdue) && <DueInfo item={c} />}
        </Flex>
      </PageHeading>

      <Card size="small" style={{ marginBottom: 16 }}>
        <CaseSteps c={c} />
      </Card>
      <CaseAlerts c={c} />
      <Card size="small" title={t('case.section.actions')} style={{ marginBottom: 16 }}>
        <CaseActions c={c} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('case.section.facts')}>
              <CaseFacts c={c} />
            </Card>
            {showPayments && (
              <Card size="small" title={t('case.section.payments')}>
                <CasePaymentsSection caseId={c.id} />
              </Card>
            )}
            {c.decision && (
              <Card
                size="small"
                title={
                  <Flex wrap gap={8} align="center">
                    {t('case.section.decision')}
                    <StatusTag status={c.decision.status} />
                  </Flex>
                }
                extra={c.decidedAsOf && <Typography.Text type="secondary">{t('case.decidedAsOf', { date: c.decidedAsOf })}</Typography.Text>}
              >
                <DecisionDetail decision={c.decision} />
              </Card>
            )}
            {c.kind === 'application' && (
              <Card size="small" title={t('case.section.materials')}>
                <MaterialsSection c={c} />
              </Card>
            )}
            <Card size="small" title={t('case.section.visits', { n: c.visits.length })}>
              <VisitsSection c={c} />
            </Card>
            <Card size="small" title={t('case.section.attachments', { n: c.attachments.length })}>
              <AttachmentsSection c={c} />
            </Card>
            {/* 临时救助 is reviewed against everything the household already got, from every source. */}
            {c.program === 'temporary' && c.householdId !== null && canReadBenefits(user) && <BenefitsSection householdId={c.householdId} />}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('case.section.timeline')}>
            <CaseTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
