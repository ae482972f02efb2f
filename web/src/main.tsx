import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthenticatedHandler } from './api/client.ts';
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

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
