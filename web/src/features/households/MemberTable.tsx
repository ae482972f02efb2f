import { Empty, Flex, Table, Typography, type TableProps } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { codeLabel } from '../persons/labels.ts';
import { PersonLink } from '../persons/PersonTable.tsx';
import { MemberActions, type Member, type MemberHandlers } from './MemberActions.tsx';
import { MemberFlagTags } from './MemberFlagTags.tsx';

export interface MemberViewProps {
  members: Member[];
  /** Absent: read-only (an earlier version of the household, or a role that cannot edit). */
  handlers?: MemberHandlers;
}

function NameCell({ member }: { member: Member }) {
  return <PersonLink person={{ id: member.personId, name: member.name }} />;
}

/** Desktop: one row per member. */
export function MemberTable({ members, handlers }: MemberViewProps) {
  const { t } = useI18n();
  const columns: TableProps<Member>['columns'] = [
    { key: 'name', title: t('person.name'), render: (_, m) => <NameCell member={m} /> },
    { key: 'relationship', title: t('member.relationship'), render: (_, m) => codeLabel('relationship', m.relationship, t) },
    {
      key: 'idNumber',
      title: t('person.idNumber'),
      render: (_, m) => <span style={{ whiteSpace: 'nowrap' }}>{m.idNumberMasked ?? '—'}</span>,
    },
    { key: 'sex', title: t('person.sex'), render: (_, m) => codeLabel('sex', m.sex, t) },
    { key: 'age', title: t('person.age'), align: 'right', render: (_, m) => m.age ?? '' },
    { key: 'flags', title: t('member.flags'), render: (_, m) => <MemberFlagTags flags={m.flags} /> },
  ];
  if (handlers) {
    columns.push({ key: 'actions', title: t('common.actions'), render: (_, m) => <MemberActions member={m} {...handlers} /> });
  }
  return (
    <Table<Member>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={members}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('member.empty') }}
      data-testid="member-table"
    />
  );
}

/** Phones: one block per member. */
export function MemberCards({ members, handlers }: MemberViewProps) {
  const { t } = useI18n();
  if (members.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.empty')} />;
  return (
    <ul className="lm-list" data-testid="member-cards">
      {members.map((m) => (
        <li key={m.personId} className="lm-list-item">
          <Flex wrap align="baseline" gap={8}>
            <Typography.Text strong>
              <NameCell member={m} />
            </Typography.Text>
            <Typography.Text type="secondary">
              {[codeLabel('relationship', m.relationship, t), codeLabel('sex', m.sex, t), m.age === null ? '' : t('person.ageValue', { n: m.age })]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
          {m.idNumberMasked && <Typography.Text>{m.idNumberMasked}</Typography.Text>}
          <MemberFlagTags flags={m.flags} />
          {handlers && <MemberActions member={m} {...handlers} />}
        </li>
      ))}
    </ul>
  );
}
