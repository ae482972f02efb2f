import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Grid, Input, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { canonicalCode } from '../../../src/lib/division-code.ts';
import type { Jurisdiction } from '../../../src/modules/jurisdictions/jurisdictions.schema.ts';
import { isApiError } from '../api/client.ts';
import { errorText, useShowError } from '../api/errors.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDeleteJurisdiction, useJurisdiction, useJurisdictionList } from '../features/jurisdictions/api.ts';
import { JurisdictionBreadcrumb } from '../features/jurisdictions/JurisdictionBreadcrumb.tsx';
import { JurisdictionCards } from '../features/jurisdictions/JurisdictionCards.tsx';
import { JurisdictionFormModal, type FormTarget } from '../features/jurisdictions/JurisdictionFormModal.tsx';
import { JurisdictionTable, type JurisdictionViewProps } from '../features/jurisdictions/JurisdictionTable.tsx';
import { levelLabel, useI18n } from '../i18n/index.ts';

const PAGE_SIZE = 50;

/**
 * Drill-down browser: /jurisdictions lists the roots the user can see, /jurisdictions/:code the
 * children of one division. Search and page live in the URL so Back and shared links work.
 */
export function JurisdictionsPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().sm !== true;
  const canEdit = user.roles.includes('admin');

  const rawCode = useParams().code;
  const code = rawCode === undefined ? undefined : canonicalCode(rawCode);
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const [formTarget, setFormTarget] = useState<FormTarget | null>(null);

  const current = useJurisdiction(code);
  const list = useJurisdictionList({
    // Searching looks through all descendants (the whole scope at the top), browsing shows
    // direct children only.
    ...(q ? { under: code, q } : { parent: code }),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const remove = useDeleteJurisdiction();

  if ((rawCode !== undefined && code === undefined) || (isApiError(current.error) && current.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('jur.notFound')}
        extra={
          <Button type="primary" onClick={() => void navigate('/jurisdictions')}>
            {t('jur.backToList')}
          </Button>
        }
      />
    );
  }
  if (current.isError) {
    return <Result status="warning" title={errorText(current.error, lang, t('common.unknownError'))} />;
  }

  const setParams = (next: { q?: string; page?: number }) => {
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.page && next.page > 1) params.set('page', String(next.page));
    setSearchParams(params);
  };

  const onDelete = (row: Jurisdiction) =>
    remove.mutate(row.code, {
      onSuccess: () => void message.success(t('jur.deleted', { name: row.name })),
      onError: showError,
    });

  const node = current.data;
  // Grids are leaves; at the top only a nationwide admin may add provinces.
  const canAdd = canEdit && (node ? node.level !== 'grid' : user.jurisdictionCode === '');

  const viewProps: JurisdictionViewProps = {
    items: list.data?.items ?? [],
    loading: list.isFetching,
    canEdit,
    pagination: {
      current: page,
      pageSize: PAGE_SIZE,
      total: list.data?.total ?? 0,
      onChange: (p) => setParams({ q, page: p }),
    },
    onRename: (row) => setFormTarget({ kind: 'rename', row }),
    onDelete,
  };

  return (
    <div data-testid="jurisdictions-page">
      <PageHeading
        title={t('jur.title')}
        extra={
          canAdd && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget({ kind: 'create', parent: node })}
            >
              {t('jur.add')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('jur.intro')}
        </Typography.Paragraph>
      </PageHeading>

      <JurisdictionBreadcrumb current={node} />
      {node && (
        <Flex wrap align="center" gap={8} style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {node.name}
          </Typography.Title>
          <Tag color="blue">{levelLabel(node.level, lang)}</Tag>
          <Typography.Text type="secondary" copyable>
            {node.level === 'grid' ? node.code : node.divisionCode}
          </Typography.Text>
        </Flex>
      )}

      <Input.Search
        key={`${code ?? ''}|${q}`} // reset the box when navigating to another division
        defaultValue={q}
        placeholder={t('jur.search')}
        aria-label={t('jur.search')}
        allowClear
        enterButton
        onSearch={(value) => setParams({ q: value.trim() })}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      {q && (
        <Typography.Paragraph type="secondary">{t('jur.searchResult', { q })}</Typography.Paragraph>
      )}

      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : phone ? (
        <JurisdictionCards {...viewProps} />
      ) : (
        <JurisdictionTable {...viewProps} />
      )}

      {formTarget && <JurisdictionFormModal target={formTarget} onClose={() => setFormTarget(null)} />}
    </div>
  );
}
