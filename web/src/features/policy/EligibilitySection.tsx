import { Alert, Card, DatePicker, Flex, Table, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { DATE_FORMAT, dateOf, toDayValue, todayLocal } from '../../lib/dates.ts';
import { useEligibility, type Decision } from './api.ts';
import { DecisionDetail } from './DecisionDetail.tsx';
import { amountText, inLang } from './labels.ts';
import { NearMissTag, StatusTag } from './PolicyTags.tsx';

const rowKey = (d: Decision) => `${d.program}:${d.subject ?? 'household'}`;

/**
 * 政策匹配: what this household may be entitled to on a date, computed from its registered facts
 * and the parameters in force then. Each row expands into the full explanation.
 */
export function EligibilitySection({ householdId, initialDate }: { householdId: number; initialDate?: string }) {
  const { lang, t } = useI18n();
  const [date, setDate] = useState(initialDate ?? todayLocal());
  const eligibility = useEligibility(householdId, date);

  const columns: TableProps<Decision>['columns'] = [
    {
      key: 'program',
      title: t('eligibility.program'),
      render: (_, d) => (
        <Flex vertical gap={2} style={{ minWidth: 140, maxWidth: 360 }}>
          <Typography.Text strong>{lang === 'zh' ? d.zh : d.en}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {inLang(d.summary, lang)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('eligibility.status'),
      render: (_, d) => (
        <Flex wrap gap={4}>
          <StatusTag status={d.status} />
          {d.nearMiss && <NearMissTag />}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('eligibility.amount'),
      align: 'right',
      render: (_, d) =>
        d.amountFen === null ? '' : <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{amountText(d.amountFen, d.period, t)}</span>,
    },
    { key: 'subject', title: t('eligibility.subject'), render: (_, d) => d.subjectName ?? t('eligibility.wholeHousehold') },
    {
      key: 'duration',
      title: t('eligibility.duration'),
      render: (_, d) => (d.durationMonths === null ? '' : t('policy.months', { n: d.durationMonths })),
    },
    { key: 'category', title: t('eligibility.category'), render: (_, d) => d.category ?? '' },
  ];

  const body = () => {
    if (eligibility.isError && !eligibility.data) {
      return <Alert type="error" showIcon title={errorText(eligibility.error, lang, t('common.unknownError'))} />;
    }
    return (
      <Table<Decision>
        rowKey={rowKey}
        size="small"
        loading={eligibility.isFetching}
        columns={columns}
        dataSource={eligibility.data?.decisions ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('eligibility.empty') }}
        onRow={(d) =>
          ({ 'data-testid': `eligibility-row-${d.program}`, 'data-status': d.status }) as HTMLAttributes<HTMLElement>
        }
        expandable={{
          expandedRowRender: (d) => <DecisionDetail decision={d} />,
          expandRowByClick: true,
        }}
      />
    );
  };

  return (
    <Card
      size="small"
      title={t('eligibility.title')}
      style={{ marginBottom: 16 }}
      data-testid="household-eligibility"
      extra={
        <DatePicker
          size="small"
          aria-label={t('eligibility.date')}
          format={DATE_FORMAT}
          value={toDayValue(date)}
          allowClear={false}
          inputReadOnly
          onChange={(value) => setDate(dateOf(value) ?? todayLocal())}
          data-testid="eligibility-date"
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('eligibility.intro')}
      </Typography.Paragraph>
      {body()}
    </Card>
  );
}
