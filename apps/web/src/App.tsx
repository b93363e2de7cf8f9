import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client.ts';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { HomeRedirect, RequireAuth, RequireRole } from './auth/guards.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { ToastProvider } from './notifications/ToastProvider.tsx';
import ApprovalsPage from './pages/approvals/ApprovalsPage.tsx';
import LoginPage from './pages/LoginPage.tsx';
import MaterialsPage from './pages/materials/MaterialsPage.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';
import PaymentsPage from './pages/payments/PaymentsPage.tsx';
import TransactionsPage from './pages/transactions/TransactionsPage.tsx';
import { RealtimeProvider } from './realtime/RealtimeProvider.tsx';
import { RealtimeQuerySync } from './realtime/RealtimeQuerySync.tsx';
import { Loading } from './ui/States.tsx';

// Dashboards pull in chart.js and the grid: load them only when visited.
const DashboardBuilderPage = lazy(() => import('./dashboards/DashboardBuilderPage.tsx'));
const SharedDashboardPage = lazy(() => import('./dashboards/SharedDashboardPage.tsx'));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying a 4xx cannot help; retry network blips and 5xx a couple of times.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RealtimeProvider>
          <ToastProvider>
            <RealtimeQuerySync />
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </ToastProvider>
        </RealtimeProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/dashboard/shared/:token"
        element={
          <Suspense fallback={<Loading />}>
            <SharedDashboardPage />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route
            path="transactions"
            element={
              <RequireRole roles={['admin']}>
                <TransactionsPage />
              </RequireRole>
            }
          />
          <Route
            path="materials"
            element={
              <RequireRole roles={['admin']}>
                <MaterialsPage />
              </RequireRole>
            }
          />
          <Route path="payments" element={<PaymentsPage />} />
          <Route
            path="approvals"
            element={
              <RequireRole roles={['admin']}>
                <ApprovalsPage />
              </RequireRole>
            }
          />
          <Route
            path="dashboard-builder"
            element={
              <RequireRole roles={['admin']}>
                <DashboardBuilderPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
