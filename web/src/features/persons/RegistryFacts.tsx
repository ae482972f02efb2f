// 救助认定信息 on the person page: supporters, parents' situations, unemployment-insurance facts and
// job events, each a table with record / change / remove (the history keeps every version), and
// the 一次性告知: what the engine still needs, from the household's eligibility, listed once.
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import {
  EVIDENCE_KINDS, JOB_EVENT_KINDS, PARENT_SITUATIONS, PLACEMENT_KINDS, SEPARATION_REASONS, SUPPORTER_RELATIONS, SUPPORTER_SITUATIONS,
} from '../../../../src/modules/persons/facts.schema.ts';
import { DISABILITY_CATEGORIES, type Person } from '../../../../src/modules/persons/persons.schema.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { formatFen, parseYuan } from '../../lib/money.ts';
import { todayLocal } from '../../../../src/lib/local-date.ts';
import { useEligibility } from '../policy/api.ts';
import { PersonSelect } from './PersonSelect.tsx';
import { useFacts, useRemoveFact, useSaveFact, type FactKind, type FactRow } from './factsApi.ts';

type Row = FactRow[FactKind] & Record<string, unknown>;
const tk = (t: Translate, key: string) => t(key as MessageKey);
const options = (t: Translate, prefix: string, codes: readonly string[]) => codes.map((c) => ({ value: c, label: tk(t, `${prefix}.${c}`) }));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = (t: Translate, required = false) => [{ required, pattern: DATE, message: t('facts.datePlaceholder') }];
/** Empty form values are left out of the body (the API takes absent, not empty). */
const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/** The form fields of each kind, and the body they make. */
const KINDS: Record<FactKind, { title: MessageKey; fields: string[]; form: (t: Translate) => ReactNode; columns: (t: Translate) => { title: string; render: (r: Row) => ReactNode }[]; toBody: (v: Record<string, unknown>) => object; toForm?: (r: Row) => object }> = {
  supporters: {
    title: 'facts.supporters',
    fields: ['relation', 'supporterPersonId', 'name', 'idNumber', 'birthDate', 'monthlyIncome', 'monthlyIncomeFen', 'propertyWithinRule', 'disabilityCategory', 'disabilityGrade', 'since', 'until'],
    form: (t) => (
      <>
        <Form.Item name="relation" label={t('facts.relation')} rules={[{ required: true }]}><Select options={options(t, 'fact.relation', SUPPORTER_RELATIONS)} /></Form.Item>
        <Form.Item name="supporterPersonId" label={t('facts.linkedPerson')}><PersonSelect /></Form.Item>
        <Flex gap={8}>
          <Form.Item name="name" label={t('facts.name')} style={{ flex: 1 }}><Input maxLength={30} /></Form.Item>
          <Form.Item name="idNumber" label={t('facts.idNumber')} style={{ flex: 1 }}><Input maxLength={18} /></Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item name="birthDate" label={t('facts.birthDate')} rules={dateRule(t)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
          <Form.Item name="monthlyIncome" label={t('facts.monthlyIncome')} style={{ flex: 1 }}><Input inputMode="decimal" /></Form.Item>
        </Flex>
        <Form.Item name="propertyWithinRule" label={t('facts.property')}>
          <Select allowClear placeholder={t('facts.unknown')} options={[{ value: true, label: t('facts.yes') }, { value: false, label: t('facts.no') }]} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="disabilityCategory" label={t('facts.disabilityCategory')} style={{ flex: 1 }}><Select allowClear options={options(t, 'code.disabilityCategory', DISABILITY_CATEGORIES)} /></Form.Item>
          <Form.Item name="disabilityGrade" label={t('facts.disabilityGrade')} style={{ flex: 1 }}><Select allowClear options={[1, 2, 3, 4].map((g) => ({ value: g, label: String(g) }))} /></Form.Item>
        </Flex>
        <Typography.Text strong>{t('facts.situations')}</Typography.Text>
        <Form.List name="situations">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} align="baseline" wrap>
                  <Form.Item name={[item.name, 'kind']} rules={[{ required: true }]}><Select style={{ width: 150 }} options={options(t, 'fact.sit', SUPPORTER_SITUATIONS)} /></Form.Item>
                  <Form.Item name={[item.name, 'since']} rules={dateRule(t, true)}><Input placeholder={t('facts.since')} style={{ width: 120 }} /></Form.Item>
                  <Form.Item name={[item.name, 'until']} rules={dateRule(t)}><Input placeholder={t('facts.until')} style={{ width: 120 }} /></Form.Item>
                  <Button type="link" onClick={() => remove(item.name)}>{t('facts.remove')}</Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} block>{t('facts.addSituation')}</Button>
            </>
          )}
        </Form.List>
      </>
    ),
    columns: (t) => [
      { title: t('facts.relation'), render: (r) => tk(t, `fact.relation.${String(r['relation'])}`) },
      { title: t('facts.name'), render: (r) => `${String(r['name'] ?? '')}${r['idNumberMasked'] ? ` ${String(r['idNumberMasked'])}` : ''}` },
      { title: t('facts.birthDate'), render: (r) => String(r['birthDate'] ?? '—') },
      { title: t('facts.monthlyIncome'), render: (r) => (typeof r['monthlyIncomeFen'] === 'number' ? formatFen(r['monthlyIncomeFen']) : '—') },
      { title: t('facts.situations'), render: (r) => (r['situations'] as { kind: string; since: string }[]).map((s) => `${tk(t, `fact.sit.${s.kind}`)} ${s.since}`).join('；') || '—' },
    ],
    toBody: ({ monthlyIncome, ...v }) => compact({ ...v, monthlyIncomeFen: typeof monthlyIncome === 'string' && monthlyIncome.trim() ? parseYuan(monthlyIncome) : undefined, situations: (v['situations'] as object[] | undefined ?? []).map((s) => compact(s as Record<string, unknown>)) }),
    toForm: (r) => compact({ ...r, monthlyIncome: typeof r['monthlyIncomeFen'] === 'number' ? (r['monthlyIncomeFen'] / 100).toFixed(2) : undefined }),
  },
  'parent-situations': {
    title: 'facts.parents',
    fields: ['parent', 'situation', 'beganOn', 'endedOn', 'evidenceKind', 'disabilityCategory', 'disabilityGrade', 'parentPersonId'],
    form: (t) => (
      <>
        <Flex gap={8}>
          <Form.Item name="parent" label={t('facts.parent')} rules={[{ required: true }]} style={{ flex: 1 }}><Select options={options(t, 'fact.parent', ['father', 'mother'])} /></Form.Item>
          <Form.Item name="situation" label={t('facts.situation')} rules={[{ required: true }]} style={{ flex: 2 }}><Select options={options(t, 'fact.sit', PARENT_SITUATIONS)} /></Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item name="beganOn" label={t('facts.beganOn')} rules={dateRule(t)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
          <Form.Item name="endedOn" label={t('facts.endedOn')} rules={dateRule(t)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
        </Flex>
        <Form.Item name="evidenceKind" label={t('facts.evidence')} rules={[{ required: true }]}><Select options={options(t, 'fact.evidence', EVIDENCE_KINDS)} /></Form.Item>
        <Flex gap={8}>
          <Form.Item name="disabilityCategory" label={t('facts.disabilityCategory')} style={{ flex: 1 }}><Select allowClear options={options(t, 'code.disabilityCategory', DISABILITY_CATEGORIES)} /></Form.Item>
          <Form.Item name="disabilityGrade" label={t('facts.disabilityGrade')} style={{ flex: 1 }}><Select allowClear options={[1, 2, 3, 4].map((g) => ({ value: g, label: String(g) }))} /></Form.Item>
        </Flex>
        <Form.Item name="parentPersonId" label={t('facts.linkedPerson')}><PersonSelect /></Form.Item>
      </>
    ),
    columns: (t) => [
      { title: t('facts.parent'), render: (r) => tk(t, `fact.parent.${String(r['parent'])}`) },
      { title: t('facts.situation'), render: (r) => tk(t, `fact.sit.${String(r['situation'])}`) },
      { title: t('facts.beganOn'), render: (r) => `${String(r['beganOn'] ?? '—')}${r['endedOn'] ? ` → ${String(r['endedOn'])}` : ''}` },
      { title: t('facts.evidence'), render: (r) => tk(t, `fact.evidence.${String(r['evidenceKind'])}`) },
    ],
    toBody: (v) => compact(v),
  },
  unemployment: {
    title: 'facts.unemployment',
    fields: ['contributionMonths', 'lastEmployer', 'separationOn', 'separationReason', 'registeredOn', 'unusedMonths', 'subsidyReceived', 'reemployedOn'],
    form: (t) => (
      <>
        <Flex gap={8}>
          <Form.Item name="contributionMonths" label={t('facts.contributionMonths')} rules={[{ required: true }]} style={{ flex: 1 }}><InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="lastEmployer" label={t('facts.lastEmployer')} style={{ flex: 2 }}><Input maxLength={100} /></Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item name="separationOn" label={t('facts.separationOn')} rules={dateRule(t, true)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
          <Form.Item name="separationReason" label={t('facts.separationReason')} rules={[{ required: true }]} style={{ flex: 2 }}><Select options={options(t, 'fact.sep', SEPARATION_REASONS)} /></Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item name="registeredOn" label={t('facts.registeredOn')} rules={dateRule(t)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
          <Form.Item name="reemployedOn" label={t('facts.reemployedOn')} rules={dateRule(t)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
        </Flex>
        <Flex gap={8} align="center">
          <Form.Item name="unusedMonths" label={t('facts.unusedMonths')} style={{ flex: 1 }}><InputNumber min={0} max={24} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="subsidyReceived" valuePropName="checked" style={{ flex: 1 }}><Checkbox>{t('facts.subsidyReceived')}</Checkbox></Form.Item>
        </Flex>
      </>
    ),
    columns: (t) => [
      { title: t('facts.contributionMonths'), render: (r) => String(r['contributionMonths']) },
      { title: t('facts.separationOn'), render: (r) => `${String(r['separationOn'])} ${tk(t, `fact.sep.${String(r['separationReason'])}`)}` },
      { title: t('facts.registeredOn'), render: (r) => String(r['registeredOn'] ?? '—') },
      { title: t('facts.lastEmployer'), render: (r) => String(r['lastEmployer'] ?? '—') },
    ],
    toBody: (v) => compact(v),
  },
  'job-events': {
    title: 'facts.jobs',
    fields: ['kind', 'onDate', 'employer', 'placementKind'],
    form: (t) => (
      <>
        <Flex gap={8}>
          <Form.Item name="kind" label={t('facts.kind')} rules={[{ required: true }]} style={{ flex: 2 }}><Select options={options(t, 'fact.job', JOB_EVENT_KINDS)} /></Form.Item>
          <Form.Item name="onDate" label={t('facts.onDate')} rules={dateRule(t, true)} style={{ flex: 1 }}><Input placeholder={t('facts.datePlaceholder')} /></Form.Item>
        </Flex>
        <Form.Item name="employer" label={t('facts.employer')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="placementKind" label={t('facts.placementKind')}><Select allowClear options={options(t, 'fact.place', PLACEMENT_KINDS)} /></Form.Item>
      </>
    ),
    columns: (t) => [
      { title: t('facts.onDate'), render: (r) => String(r['onDate']) },
      { title: t('facts.kind'), render: (r) => tk(t, `fact.job.${String(r['kind'])}`) },
      { title: t('facts.employer'), render: (r) => String(r['employer'] ?? '—') },
      { title: t('facts.placementKind'), render: (r) => (r['placementKind'] ? tk(t, `fact.place.${String(r['placementKind'])}`) : '—') },
    ],
    toBody: (v) => compact(v),
  },
};

function FactModal({ person, kind, row, onClose }: { person: Person; kind: FactKind; row?: Row; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Record<string, unknown>>();
  const save = useSaveFact(person.id, kind);
  const k = KINDS[kind];
  const onFinish = (values: Record<string, unknown>) =>
    save.mutate({ ...(row ? { factId: row.id } : {}), body: k.toBody(values) }, {
      onSuccess: () => { void message.success(t('facts.saved')); onClose(); },
      onError: (error) => { if (!applyFieldErrors(form, error, lang, k.fields)) showError(error); },
    });
  return (
    <Modal open title={`${t(k.title)} · ${person.name}`} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={row ? (k.toForm ?? compact)(row) : {}}>
        {k.form(t)}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

function FactTable({ person, kind, canEdit }: { person: Person; kind: FactKind; canEdit: boolean }) {
  const { t } = useI18n();
  const facts = useFacts(person.id, kind);
  const remove = useRemoveFact(person.id, kind);
  const [editing, setEditing] = useState<{ row?: Row } | null>(null);
  const [removing, setRemoving] = useState<Row | null>(null);
  const columns = KINDS[kind].columns(t).map((c, i) => ({ key: i, title: c.title, render: (_: unknown, r: Row) => c.render(r) }));
  if (canEdit) {
    columns.push({
      key: 99, title: '', render: (_: unknown, r: Row) => (
        <Space>
          <Button size="small" type="link" onClick={() => setEditing({ row: r })}>{t('facts.edit')}</Button>
          <Button size="small" type="link" danger onClick={() => setRemoving(r)}>{t('facts.remove')}</Button>
        </Space>
      ),
    });
  }
  return (
    <>
      {canEdit && <Button size="small" type="primary" style={{ marginBottom: 8 }} onClick={() => setEditing({})} data-testid={`facts-add-${kind}`}>{t('facts.add')}</Button>}
      <Table<Row> size="small" rowKey="id" pagination={false} scroll={{ x: true }} loading={facts.isPending} columns={columns} dataSource={(facts.data?.items ?? []) as Row[]} locale={{ emptyText: t('facts.empty') }} />
      {editing && <FactModal person={person} kind={kind} {...(editing.row ? { row: editing.row } : {})} onClose={() => setEditing(null)} />}
      {removing && <ReasonModal title={t('facts.removeTitle')} hint={t('facts.removeHint')} okText={t('facts.remove')} danger onSubmit={(reason) => remove.mutateAsync({ factId: removing.id, reason })} onClose={() => setRemoving(null)} />}
    </>
  );
}

/** What the engine names as missing about this person (or the household), in plain words, once. */
function missingText(t: Translate, path: string): string {
  if (path === 'supporters') return t('facts.missing.supporters');
  if (path === 'parents' || path.startsWith('parents.')) return t('facts.missing.parents');
  if (path === 'unemployment') return t('facts.missing.unemployment');
  if (/^members\.\d+\.selfCareFailed$/.test(path)) return t('facts.missing.selfCare');
  if (/^members\.\d+\.birth$/.test(path)) return t('facts.missing.birth');
  return t('facts.missing.other', { path });
}

function Notice({ person }: { person: Person }) {
  const { t } = useI18n();
  const eligibility = useEligibility(person.householdId ?? 0, todayLocal());
  if (person.householdId === null) return <Alert type="info" showIcon title={t('facts.noticeNoHousehold')} style={{ marginBottom: 12 }} />;
  // 临时救助 needs an event, and unemployment programs matter only for someone unemployed.
  const relevant = (program: string) => program !== 'temporary' && (!program.startsWith('unemployment') || person.employmentStatus === 'unemployed');
  const mine = (eligibility.data?.decisions ?? []).filter((d) => d.status === 'needs_information' && (d.subjectName === person.name || d.subjectName === null) && relevant(d.program));
  const items = [...new Set(mine.flatMap((d) => d.missing.filter((m) => !m.startsWith('param:')).map((m) => `${d.zh}：${missingText(t, m)}`)))];
  if (eligibility.isPending) return null;
  if (items.length === 0) return <Alert type="success" showIcon title={t('facts.noticeNone')} style={{ marginBottom: 12 }} />;
  return <Alert type="warning" showIcon data-testid="facts-notice" title={t('facts.notice')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{items.map((i) => <li key={i}>{i}</li>)}</ul>} style={{ marginBottom: 12 }} />;
}

export function RegistryFacts({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('facts.title')} data-testid="registry-facts">
      <Typography.Paragraph type="secondary">{t('facts.intro')}</Typography.Paragraph>
      <Notice person={person} />
      <Tabs items={(Object.keys(KINDS) as FactKind[]).map((kind) => ({ key: kind, label: t(KINDS[kind].title), children: <FactTable person={person} kind={kind} canEdit={canEdit} /> }))} />
    </Card>
  );
}
