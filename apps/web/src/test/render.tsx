import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AuthProvider } from '../auth/AuthProvider.tsx';
import { type SessionUser, setSession } from '../auth/session.ts';
import { ToastProvider } from '../notifications/ToastProvider.tsx';
import type { WebSocketCtor } from '../realtime/RealtimeClient.ts';
import { RealtimeProvider } from '../realtime/RealtimeProvider.tsx';
import { FakeWebSocket } from './FakeWebSocket.ts';

export const ADMIN: SessionUser = {
  id: 'u-admin',
  email: 'admin@logiaccounting.demo',
  first_name: 'Ada',
  last_name: 'Admin',
  role: 'admin',
  company_name: 'Logi',
};

export function signIn(user: SessionUser = ADMIN, token = 'token-1'): void {
  setSession({ token, user });
}

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The app's providers around `ui`, with a fake socket class and a controllable jitter. */
export function renderWithApp(
  ui: ReactNode,
  options: { route?: string; WebSocketImpl?: WebSocketCtor; random?: () => number } = {},
) {
  const queryClient = testQueryClient();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RealtimeProvider
          WebSocketImpl={options.WebSocketImpl ?? FakeWebSocket}
          {...(options.random ? { random: options.random } : {})}
        >
          <ToastProvider>
            <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
          </ToastProvider>
        </RealtimeProvider>
      </AuthProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
