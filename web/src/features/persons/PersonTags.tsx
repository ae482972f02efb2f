import { Flex, Tag } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import { codeLabel } from './labels.ts';

/** Special-group tags (独居老人, 留守儿童, ...) in the current language. */
export function PersonTags({ tags }: { tags: readonly string[] }) {
  const { t } = useI18n();
  if (tags.length === 0) return null;
  return (
    <Flex wrap gap={4}>
      {tags.map((tag) => (
        <Tag key={tag} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {codeLabel('tag', tag, t)}
        </Tag>
      ))}
    </Flex>
  );
}
