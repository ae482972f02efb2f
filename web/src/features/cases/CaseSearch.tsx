import { Alert, Col, Input, Row, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useCaseList, type CaseProgram, type CaseState } from './api.ts';
import { CaseListView } from './CaseListView.tsx';
import { PROGRAMS, programLabel, STATES, stateLabel } from './labels.ts';

const PAGE_SIZE = 50;
const asProgram = (v: string | null) => (PROGRAMS as readonly string[]).includes(v ?? '') ? (v as CaseProgram) : undefined;
const asState = (v: string | null) => (STATES as readonly string[]).includes(v ?? '') ? (v as CaseState) : undefined;

/** 全部案件: every case in the user's area, by number or name, program, step, place and lateness. Filters live in the URL. */
export function CaseSearch() {
  const { lang, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q')?.trim() || undefined,
    program: asProgram(params.get('program')),
    state: asState(params.get('state')),
    overdue: params.get('overdue') === 'true' ? ('true' as const) : undefined,
    under: params.get('under') || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const { page, ...query } = filters;
  const list = useCaseList({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const set = (patch: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...patch };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
    setParams(p);
  };

  return (
    <div data-testid="case-search">
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search
            key={filters.q}
            defaultValue={filters.q}
            allowClear
            enterButton
            placeholder={t('case.search.placeholder')}
            aria-label={t('case.search.placeholder')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select<CaseProgram>
            style={{ width: '100%' }}
            allowClear
            value={filters.program}
            placeholder={t('case.filter.allPrograms')}
            aria-label={t('case.program')}
            options={PROGRAMS.map((p) => ({ value: p, label: programLabel(p, t) }))}
            onChange={(program) => set({ program })}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select<CaseState>
            style={{ width: '100%' }}
            allowClear
            value={filters.state}
            placeholder={t('case.filter.allSteps')}
            aria-label={t('case.step')}
            options={STATES.map((s) => ({ value: s, label: stateLabel(s, t) }))}
            onChange={(state) => set({ state })}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select<'true'>
            style={{ width: '100%' }}
            allowClear
            value={filters.overdue}
            placeholder={t('case.filter.anyDue')}
            aria-label={t('case.due')}
            options={[{ value: 'true', label: t('case.filter.overdueOnly') }]}
            onChange={(overdue) => set({ overdue })}
          />
        </Col>
        <Col xs={12} md={4}>
          <JurisdictionPicker value={filters.under} allowClear placeholder={t('case.filter.allPlaces')} onChange={(under) => set({ under })} />
        </Col>
      </Row>
      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, lang, t('common.unknownError'))} />
      ) : (
        <CaseListView
          testId="case-search-list"
          items={list.data?.items ?? []}
          loading={list.isFetching}
          emptyText={t('case.filter.none')}
          pagination={{ current: filters.page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: (page) => set({ page }) }}
        />
      )}
    </div>
  );
}
