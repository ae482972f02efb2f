import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { JurisdictionName } from '../jurisdictions/JurisdictionName.tsx';
import { PersonLink } from '../persons/PersonTable.tsx';

/** Head, place, address and the (masked) bank account that benefits are paid into. */
export function HouseholdSummary({ household }: { household: Household }) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const item = (key: string, label: string, children: ReactNode) => ({ key, label, children: children || none });
  const items: DescriptionsProps['items'] = [
    item('id', t('household.id'), String(household.id)),
    item(
      'head',
      t('household.head'),
      household.headPersonId !== null && household.headName ? (
        <PersonLink person={{ id: household.headPersonId, name: household.headName }} />
      ) : null,
    ),
    item('jurisdiction', t('household.jurisdiction'), household.jurisdictionName ?? <JurisdictionName code={household.jurisdictionCode} />),
    item('address', t('household.address'), household.address),
    item('bankName', t('household.bankName'), household.bankName),
    item('bankAccount', t('household.bankAccount'), household.bankAccountMasked),
    item('accountHolder', t('household.accountHolder'), household.accountHolderMasked),
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 3 }} items={items} data-testid="household-summary" />;
}
