import { Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { codeLabel } from './labels.ts';
import { PersonTags } from './PersonTags.tsx';
import { HouseholdLink, PersonLink, type PersonViewProps } from './PersonTable.tsx';

/** Phone view of search results: one block per person instead of a wide table. */
export function PersonCards({ items, loading, pagination }: PersonViewProps) {
  const { t } = useI18n();
  return (
    <Spin spinning={loading}>
      {items.length === 0 ? (
        <Empty description={t('registry.empty')} />
      ) : (
        <ul className="lm-list" data-testid="person-cards">
          {items.map((p) => (
            <li key={p.id} className="lm-list-item">
              <Flex wrap align="baseline" gap={8}>
                <Typography.Text strong>
                  <PersonLink person={p} />
                </Typography.Text>
                <Typography.Text type="secondary">
                  {[codeLabel('sex', p.sex, t), p.age === null ? '' : t('person.ageValue', { n: p.age })].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {[p.idNumberMasked, p.jurisdictionName ?? p.jurisdictionCode].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Flex wrap align="center" gap={8}>
                <PersonTags tags={p.tags} />
                <HouseholdLink householdId={p.householdId} />
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {pagination.total > pagination.pageSize && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination current={pagination.current} pageSize={pagination.pageSize} total={pagination.total} onChange={pagination.onChange} simple size="small" />
        </Flex>
      )}
    </Spin>
  );
}
