import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fakeApi.ts';
import { renderWithApp } from '../test/render.tsx';
import SharedDashboardPage from './SharedDashboardPage.tsx';

function open(token: string) {
  renderWithApp(
    <Routes>
      <Route path="/dashboard/shared/:token" element={<SharedDashboardPage />} />
    </Routes>,
    { route: `/dashboard/shared/${token}` },
  );
}

describe('shared dashboard page', () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });

  it('shows the widgets read-only, without signing in', async () => {
    const calls = fakeApi({
      'GET /api/v1/dashboards/shared/tok123': {
        body: {
          id: 'd1',
          name: 'Board pack',
          layout: [{ widget_id: 'w1', type: 'kpi', x: 0, y: 0, w: 3, h: 2, config: { title: 'Revenue' } }],
          is_shared: true,
          share_expires_at: null,
          refresh_interval: 60,
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        },
      },
      'GET /api/v1/dashboards/shared/tok123/data': {
        body: { widgets: { w1: { value: 99.5, format: 'currency', trend: 5 } } },
      },
    });
    open('tok123');
    const region = await screen.findByRole('region', { name: 'Revenue' });
    expect(await within(region).findByText('$99.50')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Board pack' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move|Remove/ })).not.toBeInTheDocument();
    expect(calls.find((c) => c.path.includes('/data'))?.path).toBe(
      '/api/v1/dashboards/shared/tok123/data?period=all',
    );
  });

  it('says plainly when the link was revoked or never existed', async () => {
    fakeApi({ 'GET /api/v1/dashboards/shared/gone': { status: 404, body: { detail: 'Not found.' } } });
    open('gone');
    expect(await screen.findByRole('heading', { name: /no longer shared/ })).toBeInTheDocument();
  });
});
