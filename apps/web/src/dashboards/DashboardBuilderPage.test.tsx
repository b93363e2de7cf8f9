import type { Dashboard, LayoutInput, Widget } from '@logi/contracts';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Call, fakeApi } from '../test/fakeApi.ts';
import { renderWithApp, signIn } from '../test/render.tsx';
import DashboardBuilderPage from './DashboardBuilderPage.tsx';

vi.mock('./widgets/ChartCanvas.tsx', () => ({ default: () => <div>chart</div> }));

const KPI = (id: string, x: number, title: string): Widget => ({
  widget_id: id,
  type: 'kpi',
  x,
  y: 0,
  w: 3,
  h: 2,
  config: { metric: 'total_revenue', title },
});

function dashboard(layout: Widget[]): Dashboard {
  return {
    id: 'd1',
    name: 'Executive Overview',
    user_id: 'u-admin',
    layout,
    is_default: true,
    is_shared: false,
    share_token: null,
    share_expires_at: null,
    refresh_interval: 60,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

/** A small in-memory dashboards API: enough server behaviour for the builder to run against. */
function fakeDashboards(initial: Widget[]) {
  let current = dashboard(initial);
  let seq = 10;
  const withIds = (layout: LayoutInput): Widget[] =>
    layout.map((w) => ({ ...w, widget_id: w.widget_id ?? `w${seq++}`, config: w.config ?? {} }));
  const calls = fakeApi({
    'GET /api/v1/dashboards': () => ({ body: { dashboards: [current] } }),
    'GET /api/v1/dashboards/widget-types': { body: { types: {} } },
    'GET /api/v1/dashboards/metrics': {
      body: {
        metrics: {
          kpi: [
            { name: 'total_revenue', label: 'Revenue' },
            { name: 'net_profit', label: 'Net profit' },
          ],
        },
      },
    },
    'GET /api/v1/dashboards/d1/data': () => ({
      body: {
        widgets: Object.fromEntries(
          current.layout.map((w) => [w.widget_id, { value: 1500, format: 'currency' }]),
        ),
      },
    }),
    'PUT /api/v1/dashboards/d1/layout': (call) => {
      current = { ...current, layout: withIds((call.body as { layout: LayoutInput }).layout) };
      return { body: current };
    },
    'POST /api/v1/dashboards/d1/widgets': (call) => {
      const body = call.body as Omit<Widget, 'widget_id'>;
      current = { ...current, layout: [...current.layout, { ...body, widget_id: `w${seq++}` }] };
      return { status: 201, body: current };
    },
    'DELETE /api/v1/dashboards/d1/widgets/w2': () => {
      current = { ...current, layout: current.layout.filter((w) => w.widget_id !== 'w2') };
      return { body: current };
    },
  });
  return calls;
}

const layoutSaves = (calls: Call[]) => calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/layout'));
const bodyLayout = (call: Call | undefined) =>
  (call?.body as { layout: LayoutInput } | undefined)?.layout ?? [];
const geometry = (call: Call | undefined) =>
  bodyLayout(call).map(({ widget_id, x, y, w, h }) => ({
    widget_id,
    x,
    y,
    w,
    h,
  }));

async function openBuilder(initial: Widget[]) {
  const calls = fakeDashboards(initial);
  renderWithApp(<DashboardBuilderPage />, { route: '/dashboard-builder' });
  await screen.findByRole('region', { name: 'Profit' });
  return calls;
}

describe('dashboard builder', () => {
  beforeEach(() => {
    signIn();
    // jsdom lays nothing out: give the grid a desktop width so the 12-column layout is the one edited.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the dashboards as tabs and each widget as a region named by its title, with its figures', async () => {
    await openBuilder([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    expect(screen.getByRole('tab', { name: /Executive Overview/, selected: true })).toBeInTheDocument();
    const revenue = screen.getByRole('region', { name: 'Revenue' });
    expect(await within(revenue).findByText('$1,500.00')).toBeInTheDocument();
  });

  it('opens the new-dashboard dialog with a name and a template choice', async () => {
    fakeApi({
      'GET /api/v1/dashboards': { body: { dashboards: [] } },
      'GET /api/v1/dashboards/widget-types': { body: { types: {} } },
      'GET /api/v1/dashboards/templates': {
        body: {
          templates: [{ name: 'Executive Overview', description: 'High-level business metrics', layout: [] }],
        },
      },
    });
    renderWithApp(<DashboardBuilderPage />, { route: '/dashboard-builder' });
    expect(await screen.findByText('No dashboards yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'New dashboard' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    const template = within(dialog).getByLabelText('Template');
    await within(dialog).findByRole('option', { name: 'Executive Overview' });
    await userEvent.selectOptions(template, 'Executive Overview');
    expect(within(dialog).getByText('High-level business metrics')).toBeInTheDocument();
  });

  it('saves a layout change once, after a quiet moment, with the final position', async () => {
    const calls = await openBuilder([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit layout' }));
    const handle = screen.getByRole('button', { name: 'Move Profit' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(layoutSaves(calls)).toHaveLength(0);

    await act(() => vi.advanceTimersByTimeAsync(700));
    expect(layoutSaves(calls)).toHaveLength(1);
    expect(geometry(layoutSaves(calls)[0])).toEqual([
      { widget_id: 'w1', x: 0, y: 0, w: 3, h: 2 },
      { widget_id: 'w2', x: 5, y: 0, w: 3, h: 2 },
    ]);
  });

  it('does not save when the layout ends where it started', async () => {
    const calls = await openBuilder([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit layout' }));
    const handle = screen.getByRole('button', { name: 'Move Profit' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(layoutSaves(calls)).toHaveLength(0);
  });

  it('resizes with Shift+arrows within the type’s bounds, and undoes the last change', async () => {
    const calls = await openBuilder([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit layout' }));
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toBeDisabled();
    const handle = screen.getByRole('button', { name: 'Move Profit' });
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true }); // KPI max width is 4
    await act(() => vi.advanceTimersByTimeAsync(700));
    expect(geometry(layoutSaves(calls)[0])[1]).toEqual({ widget_id: 'w2', x: 3, y: 0, w: 4, h: 2 });

    await userEvent.click(undo);
    await act(() => vi.advanceTimersByTimeAsync(700));
    expect(layoutSaves(calls)).toHaveLength(2);
    expect(geometry(layoutSaves(calls)[1])[1]).toEqual({ widget_id: 'w2', x: 3, y: 0, w: 3, h: 2 });
  });

  it('adds a configured widget in the first free spot', async () => {
    const calls = await openBuilder([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    await userEvent.click(screen.getByRole('button', { name: 'Add widget' }));
    const palette = within(screen.getByRole('dialog')).getByRole('list', { name: 'Widget types' });
    expect(within(palette).getAllByRole('button')).toHaveLength(12);
    await userEvent.click(within(palette).getByRole('button', { name: /^KPI/ }));
    await userEvent.selectOptions(await screen.findByLabelText('Metric'), 'Net profit');
    await userEvent.click(screen.getByRole('button', { name: 'Add to dashboard' }));

    expect(await screen.findByRole('region', { name: 'Net profit' })).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      type: 'kpi',
      x: 6,
      y: 0,
      w: 3,
      h: 2,
      config: { metric: 'net_profit', title: 'Net profit' },
    });
    expect(layoutSaves(calls)).toHaveLength(0);
  });

  it('removes a widget in edit mode, and undo brings it back', async () => {
    const calls = await openBuilder([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    await userEvent.click(screen.getByRole('button', { name: 'Edit layout' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove Profit' }));
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Profit' })).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'DELETE' && c.path.endsWith('/widgets/w2'))).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await act(() => vi.advanceTimersByTimeAsync(700));
    const restore = bodyLayout(layoutSaves(calls)[0]);
    // The server never reuses an id, so the restored widget goes without one.
    expect(restore[1]).toEqual({
      type: 'kpi',
      x: 3,
      y: 0,
      w: 3,
      h: 2,
      config: { metric: 'total_revenue', title: 'Profit' },
    });
    expect(await screen.findByRole('region', { name: 'Profit' })).toBeInTheDocument();
  });

  it('shows the server’s validation message when a save is refused', async () => {
    const calls = fakeDashboards([KPI('w1', 0, 'Revenue'), KPI('w2', 3, 'Profit')]);
    renderWithApp(<DashboardBuilderPage />, { route: '/dashboard-builder' });
    await screen.findByRole('region', { name: 'Profit' });
    vi.mocked(fetch).mockImplementationOnce(async () =>
      Response.json(
        { detail: 'The layout is not valid.', errors: [{ path: 'layout.1.x', message: 'Widgets overlap.' }] },
        { status: 422 },
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Edit layout' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Move Profit' }), { key: 'ArrowRight' });
    await act(() => vi.advanceTimersByTimeAsync(700));
    expect(await screen.findByRole('alert')).toHaveTextContent('The layout is not valid. Widgets overlap.');
    expect(calls).toBeDefined();
  });
});
