import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CurrentUser } from '../../src/modules/auth/auth.schema.ts';
import { setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from './api/client.ts';
import { createQueryClient } from './api/queryClient.ts';
import { App } from './App.tsx';
import { SESSION_KEY } from './auth/useSession.ts';
import './styles.css';

const queryClient = createQueryClient();

// Session expired mid-use: forget the user; the auth guard then redirects to /login.
setUnauthenticatedHandler(() => {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
});

// The server wants a new password first: mark the user so, and the auth guard sends them to the
// change-password page.
setPasswordChangeRequiredHandler(() => {
  queryClient.setQueryData<CurrentUser | null>(SESSION_KEY, (user) => (user ? { ...user, mustChangePassword: true } : user));
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
