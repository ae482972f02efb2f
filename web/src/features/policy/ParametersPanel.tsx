import { Alert, Button, DatePicker, Flex, Form, Input, Table, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { errorText } from '../../api/errors.ts';
import { useCurrentUser } from '../../auth/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, toDayValue, todayLocal } from '../../lib/dates.ts';
import { JurisdictionPicker } from '../jurisdictions/JurisdictionPicker.tsx';
import { useParameters, type ResolvedParameter } from './api.ts';
import { groupLabel, inLang, PARAMETER_GROUPS, parameterGroup } from './labels.ts';
import { ParameterDrawer } from './ParameterDrawer.tsx';
import { ProvenanceCell } from './PolicyTags.tsx';

/**
 * 参数: the parameter set in force at a place on a day, grouped by program; each value says
 * where it comes from. A row opens its dated history (and, for admins, a form for a new value).
 */
export function ParametersPanel() {
  const { lang, t } = useI18n();
  const user = useCurrentUser();
  const [jurisdiction, setJurisdiction] = useState(user.jurisdictionCode);
  const [date, setDate] = useState(todayLocal());
  const [q, setQ] = useState('');
  const [openKey, setOpenKey] = useState<string>();
  const parameters = useParameters(jurisdiction, date);

  const needle = q.trim().toLowerCase();
  const rows = (parameters.data?.parameters ?? []).filter(
    (p) => !needle || p.key.toLowerCase().includes(needle) || p.zh.includes(needle) || p.en.toLowerCase().includes(needle),
  );
  const open = parameters.data?.parameters.find((p) => p.key === openKey);

  const columns: TableProps<ResolvedParameter>['columns'] = [
    {
      key: 'name',
      title: t('policy.param.name'),
      render: (_, p) => (
        <Flex vertical gap={2} style={{ minWidth: 180, maxWidth: 360 }}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', justifyContent: 'flex-start' }}
            onClick={(e) => {
              e.stopPropagation();
              setOpenKey(p.key);
            }}
          >
            {lang === 'zh' ? p.zh : p.en}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'value',
      title: t('policy.param.value'),
      render: (_, p) => <div style={{ minWidth: 120, maxWidth: 320 }}>{inLang(p.display, lang)}</div>,
    },
    { key: 'provenance', title: t('policy.param.provenance'), render: (_, p) => <ProvenanceCell provenance={p.provenance} /> },
  ];

  const groups = PARAMETER_GROUPS.map((group) => ({ group, items: rows.filter((p) => parameterGroup(p.key) === group) })).filter(
    (g) => g.items.length > 0,
  );

  return (
    <div data-testid="policy-parameters">
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item label={t('policy.jurisdiction')} style={{ minWidth: 260 }}>
          <JurisdictionPicker
            id="policy-jurisdiction"
            aria-label={t('policy.jurisdiction')}
            value={jurisdiction}
            valueLabel={parameters.data?.jurisdiction === jurisdiction ? parameters.data.jurisdictionName : user.jurisdictionName}
            allowWholeSystem={user.jurisdictionCode === ''}
            onChange={(code) => setJurisdiction(code ?? user.jurisdictionCode)}
          />
        </Form.Item>
        <Form.Item label={t('policy.date')}>
          <DatePicker
            id="policy-date"
            aria-label={t('policy.date')}
            format={DATE_FORMAT}
            value={toDayValue(date)}
            allowClear={false}
            inputReadOnly
            onChange={(value) => setDate(dateOf(value) ?? todayLocal())}
          />
        </Form.Item>
        <Form.Item>
          <Input.Search
            id="policy-q"
            allowClear
            placeholder={t('policy.search')}
            aria-label={t('policy.search')}
            onChange={(e) => setQ(e.target.value)}
            onSearch={setQ}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>

      {parameters.data && (
        <Typography.Paragraph type="secondary">
          {t('policy.resolvedFor', { place: parameters.data.jurisdictionName || t('policy.national'), date: parameters.data.date })}
        </Typography.Paragraph>
      )}
      {parameters.data && parameters.data.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policy.problems')}
          description={
            <ul className="lm-plain-list">
              {parameters.data.problems.map((p) => (
                <li key={p.key}>
                  <Typography.Text code>{p.key}</Typography.Text> {lang === 'zh' ? p.messageZh : p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      {parameters.isError && !parameters.data ? (
        <Alert type="error" showIcon title={errorText(parameters.error, lang, t('common.unknownError'))} />
      ) : parameters.isPending ? (
        <Table size="small" loading columns={columns} dataSource={[]} />
      ) : groups.length === 0 ? (
        <Table size="small" columns={columns} dataSource={[]} locale={{ emptyText: t('policy.paramsEmpty') }} />
      ) : (
        groups.map(({ group, items }) => (
          <section key={group} data-testid={`parameter-group-${group}`} style={{ marginBottom: 20 }}>
            <Typography.Title level={5}>
              {t(groupLabel(group))} <Typography.Text type="secondary">({items.length})</Typography.Text>
            </Typography.Title>
            <Table<ResolvedParameter>
              rowKey="key"
              size="small"
              loading={parameters.isFetching}
              columns={columns}
              dataSource={items}
              scroll={{ x: 'max-content' }}
              pagination={false}
              onRow={(p) =>
                ({
                  'data-testid': `parameter-row-${p.key}`,
                  onClick: () => setOpenKey(p.key),
                  style: { cursor: 'pointer' },
                }) as HTMLAttributes<HTMLElement>
              }
            />
          </section>
        ))
      )}

      {open && <ParameterDrawer parameter={open} jurisdiction={jurisdiction} onClose={() => setOpenKey(undefined)} />}
    </div>
  );
}
