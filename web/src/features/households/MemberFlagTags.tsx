import { Flex, Tag } from 'antd';
import type { MemberFlags } from '../../../../src/modules/households/households.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { flagTags } from './labels.ts';

export function MemberFlagTags({ flags }: { flags: MemberFlags }) {
  const { t } = useI18n();
  const tags = flagTags(flags, t);
  if (tags.length === 0) return null;
  return (
    <Flex wrap gap={4}>
      {tags.map((tag) => (
        <Tag key={tag.key} color={tag.color} style={{ marginInlineEnd: 0 }}>
          {tag.label}
        </Tag>
      ))}
    </Flex>
  );
}
