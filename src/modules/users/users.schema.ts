// Contracts of user administration (admins manage users in their own jurisdiction); browser-safe.
import { Int4IdParam } from '../../lib/row-id.ts';
import { z } from 'zod';
import { bi } from '../../lib/bilingual.ts';
import { PersonName } from '../../lib/person-name.schema.ts';
import { CodeParam } from '../jurisdictions/jurisdictions.schema.ts';
import { ROLE_NAMES } from '../../lib/roles.ts';

export { ROLE_NAMES };

export const RoleName = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof RoleName>;

/** '' (or omitted where allowed) means the whole system; otherwise a jurisdiction code. */
export const ScopeCode = z.union([z.literal(''), CodeParam]);

export const UserSummary = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    jurisdictionCode: z.string().describe("'' = whole system"),
    jurisdictionName: z.string(),
    roles: z.array(z.string()),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    phoneMasked: z.string().nullable().describe('masked, e.g. 138****5678; reveal with POST /api/users/{id}/reveal'),
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof UserSummary>;

export const ListUsersQuery = z.object({
  q: z.string().trim().max(50).optional().describe('username or display name contains'),
  role: RoleName.optional(),
  under: CodeParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListUsersQuery = z.input<typeof ListUsersQuery>;

export const UserList = z.object({ items: z.array(UserSummary), total: z.number().int() });
export type UserList = z.infer<typeof UserList>;

const Username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,64}$/, bi('3–64 letters, digits, _ . -', '3–64 位字母、数字或 _ . -'));
const Phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, bi('a mainland mobile number of 11 digits', '应为 11 位手机号码'));

export const CreateUserBody = z.object({
  username: Username,
  displayName: PersonName,
  password: z.string().min(1).max(256).describe('checked against the password policy'),
  jurisdictionCode: ScopeCode,
  roles: z.array(RoleName).min(1, bi('choose at least one role', '请至少选择一个角色')),
  phone: Phone.optional(),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  displayName: PersonName.optional(),
  jurisdictionCode: ScopeCode.optional(),
  roles: z.array(RoleName).min(1).optional(),
  disabled: z.boolean().optional(),
  phone: Phone.nullable().optional(),
});
export type UpdateUserBody = z.input<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ newPassword: z.string().min(1).max(256) });
export type ResetPasswordBody = z.input<typeof ResetPasswordBody>;

export const RevealBody = z.object({
  field: z.enum(['phone']),
  reason: z.string().trim().min(4, bi('state a reason (at least 4 characters)', '请填写查看理由（至少 4 个字）')).max(200),
});
export type RevealBody = z.input<typeof RevealBody>;
export const RevealResponse = z.object({ field: z.string(), value: z.string().nullable() });

export const SessionInfo = z.object({
  id: z.string().describe('short public id of the session'),
  createdAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionInfo) });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const UserIdParams = z.object({ id: Int4IdParam });

export const RoleInfo = z.object({ role: RoleName, nameZh: z.string(), nameEn: z.string(), permissions: z.array(z.string()) });
export const RoleList = z.object({ items: z.array(RoleInfo) });
export type RoleInfo = z.infer<typeof RoleInfo>;
