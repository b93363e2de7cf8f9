import type { Locator, Page } from '@playwright/test';
import { apiToken, expect, signIn, test } from './fixtures.ts';

const TEMPLATES = ['Executive Overview', 'Inventory Focus', 'Cash Flow'];

async function newDashboard(page: Page, name: string, template?: string) {
  await page.getByRole('button', { name: 'New dashboard' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  if (template) await dialog.getByLabel('Template').selectOption({ label: template });
  await dialog.getByRole('button', { name: 'Create dashboard' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Every widget on the grid has loaded and none shows an error. */
async function expectFigures(page: Page, minimum: number) {
  const widgets = page.locator('section.widget');
  await expect.poll(() => widgets.count()).toBeGreaterThanOrEqual(minimum);
  await expect(page.locator('section.widget [aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('section.widget .widget-error')).toHaveCount(0);
}

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
};

/** Where a widget sits on the grid (edit mode adds a hint line above it, shifting the page). */
const gridBox = async (page: Page, l: Locator) => {
  const [grid, b] = await Promise.all([box(page.locator('.react-grid-layout').first()), box(l)]);
  return { x: b.x - grid.x, y: b.y - grid.y, w: b.w, h: b.h };
};

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signIn(page, 'admin');
  await page.goto('/dashboard-builder');
});

test('a dashboard made from each template shows real figures', async ({ page }) => {
  for (const template of [...TEMPLATES, 'Receivables & Payables', 'Budget Watch']) {
    await newDashboard(page, `My ${template}`, template);
    await expectFigures(page, 4);
  }
  await expect(
    page
      .getByRole('region', { name: 'Revenue', exact: true })
      .or(page.locator('section[aria-label]').first()),
  ).toBeVisible();
});

test('drag and resize survive a reload; widgets can be added, removed and the last change undone', async ({
  page,
}) => {
  await newDashboard(page, 'Layout test', 'Executive Overview');
  await expectFigures(page, 6);
  await page.getByRole('button', { name: 'Edit layout' }).click();

  const pending = page.getByRole('region', { name: 'Pending', exact: true });
  const handle = page.getByRole('button', { name: 'Move Pending', exact: true });
  const start = await box(handle);
  await page.mouse.move(start.x + start.w / 2, start.y + start.h / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.w / 2, start.y + 700, { steps: 12 });
  await page.mouse.up();

  const trend = page.getByRole('region', { name: 'Revenue Trend', exact: true });
  const resize = trend.locator('.react-resizable-handle').first();
  const r = await box(resize);
  const trendBefore = await box(trend);
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.w / 2 - 200, r.y + r.h / 2 + 120, { steps: 12 });
  // The layout is saved once, shortly after the last change.
  const saved = page.waitForResponse(
    (res) => res.request().method() === 'PUT' && res.url().endsWith('/layout') && res.ok(),
  );
  await page.mouse.up();
  await expect.poll(async () => (await box(trend)).w).toBeLessThan(trendBefore.w);

  await expect(page.getByRole('status').filter({ hasText: 'Saving layout…' })).toHaveCount(0);
  await saved;
  // Measured once saved: by then the grid's resize transition has ended (measured mid-transition,
  // a box could be a pixel off what the reloaded page draws).
  const moved = { pending: await gridBox(page, pending), trend: await gridBox(page, trend) };
  await page.reload();
  await expectFigures(page, 6);
  expect(await gridBox(page, page.getByRole('region', { name: 'Pending', exact: true }))).toEqual(
    moved.pending,
  );
  expect(await gridBox(page, page.getByRole('region', { name: 'Revenue Trend', exact: true }))).toEqual(
    moved.trend,
  );

  await page.getByRole('button', { name: 'Edit layout' }).click();
  await page.getByRole('button', { name: 'Add widget' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Notes/ }).click();
  await page.getByRole('dialog').getByLabel('Title').fill('Reminder');
  await page.getByRole('dialog').getByLabel('Text').fill('Call the bank on Monday');
  await page.getByRole('dialog').getByRole('button', { name: 'Add to dashboard' }).click();
  await expect(page.getByRole('region', { name: 'Reminder', exact: true })).toContainText(
    'Call the bank on Monday',
  );

  await page.getByRole('button', { name: 'Remove Pending', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Pending', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('region', { name: 'Pending', exact: true })).toBeVisible();
});

test.describe('sharing', () => {
  // The revoked link's 404 is the point of the last step.
  test.use({ allowedFailures: /404 .*\/api\/v1\/dashboards\/shared\/|status of 404/ });
  test('a shared link opens without signing in and dies when revoked', async ({
    page,
    browser,
    watchPage,
  }) => {
    await newDashboard(page, 'Board pack', 'Cash Flow');
    await expectFigures(page, 4);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const link = await dialog.getByLabel('Share link').inputValue();
    expect(link).toMatch(/\/dashboard\/shared\/[A-Za-z0-9_-]{22,}$/);

    const anonymous = await (await browser.newContext()).newPage();
    watchPage(anonymous);
    await anonymous.goto(link);
    await expect(anonymous.getByRole('region', { name: 'Cash In', exact: true })).toBeVisible();
    await expect(anonymous.locator('section.widget .widget-error')).toHaveCount(0);
    await expect(anonymous.getByRole('button', { name: /^Notifications/ })).toHaveCount(0);
    await anonymous.screenshot({ path: 'docs/screenshots/shared-dashboard.png' });

    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(dialog.getByLabel('Share link')).toHaveCount(0);
    await anonymous.reload();
    await expect(anonymous.getByRole('heading', { name: /no longer shared/ })).toBeVisible();
  });
});

test.describe('live figures', () => {
  test('a transaction recorded elsewhere changes the open dashboard within 2 seconds', async ({
    page,
    baseURL,
  }) => {
    await newDashboard(page, 'Live', 'Executive Overview');
    await expectFigures(page, 6);
    const revenue = page.getByRole('region', { name: 'Revenue', exact: true });
    const before = await revenue.textContent();

    const token = await apiToken(baseURL!, 'admin');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const categories = (await (await fetch(`${baseURL}/api/v1/categories`, { headers })).json()) as {
      categories: { id: string; name: string }[];
    };
    const sales = categories.categories.find((c) => c.name === 'Sales Revenue')!;
    const res = await fetch(`${baseURL}/api/v1/transactions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        type: 'income',
        amount: 4321.09,
        category_id: sales.id,
        date: new Date().toISOString().slice(0, 10),
        description: 'E2E sale',
      }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => revenue.textContent(), { timeout: 2_000 }).not.toBe(before);
    await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });
  });
});

test('the builder is usable 375 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await newDashboard(page, 'Phone', 'Executive Overview');
  await expectFigures(page, 6);
  // The grid settles on the phone breakpoint after its width is measured.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
  const first = await box(page.getByRole('region', { name: 'Revenue', exact: true }));
  const second = await box(page.getByRole('region', { name: 'Expenses', exact: true }).first());
  expect(second.y).toBeGreaterThan(first.y); // one column: stacked, not side by side
  await page.screenshot({ path: 'docs/screenshots/builder-mobile.png' });
});

test('a dashboard exported to a file comes back as a new dashboard by import; a wrong file is refused', async ({
  page,
}, testInfo) => {
  await newDashboard(page, 'Carry me over', 'Cash Flow');
  await expectFigures(page, 4);
  const widgets = await page.locator('section.widget').count();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = testInfo.outputPath('carry-me-over.dashboard.json');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toBe('carry-me-over.dashboard.json');

  await page.getByLabel('Dashboard file to import').setInputFiles(file);
  await expect(page.getByRole('tab', { name: 'Carry me over' })).toHaveCount(2);
  await expect(page.getByRole('tab', { name: 'Carry me over', selected: true })).toHaveCount(1);
  await expectFigures(page, widgets);
  await expect(page.locator('section.widget')).toHaveCount(widgets);

  await page.getByLabel('Dashboard file to import').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('not json at all'),
  });
  await expect(page.getByRole('alert')).toContainText('not a dashboard export');
});
