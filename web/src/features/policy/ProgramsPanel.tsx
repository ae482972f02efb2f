import { Alert, Table, Tag, Typography, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { usePrograms, type ProgramInfo } from './api.ts';
import { inLang } from './labels.ts';

/** 程序: the assistance programs lastmile evaluates, their legal basis and where to apply. */
export function ProgramsPanel() {
  const { lang, t } = useI18n();
  const programs = usePrograms();

  const columns: TableProps<ProgramInfo>['columns'] = [
    {
      key: 'name',
      title: t('policy.program.name'),
      render: (_, p) => (
        <div style={{ minWidth: 140 }}>
          <Typography.Text strong>{lang === 'zh' ? p.zh : p.en}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.id}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'level',
      title: t('policy.program.level'),
      render: (_, p) => <Tag color={p.level === 'household' ? 'blue' : 'cyan'}>{t(`policy.program.level.${p.level}`)}</Tag>,
    },
    { key: 'basis', title: t('policy.program.basis'), render: (_, p) => <div style={{ minWidth: 200, maxWidth: 420 }}>{p.basis}</div> },
    { key: 'applyAt', title: t('policy.program.applyAt'), render: (_, p) => <div style={{ minWidth: 160, maxWidth: 320 }}>{inLang(p.applyAt, lang)}</div> },
  ];

  if (programs.isError) return <Alert type="error" showIcon title={errorText(programs.error, lang, t('common.unknownError'))} />;
  return (
    <div data-testid="policy-programs">
      <Typography.Paragraph type="secondary">{t('policy.program.intro')}</Typography.Paragraph>
      <Table<ProgramInfo>
        rowKey="id"
        size="small"
        loading={programs.isPending}
        columns={columns}
        dataSource={programs.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        onRow={(p) => ({ 'data-testid': `program-row-${p.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
