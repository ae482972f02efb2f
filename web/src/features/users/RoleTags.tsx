import { Flex, Tag } from 'antd';
import type { RoleInfo } from '../../../../src/modules/users/users.schema.ts';
import { useI18n } from '../../i18n/index.ts';
import { roleLabel } from './api.ts';

export function RoleTags({ roles, catalogue }: { roles: string[]; catalogue: RoleInfo[] | undefined }) {
  const { lang } = useI18n();
  return (
    <Flex wrap gap={4}>
      {roles.map((role) => (
        <Tag key={role} color={role === 'admin' ? 'blue' : undefined}>
          {roleLabel(catalogue, role, lang)}
        </Tag>
      ))}
    </Flex>
  );
}
