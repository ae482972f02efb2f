// Request/response contracts of the auth module; browser-safe (zod only), used by the web client too.
import { z } from 'zod';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const CurrentUser = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    jurisdictionCode: z.string(),
    jurisdictionName: z.string(),
    roles: z.array(z.string()),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionResponse = z.object({ user: CurrentUser });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.string(),
    jurisdictionCode: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdBy: z.string(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.string().min(1).describe('one role name; the token acts with that role only'),
  jurisdictionCode: z.string().trim().describe("'' = whole system (admins only) or a code inside your scope"),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBody>;

export const CreatedApiToken = ApiToken.extend({ token: z.string().describe('shown once; send as `Authorization: Bearer <token>`') });
export const ApiTokenList = z.object({ items: z.array(ApiToken) });
