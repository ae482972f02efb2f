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
