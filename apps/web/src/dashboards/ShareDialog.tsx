import type { Dashboard } from '@logi/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { Field } from '../ui/Field.tsx';
import { FormError } from '../ui/FormError.tsx';
import { formatDay } from '../ui/format.ts';
import { Modal } from '../ui/Modal.tsx';
import { dashboardApi, useDashboardCache } from './api.ts';

/** The server answers with a path; people need a link they can paste anywhere. */
export function absoluteShareUrl(shareUrl: string): string {
  return new URL(shareUrl, window.location.origin).href;
}

export function ShareDialog({ dashboard, onClose }: { dashboard: Dashboard; onClose: () => void }) {
  const cache = useDashboardCache();
  const [days, setDays] = useState('');
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server's share_url for a link made here; the same path rebuilt from the token otherwise.
  const [issued, setIssued] = useState<{ token: string; url: string } | null>(null);
  const token = dashboard.share_token;
  const link = token
    ? absoluteShareUrl(issued?.token === token ? issued.url : `/dashboard/shared/${token}`)
    : null;

  const share = useMutation({
    mutationFn: (expires?: number) => dashboardApi.share(dashboard.id, expires),
    onSuccess: (res) => {
      setError(null);
      setCopied(false);
      setIssued({ token: res.share_token, url: res.share_url });
      cache.put({
        ...dashboard,
        is_shared: true,
        share_token: res.share_token,
        share_expires_at: res.expires_at,
      });
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const revoke = useMutation({
    mutationFn: () => dashboardApi.unshare(dashboard.id),
    onSuccess: () => {
      setError(null);
      cache.put({ ...dashboard, is_shared: false, share_token: null, share_expires_at: null });
    },
    onError: (err) => setError(errorMessage(err)),
  });

  const daysValue = days.trim() === '' ? undefined : Number(days);
  const daysInvalid =
    daysValue !== undefined && !(Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 365);
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    if (!daysInvalid) share.mutate(daysValue);
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError('Copying is blocked here: select the link and copy it yourself.');
    }
  };

  return (
    <Modal title="Share dashboard" onClose={onClose}>
      <FormError message={error} />
      {link ? (
        <div className="form share-link">
          <Field
            label="Share link"
            hint={
              dashboard.share_expires_at
                ? `Anyone with the link can view this dashboard until ${formatDay(dashboard.share_expires_at.slice(0, 10))}.`
                : 'Anyone with the link can view this dashboard, read-only, without signing in.'
            }
          >
            {(p) => <input {...p} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <div className="form-actions">
            <button type="button" className="btn" onClick={copy}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => revoke.mutate()}
              disabled={revoke.isPending}
            >
              Revoke
            </button>
          </div>
          <p className="muted small" role="status">
            {copied ? 'The link is on your clipboard.' : ''}
          </p>
        </div>
      ) : (
        <p className="muted">
          This dashboard is private. Create a link to let others view it without signing in.
        </p>
      )}
      <form className="form" onSubmit={onCreate} noValidate>
        <Field
          label="Expires after (days, optional)"
          error={daysInvalid ? 'Use a whole number of days from 1 to 365.' : undefined}
          hint={link ? 'A new link replaces the current one, which stops working.' : undefined}
        >
          {(p) => <input {...p} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={share.isPending}>
            {link ? 'Create a new link' : 'Create link'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
