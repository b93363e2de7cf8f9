import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { homePathFor } from '../auth/guards.tsx';
import { useAuth } from '../auth/useAuth.ts';
import { ThemeToggle } from '../layout/ThemeToggle.tsx';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/FormError.tsx';

/** The demo accounts the server creates on an empty database (CONTRACT.md). */
const DEMO_LOGINS = [
  { role: 'admin', email: 'admin@logiaccounting.demo', password: 'Demo2024!Admin' },
  { role: 'client', email: 'client@logiaccounting.demo', password: 'Demo2024!Client' },
  { role: 'supplier', email: 'supplier@logiaccounting.demo', password: 'Demo2024!Supplier' },
] as const;

// Shown unless the build opts out (VITE_DEMO_LOGINS=false) for a deployment without demo data.
const SHOW_DEMO = import.meta.env.VITE_DEMO_LOGINS !== 'false';

export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (user) return <Navigate to={from ?? homePathFor(user.role)} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const signedIn = await login(email.trim(), password);
      navigate(from ?? homePathFor(signedIn.role), { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'Email or password is incorrect.'
          : err instanceof ApiError
            ? err.detail
            : 'Could not sign in. Please try again.',
      );
      setPending(false);
    }
  };

  return (
    <main className="login">
      <div className="login-theme">
        <ThemeToggle />
      </div>
      <div className="login-card">
        <h1 className="brand-title">LogiAccounting Pro</h1>
        <p className="muted">Sign in to manage your ledger, stock and payments.</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError message={error} />
          <Field label="Email">
            {(p) => (
              <input
                {...p}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field label="Password">
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {SHOW_DEMO && (
          <section className="demo-logins" aria-labelledby="demo-title">
            <h2 id="demo-title">Demo accounts</h2>
            <p className="muted small">Choose one to fill in the form.</p>
            <ul>
              {DEMO_LOGINS.map((d) => (
                <li key={d.role}>
                  <button
                    type="button"
                    className="demo-login"
                    onClick={() => {
                      setEmail(d.email);
                      setPassword(d.password);
                      setError(null);
                    }}
                  >
                    <span className="demo-role">Use {d.role} demo account</span>
                    <span className="demo-cred">
                      {d.email} / {d.password}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
