import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { HANDLER_LEVELS } from '../../../../src/modules/requests/requests.schema.ts';
import { ROLE_LABELS } from '../../../../src/modules/auth/roles.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { levelLabel, useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { canSetCategories, canSetRouting } from './access.ts';
import { useCategories, useDeleteRule, useRules, useSaveCategory, useSaveRule, type Category, type Rule } from './api.ts';
import { nameIn } from './labels.ts';

const ROLES = ['grid_worker', 'social_worker', 'township_reviewer', 'county_approver', 'service_point_staff'] as const;
const roleName = (role: string, lang: 'zh' | 'en') => ROLE_LABELS[role as (typeof ROLES)[number]]?.[lang] ?? role;

/** Create or change a category and its two time limits. */
function CategoryModal({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const save = useSaveCategory();
  const [form] = Form.useForm<Category>();
  const submit = (v: Category) =>
    save.mutate(
      { code: v.code, body: { nameZh: v.nameZh, nameEn: v.nameEn, descriptionZh: v.descriptionZh || null, responseHours: v.responseHours, resolutionHours: v.resolutionHours, active: v.active, sortOrder: v.sortOrder } },
      { onSuccess: onClose, onError: (e) => void (applyFieldErrors(form, e, lang, ['code', 'nameZh', 'nameEn', 'responseHours', 'resolutionHours']) || showError(e)) },
    );
  return (
    <Modal open title={category ? t('request.settings.editCategory') : t('request.settings.addCategory')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Category> form={form} layout="vertical" initialValues={category ?? { active: true, sortOrder: 80, responseHours: 24, resolutionHours: 72 }} onFinish={submit}>
        <Form.Item name="code" label={t('request.settings.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('request.settings.codeRule') }]}>
          <Input disabled={category !== null} maxLength={40} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}><Form.Item name="nameZh" label={t('request.settings.nameZh')} rules={[{ required: true }]}><Input maxLength={30} /></Form.Item></Col>
          <Col span={12}><Form.Item name="nameEn" label={t('request.settings.nameEn')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item></Col>
          <Col span={12}><Form.Item name="responseHours" label={t('request.settings.responseHours')} rules={[{ required: true }]}><InputNumber min={1} max={720} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="resolutionHours" label={t('request.settings.resolutionHours')} rules={[{ required: true }]}><InputNumber min={1} max={8760} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="sortOrder" label={t('request.settings.sortOrder')}><InputNumber min={0} max={1000} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item name="active" label={t('request.settings.active')} valuePropName="checked"><Switch /></Form.Item></Col>
        </Row>
        <Form.Item name="descriptionZh" label={t('request.settings.description')}>
          <Input maxLength={200} />
        </Form.Item>
        {lang === 'en' && category && <Typography.Text type="secondary">{nameIn(category, 'zh')}</Typography.Text>}
      </Form>
    </Modal>
  );
}

type RuleValues = { categoryCode?: string; jurisdictionCode?: string; handlerLevel: (typeof HANDLER_LEVELS)[number]; handlerRole?: string; department?: string };

/** A routing rule: for a category (or all) in a place (or everywhere in one's area), who handles it. */
function RuleModal({ onClose }: { onClose: () => void }) {
  const { lang, t } = useI18n();
  const showError = useShowError();
  const categories = useCategories();
  const save = useSaveRule();
  const [form] = Form.useForm<RuleValues>();
  const submit = (v: RuleValues) =>
    save.mutate(
      { categoryCode: v.categoryCode ?? null, jurisdictionCode: v.jurisdictionCode ?? null, handlerLevel: v.handlerLevel, handlerRole: (v.handlerRole as (typeof ROLES)[number]) ?? null, department: v.department?.trim() || null },
      { onSuccess: onClose, onError: (e) => void (applyFieldErrors(form, e, lang, ['categoryCode', 'jurisdictionCode', 'handlerLevel', 'handlerRole', 'department']) || showError(e)) },
    );
  return (
    <Modal open title={t('request.settings.addRule')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<RuleValues> form={form} layout="vertical" initialValues={{ handlerLevel: 'grid', handlerRole: 'grid_worker' }} onFinish={submit}>
        <Form.Item name="categoryCode" label={t('request.category')} extra={t('request.settings.allCategoriesHint')}>
          <Select allowClear placeholder={t('request.allCategories')} options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: nameIn(c, lang) }))} />
        </Form.Item>
        <Form.Item name="jurisdictionCode" label={t('request.settings.where')} extra={t('request.settings.whereHint')}>
          <JurisdictionPicker allowClear />
        </Form.Item>
        <Form.Item name="handlerLevel" label={t('request.level')} rules={[{ required: true }]}>
          <Select options={HANDLER_LEVELS.map((l) => ({ value: l, label: levelLabel(l, lang) }))} />
        </Form.Item>
        <Form.Item name="handlerRole" label={t('request.settings.role')}>
          <Select allowClear options={ROLES.map((r) => ({ value: r, label: roleName(r, lang) }))} />
        </Form.Item>
        <Form.Item name="department" label={t('request.department')}>
          <Input maxLength={100} placeholder={t('request.departmentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 诉求设置: categories and their time limits (administrators), and routing rules (and county approvers). */
export function SettingsPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const categories = useCategories();
  const rules = useRules();
  const remove = useDeleteRule();
  const showError = useShowError();
  const [editing, setEditing] = useState<Category | null | undefined>(undefined);
  const [addingRule, setAddingRule] = useState(false);
  const categoryName = (code: string | null) => (code ? nameIn(categories.data?.items.find((c) => c.code === code) ?? { nameZh: code, nameEn: code }, lang) : t('request.allCategories'));

  const categoryColumns: TableProps<Category>['columns'] = [
    { key: 'name', title: t('request.category'), render: (_, c) => <>{nameIn(c, lang)} <Typography.Text type="secondary">{c.code}</Typography.Text></> },
    { key: 'response', title: t('request.settings.responseHours'), align: 'right', render: (_, c) => c.responseHours },
    { key: 'resolution', title: t('request.settings.resolutionHours'), align: 'right', render: (_, c) => c.resolutionHours },
    { key: 'active', title: t('request.settings.active'), render: (_, c) => (c.active ? <Tag color="green">{t('request.settings.on')}</Tag> : <Tag>{t('request.settings.off')}</Tag>) },
    ...(canSetCategories(user) ? [{ key: 'edit', title: t('common.actions'), render: (_: unknown, c: Category) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('request.settings.editCategory')} /> }] : []),
  ];
  const ruleColumns: TableProps<Rule>['columns'] = [
    { key: 'category', title: t('request.category'), render: (_, r) => categoryName(r.categoryCode) },
    { key: 'where', title: t('request.settings.where'), render: (_, r) => r.jurisdictionName ?? t('request.settings.everywhere') },
    { key: 'level', title: t('request.level'), render: (_, r) => levelLabel(r.handlerLevel, lang) },
    { key: 'who', title: t('request.settings.role'), render: (_, r) => [r.handlerRole && roleName(r.handlerRole, lang), r.department].filter(Boolean).join(' · ') },
    { key: 'by', title: t('request.settings.updatedBy'), render: (_, r) => r.updatedBy },
    ...(canSetRouting(user)
      ? [{ key: 'delete', title: t('common.actions'), render: (_: unknown, r: Rule) => <Popconfirm title={t('request.settings.deleteRule')} onConfirm={() => remove.mutate(r.id, { onSuccess: () => void message.success(t('request.settings.deleted')), onError: showError })}><Button size="small" danger icon={<DeleteOutlined />} aria-label={t('request.settings.deleteRule')} /></Popconfirm> }]
      : []),
  ];
  const d = rules.data?.defaultRule;
  return (
    <div data-testid="request-settings">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ key: 'list', title: <Link to="/requests">{t('module.requests.name')}</Link> }, { key: 's', title: t('request.settings.title') }]} />
      <PageHeading title={t('request.settings.title')} />
      <Card size="small" title={t('request.settings.categories')} style={{ marginBottom: 16 }} extra={canSetCategories(user) && <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{t('request.settings.addCategory')}</Button>}>
        <Table<Category> rowKey="code" size="small" columns={categoryColumns} dataSource={categories.data?.items ?? []} loading={categories.isPending} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>
      <Card size="small" title={t('request.settings.rules')} extra={canSetRouting(user) && <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingRule(true)}>{t('request.settings.addRule')}</Button>}>
        <Typography.Paragraph type="secondary">{t('request.settings.rulesHint')}</Typography.Paragraph>
        {d && <Typography.Paragraph>{t('request.settings.defaultRule', { level: levelLabel(d.handlerLevel, lang), role: roleName(d.handlerRole, lang) })}</Typography.Paragraph>}
        <Table<Rule> rowKey="id" size="small" columns={ruleColumns} dataSource={rules.data?.items ?? []} loading={rules.isPending} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('request.settings.noRules') }} />
      </Card>
      {editing !== undefined && <CategoryModal category={editing} onClose={() => setEditing(undefined)} />}
      {addingRule && <RuleModal onClose={() => setAddingRule(false)} />}
    </div>
  );
}
