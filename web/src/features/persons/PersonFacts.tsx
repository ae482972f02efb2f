import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Person } from '../../../../src/modules/persons/persons.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/datetime.ts';
import { JurisdictionName } from '../jurisdictions/JurisdictionName.tsx';
import type { RevealField } from './api.ts';
import { codeLabel, selfCareText } from './labels.ts';
import { PersonTags } from './PersonTags.tsx';
import { SensitiveValue } from './SensitiveValue.tsx';

interface Props {
  person: Person;
  /** Offered only to roles that may see full numbers, and only for the current record. */
  onReveal?: (field: RevealField) => void;
  /** A past version: no household link (membership has its own history) and no reveal. */
  historical?: boolean;
}

const COLUMNS: DescriptionsProps['column'] = { xs: 1, sm: 2, xxl: 3 };

/** The registered facts of a person, in the same four groups as the form. */
export function PersonFacts({ person, onReveal, historical = false }: Props) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const text = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);
  const item = (key: string, label: string, children: ReactNode) => ({ key, label, children: text(children) });

  const basic = [
    item('name', t('person.name'), person.name),
    item(
      'idNumber',
      t('person.idNumber'),
      <SensitiveValue
        masked={person.idNumberMasked}
        label={t('person.idNumber')}
        onReveal={onReveal && !historical ? () => onReveal('idNumber') : undefined}
      />,
    ),
    item('sex', t('person.sex'), codeLabel('sex', person.sex, t)),
    item('birthDate', t('person.birthDate'), person.birthDate),
    item('age', t('person.age'), person.age === null ? null : t('person.ageValue', { n: person.age })),
    item('ethnicity', t('person.ethnicity'), person.ethnicity),
    item('maritalStatus', t('person.maritalStatus'), codeLabel('maritalStatus', person.maritalStatus, t)),
    item('education', t('person.education'), codeLabel('education', person.education, t)),
    item('employmentStatus', t('person.employmentStatus'), codeLabel('employmentStatus', person.employmentStatus, t)),
    item('workCapacity', t('person.workCapacity'), codeLabel('workCapacity', person.workCapacity, t)),
    ...(person.deathDate
      ? [item('deathDate', t('person.deathDate'), <Tag color="default">{`${t('person.deceased')} ${person.deathDate}`}</Tag>)]
      : []),
  ];

  const contact = [
    item(
      'phone',
      t('person.phone'),
      <SensitiveValue
        masked={person.phoneMasked}
        label={t('person.phone')}
        onReveal={onReveal && !historical ? () => onReveal('phone') : undefined}
      />,
    ),
    item('jurisdiction', t('person.jurisdictionShort'), person.jurisdictionName ?? <JurisdictionName code={person.jurisdictionCode} />),
    item('address', t('person.address'), person.address),
    item('hukou', t('person.hukou'), person.hukouCode ? <JurisdictionName code={person.hukouCode} /> : null),
    item('contactCardNo', t('person.contactCardNo'), person.contactCardNo),
    ...(historical
      ? []
      : [
          item(
            'household',
            t('person.household'),
            person.householdId === null ? (
              <Typography.Text type="secondary">{t('registry.noHousehold')}</Typography.Text>
            ) : (
              <Link to={`/registry/households/${person.householdId}`}>{t('person.openHousehold')}</Link>
            ),
          ),
        ]),
  ];

  const disability = person.disabilityCategory
    ? `${codeLabel('disabilityCategory', person.disabilityCategory, t)} · ${codeLabel('disabilityGrade', person.disabilityGrade, t)}`
    : null;
  const health = [
    item('disability', t('person.disabilityCategory'), disability),
    item(
      'illnesses',
      t('person.seriousIllnesses'),
      person.seriousIllnesses.map((code) => codeLabel('illness', code, t)).join(t('person.listSeparator')),
    ),
    item('selfCare', t('person.selfCare'), selfCareText(person.selfCare, t)),
  ];

  const groups = [
    item('tags', t('person.tags'), person.tags.length ? <PersonTags tags={person.tags} /> : null),
    item('updatedAt', t('person.updatedAt'), `${formatDateTime(person.updatedAt)} · ${t('person.version', { n: person.version })}`),
  ];

  const section = (key: string, title: string, items: DescriptionsProps['items']) => (
    <Descriptions key={key} title={title} size="small" column={COLUMNS} items={items} style={{ marginBottom: 16 }} />
  );
  return (
    <div data-testid={historical ? 'person-facts-as-of' : 'person-facts'}>
      {section('basic', t('person.section.basic'), basic)}
      {section('contact', t('person.section.contact'), contact)}
      {section('health', t('person.section.health'), health)}
      {section('groups', t('person.section.groups'), groups)}
    </div>
  );
}
