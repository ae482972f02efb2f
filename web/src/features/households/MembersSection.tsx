import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid } from 'antd';
import { useState } from 'react';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { AddMemberModal } from './AddMemberModal.tsx';
import { useChangeHead, useRemoveMember } from './api.ts';
import type { Member, MemberHandlers } from './MemberActions.tsx';
import { MemberEditModal } from './MemberEditModal.tsx';
import { MemberCards, MemberTable } from './MemberTable.tsx';

type Dialog = { kind: 'add' } | { kind: 'edit' | 'head' | 'remove'; member: Member };

/** 家庭成员: the members with their relationship and circumstances, and the changes to them. */
export function MembersSection({ household, editable }: { household: Household; editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().sm !== true;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const changeHead = useChangeHead();
  const remove = useRemoveMember();
  const close = () => setDialog(null);

  const handlers: MemberHandlers | undefined = editable
    ? {
        onEdit: (member) => setDialog({ kind: 'edit', member }),
        onMakeHead: (member) => setDialog({ kind: 'head', member }),
        onRemove: (member) => setDialog({ kind: 'remove', member }),
      }
    : undefined;
  // Head first, then in the order they joined.
  const members = [...household.members].sort((a, b) => Number(b.relationship === 'head') - Number(a.relationship === 'head'));

  return (
    <Card
      size="small"
      title={`${t('member.title')} · ${t('member.count', { n: household.members.length })}`}
      extra={
        editable && (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('member.add')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {phone ? <MemberCards members={members} handlers={handlers} /> : <MemberTable members={members} handlers={handlers} />}

      {dialog?.kind === 'add' && <AddMemberModal household={household} onClose={close} />}
      {dialog?.kind === 'edit' && <MemberEditModal household={household} member={dialog.member} onClose={close} />}
      {dialog?.kind === 'head' && (
        <ReasonModal
          title={t('member.makeHeadTitle', { name: dialog.member.name })}
          okText={t('member.makeHead')}
          onSubmit={async (reason) => {
            await changeHead.mutateAsync({ id: household.id, personId: dialog.member.personId, reason });
            void message.success(t('member.headChanged', { name: dialog.member.name }));
          }}
          onClose={close}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ReasonModal
          title={t('member.removeTitle', { name: dialog.member.name })}
          hint={t('member.removeHint')}
          okText={t('member.remove')}
          danger
          onSubmit={async (reason) => {
            await remove.mutateAsync({ id: household.id, personId: dialog.member.personId, reason });
            void message.success(t('member.removed', { name: dialog.member.name }));
          }}
          onClose={close}
        />
      )}
    </Card>
  );
}
