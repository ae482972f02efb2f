// TanStack Query hooks for /api/users and /api/roles. A change to a user also adds audit entries,
// so mutations refresh both the 'users' and the 'audit' queries.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RevealResponse,
  RoleList,
  SessionList,
  UserList,
  UserSummary,
  type CreateUserBody,
  type ListUsersQuery,
  type RevealBody,
  type RoleInfo,
  type UpdateUserBody,
} from '../../../../src/modules/users/users.schema.ts';
import { request } from '../../api/client.ts';
import type { Lang } from '../../i18n/index.ts';

const userPath = (id: number, rest = '') => `/users/${id}${rest}`;

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => request('/roles', { schema: RoleList }),
    staleTime: 10 * 60_000, // roles change only with a new release
  });
}

/** Role name in the current language, falling back to the code while /api/roles loads. */
export function roleLabel(roles: RoleInfo[] | undefined, role: string, lang: Lang): string {
  const info = roles?.find((r) => r.role === role);
  if (!info) return role;
  return lang === 'zh' ? info.nameZh : info.nameEn;
}

// The schema's limit/offset are coerced from query strings; here they are plain numbers.
export type UserListParams = Omit<ListUsersQuery, 'limit' | 'offset'> & { limit: number; offset: number };

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => request('/users', { query: { ...params }, schema: UserList }),
    placeholderData: keepPreviousData,
  });
}

export function useUserSessions(id: number | undefined) {
  return useQuery({
    queryKey: ['users', 'sessions', id],
    queryFn: () => request(userPath(id ?? 0, '/sessions'), { schema: SessionList }),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    return queryClient.invalidateQueries({ queryKey: ['users'] });
  };
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => request('/users', { method: 'POST', body, schema: UserSummary }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) =>
      request(userPath(id), { method: 'PATCH', body, schema: UserSummary }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      request(userPath(id, '/password'), { method: 'POST', body: { newPassword } }),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => request(userPath(id, '/unlock'), { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useRevealPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RevealBody }) =>
      request(userPath(id, '/reveal'), { method: 'POST', body, schema: RevealResponse }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function useRevokeSessions() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => request(userPath(id, '/sessions'), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
