import type { Role } from '@logi/contracts';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { NotAllowedPage } from '../pages/NotAllowedPage.tsx';
import { useAuth } from './useAuth.ts';

/** Signed-in routes: anyone else goes to /login and comes back after signing in. */
export function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
  if (!user)
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <Outlet />;
}

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? children : <NotAllowedPage />;
}

/** Where a role lands after sign-in: admins work the ledger, others see their payments. */
export function homePathFor(role: Role | undefined): string {
  return role === 'admin' ? '/transactions' : '/payments';
}

export function HomeRedirect() {
  const { user } = useAuth();
  return <Navigate to={homePathFor(user?.role)} replace />;
}
