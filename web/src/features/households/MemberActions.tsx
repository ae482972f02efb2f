import { CrownOutlined, EditOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { Household } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';

export type Member = Household['members'][number];

export interface MemberHandlers {
  onEdit: (member: Member) => void;
  onMakeHead: (member: Member) => void;
  onRemove: (member: Member) => void;
}

/** Edit, make head, remove; the head is neither made head again nor removed. */
export function MemberActions({ member, onEdit, onMakeHead, onRemove }: MemberHandlers & { member: Member }) {
  const { t } = useI18n();
  const isHead = member.relationship === 'head';
  return (
    <Flex wrap gap={4}>
      <Button size="small" type="link" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${member.name}`} onClick={() => onEdit(member)}>
        {t('common.edit')}
      </Button>
      {!isHead && (
        <Button
          size="small"
          type="link"
          icon={<CrownOutlined />}
          aria-label={`${t('member.makeHead')} ${member.name}`}
          onClick={() => onMakeHead(member)}
        >
          {t('member.makeHead')}
        </Button>
      )}
      {!isHead && (
        <Button
          size="small"
          type="link"
          danger
          icon={<UserDeleteOutlined />}
          aria-label={`${t('member.remove')} ${member.name}`}
          onClick={() => onRemove(member)}
        >
          {t('member.remove')}
        </Button>
      )}
    </Flex>
  );
}
