import type { Role } from '@logi/contracts';
import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/useAuth.ts';
import { LiveNotifications } from '../notifications/LiveNotifications.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { Loading } from '../ui/States.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

const NAV: { to: string; label: string; roles: Role[] }[] = [
  { to: '/transactions', label: 'Transactions', roles: ['admin'] },
  { to: '/materials', label: 'Materials', roles: ['admin'] },
  { to: '/payments', label: 'Payments', roles: ['admin', 'client', 'supplier'] },
  { to: '/approvals', label: 'Approvals', roles: ['admin'] },
  { to: '/dashboard-builder', label: 'Dashboard builder', roles: ['admin'] },
];

/** The signed-in shell: header (nav, connection, bell, sign out) around the current page. */
export function AppLayout() {
  const { user, logout } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // On phones the nav is a drawer; close it once the user has picked a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => setMenuOpen(false), [location.pathname]);

  if (!user) return null;
  const links = NAV.filter((item) => item.roles.includes(user.role));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>LogiAccounting Pro</span>
        </NavLink>
        <button
          type="button"
          className="icon-btn menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          aria-label="Menu"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <nav id="main-nav" className={`nav${menuOpen ? ' nav-open' : ''}`} aria-label="Main">
          {links.map((item) => (
            <NavLink key={item.to} to={item.to} className="nav-link">
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-actions">
          <ConnectionIndicator />
          <ThemeToggle />
          <NotificationBell />
          <span className="user-name" title={user.email}>
            {user.first_name || user.email}
            <span className="user-role">{user.role}</span>
          </span>
          <button type="button" className="btn btn-small" onClick={logout}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="content">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <LiveNotifications />
    </div>
  );
}
