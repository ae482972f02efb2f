// Server state of the login session: who is logged in (null = nobody), and login/logout.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  SessionResponse,
  type ChangePasswordBody,
  type CurrentUser,
  type LoginBody,
} from '../../../src/modules/auth/auth.schema.ts';
import { isApiError, request } from '../api/client.ts';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<CurrentUser | null> {
  try {
    return (await request('/auth/me', { schema: SessionResponse })).user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
}

/** The logged-in user; only call below the auth guard, where a user is guaranteed. */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser called outside the auth guard');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => request('/auth/login', { method: 'POST', body, schema: SessionResponse }),
    onSuccess: ({ user }) => {
      // Nothing cached may survive from a previous user's session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('/auth/logout', { method: 'POST' }),
    // Even if the server call fails (e.g. session already gone), forget the user locally.
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

/** Changes the logged-in user's own password; afterwards nothing holds them on the change page. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => request('/auth/password', { method: 'POST', body }),
    onSuccess: () => {
      queryClient.setQueryData<CurrentUser | null>(SESSION_KEY, (user) => (user ? { ...user, mustChangePassword: false } : user));
      // Calls refused while the change was pending may now succeed; /auth/me confirms the new state.
      void queryClient.invalidateQueries();
    },
  });
}
