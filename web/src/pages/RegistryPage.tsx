import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Grid, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../api/errors.ts';
import { canEditRegistry, canRevealPersons } from '../auth/access.ts';
import { useCurrentUser } from '../auth/useSession.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { JurisdictionPicker } from '../features/jurisdictions/JurisdictionPicker.tsx';
import { usePersonList } from '../features/persons/api.ts';
import { ExportButton } from '../features/persons/ExportButton.tsx';
import { codeOptions, TAG_CODES } from '../features/persons/labels.ts';
import { PersonCards } from '../features/persons/PersonCards.tsx';
import { PersonFormModal } from '../features/persons/PersonFormModal.tsx';
import { PersonTable, type PersonViewProps } from '../features/persons/PersonTable.tsx';
import { useI18n } from '../i18n/index.ts';

const PAGE_SIZE = 50;

interface Filters {
  q: string;
  tag?: string;
  under?: string;
  page: number;
}

/**
 * 人员查询: one box for name, pinyin initials, ID number (full or last 4) or phone, plus tag and
 * jurisdiction filters. Filters live in the URL so Back and shared links work.
 */
export function RegistryPage() {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().sm !== true;
  const canEdit = canEditRegistry(user);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: Filters = {
    q: searchParams.get('q')?.trim() ?? '',
    tag: searchParams.get('tag') || undefined,
    under: searchParams.get('under') || undefined,
    page: Math.max(1, Number(searchParams.get('page')) || 1),
  };
  const [creating, setCreating] = useState(false);

  const filter = { q: filters.q || undefined, tag: filters.tag, under: filters.under };
  const list = usePersonList({ ...filter, limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE });

  const setFilters = (next: Filters) => {
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.tag) params.set('tag', next.tag);
    if (next.under) params.set('under', next.under);
    if (next.page > 1) params.set('page', String(next.page));
    setSearchParams(params);
  };

  const viewProps: PersonViewProps = {
    items: list.data?.items ?? [],
    loading: list.isFetching,
    pagination: {
      current: filters.page,
      pageSize: PAGE_SIZE,
      total: list.data?.total ?? 0,
      capped: list.data?.totalCapped ?? false,
      onChange: (page) => setFilters({ ...filters, page }),
    },
  };

  return (
    <div data-testid="registry-search">
      <PageHeading
        title={t('registry.title')}
        extra={
          <Flex wrap gap={8}>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('registry.create')}
              </Button>
            )}
            <ExportButton filter={filter} canReveal={canRevealPersons(user)} />
            {canEdit && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate('/registry/import')}>
                {t('registry.import')}
              </Button>
            )}
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('registry.intro')}
        </Typography.Paragraph>
      </PageHeading>

      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} xl={10}>
          <Input.Search
            key={filters.q} // follow Back/Forward
            id="registry-q"
            defaultValue={filters.q}
            placeholder={t('registry.search')}
            aria-label={t('registry.search')}
            allowClear
            enterButton
            autoComplete="off"
            onSearch={(value) => setFilters({ ...filters, q: value.trim(), page: 1 })}
          />
        </Col>
        <Col xs={12} md={5} xl={5}>
          <Select<string>
            style={{ width: '100%' }}
            value={filters.tag}
            placeholder={t('registry.allTags')}
            aria-label={t('person.tags')}
            allowClear
            options={codeOptions('tag', TAG_CODES, t).map((o) => ({ ...o, value: String(o.value) }))}
            onChange={(tag) => setFilters({ ...filters, tag, page: 1 })}
          />
        </Col>
        <Col xs={12} md={7} xl={6}>
          <JurisdictionPicker
            value={filters.under}
            allowClear
            placeholder={t('registry.allJurisdictions')}
            aria-label={t('person.jurisdictionShort')}
            onChange={(under) => setFilters({ ...filters, under, page: 1 })}
          />
        </Col>
      </Row>
      {filters.q && <Typography.Paragraph type="secondary">{t('registry.searchResult', { q: filters.q })}</Typography.Paragraph>}

      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : phone ? (
        <PersonCards {...viewProps} />
      ) : (
        <PersonTable {...viewProps} />
      )}

      {creating && (
        <PersonFormModal onClose={() => setCreating(false)} onCreated={(person) => void navigate(`/registry/persons/${person.id}`)} />
      )}
    </div>
  );
}
