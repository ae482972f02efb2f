import { Alert, Descriptions, Divider, Drawer, Grid, Table, Tag, Typography, type TableProps } from 'antd';
import { errorText } from '../../api/errors.ts';
import { canEditPolicies } from '../../auth/access.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { useParameterEntries, type ParameterEntry, type ResolvedParameter } from './api.ts';
import { inLang, unitText } from './labels.ts';
import { ParameterEntryForm } from './ParameterEntryForm.tsx';
import { ProvenanceCell, SourceTagBadge } from './PolicyTags.tsx';

interface Props {
  parameter: ResolvedParameter;
  /** The place the parameters page shows ('' = national). */
  jurisdiction: string;
  onClose: () => void;
}

/** One parameter: what applies, its dated history along the jurisdiction chain, and (for those allowed) a new value. */
export function ParameterDrawer({ parameter, jurisdiction, onClose }: Props) {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const phone = Grid.useBreakpoint().md !== true;
  const entries = useParameterEntries(parameter.key, jurisdiction);
  const current = parameter.provenance;

  const isCurrent = (e: ParameterEntry) => current !== null && e.jurisdiction === current.jurisdiction && e.from === current.from;
  const rows = [...(entries.data?.items ?? [])].sort(
    (a, b) => b.from.localeCompare(a.from) || b.jurisdiction.length - a.jurisdiction.length || b.id - a.id,
  );

  const columns: TableProps<ParameterEntry>['columns'] = [
    {
      key: 'from',
      title: t('policy.history.from'),
      render: (_, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {e.from}
          {isCurrent(e) && (
            <Tag color="success" style={{ marginInlineStart: 4 }}>
              {t('policy.history.current')}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'place', title: t('policy.history.place'), render: (_, e) => e.jurisdictionName || e.jurisdiction },
    { key: 'value', title: t('policy.history.value'), render: (_, e) => inLang(e.display, lang) },
    { key: 'tag', title: t('policy.history.tag'), render: (_, e) => <SourceTagBadge tag={e.tag} /> },
    { key: 'source', title: t('policy.history.source'), render: (_, e) => <div style={{ minWidth: 160, maxWidth: 320 }}>{e.source}</div> },
    {
      key: 'by',
      title: t('policy.history.by'),
      render: (_, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {e.createdBy ?? t('policy.history.loaded')}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(e.createdAt)}
          </Typography.Text>
        </span>
      ),
    },
  ];

  const unit = unitText(parameter.unit, lang);
  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 760}
      title={lang === 'zh' ? parameter.zh : parameter.en}
      destroyOnHidden
    >
      <div data-testid="parameter-drawer" data-key={parameter.key}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'key', label: t('policy.param.key'), children: <Typography.Text code>{parameter.key}</Typography.Text> },
            { key: 'value', label: t('policy.param.value'), children: <strong>{inLang(parameter.display, lang)}</strong> },
            { key: 'source', label: t('policy.param.provenance'), children: <ProvenanceCell provenance={current} /> },
            ...(current ? [{ key: 'doc', label: t('policy.history.source'), children: current.source }] : []),
            ...(unit ? [{ key: 'unit', label: t('policy.param.unit'), children: unit }] : []),
          ]}
        />

        <Divider titlePlacement="start">{t('policy.history.title')}</Divider>
        {entries.isError ? (
          <Alert type="error" showIcon title={errorText(entries.error, lang, t('common.unknownError'))} />
        ) : (
          <Table<ParameterEntry>
            rowKey="id"
            size="small"
            loading={entries.isPending}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: t('policy.history.empty') }}
            data-testid="parameter-history"
          />
        )}

        {canEditPolicies(user) && (
          <>
            <Divider />
            <ParameterEntryForm key={parameter.key} parameter={parameter} jurisdiction={jurisdiction} />
          </>
        )}
      </div>
    </Drawer>
  );
}
