import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

/** Two windows signed in as the demo admin: what one does, the other sees live. */
async function twoAdminWindows(browser: Browser, watchPage: (page: Page) => void) {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext()).newPage();
    watchPage(page);
    await signIn(page, 'admin');
    pages.push(page);
  }
  return pages as [Page, Page];
}

async function createTransaction(page: Page, amount: string, description: string) {
  await page.goto('/transactions');
  await page.getByRole('button', { name: 'New transaction' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Type').selectOption('expense');
  await form.getByLabel('Amount').fill(amount);
  await form.getByLabel('Category').selectOption({ label: 'Utilities' });
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Create transaction' }).click();
  await expect(form).toHaveCount(0);
}

const unread = async (page: Page) => {
  const name = (await page.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label')) ?? '';
  return Number(/(\d+)\+? unread/.exec(name)?.[1] ?? 0);
};

test('a transaction created in one window raises a toast and the badge in the other; mark all read follows', async ({
  browser,
  watchPage,
}) => {
  const [writer, watcher] = await twoAdminWindows(browser, watchPage);
  await watcher.goto('/payments');
  const before = await unread(watcher);

  await createTransaction(writer, '123.45', 'E2E power bill');
  await expect(
    watcher
      .getByRole('status')
      .filter({ hasText: /123\.45|E2E power bill|transaction/i })
      .first(),
  ).toBeVisible({ timeout: 2_000 });
  await expect.poll(() => unread(watcher), { timeout: 2_000 }).toBeGreaterThan(before);

  await writer.getByRole('button', { name: /^Notifications/ }).click();
  await writer.getByRole('button', { name: 'Mark all as read' }).click();
  await expect.poll(() => unread(watcher), { timeout: 5_000 }).toBe(0);
  await expect.poll(() => unread(writer)).toBe(0);

  // Reload: the read state is the server's, not the tab's.
  await watcher.reload();
  await expect(watcher.getByRole('button', { name: /^Notifications/ })).toBeVisible();
  expect(await unread(watcher)).toBe(0);
  await watcher.getByRole('button', { name: /^Notifications/ }).click();
  await expect(watcher.getByRole('list').filter({ hasText: 'E2E power bill' })).toBeVisible();
});

test('an amount above the threshold asks for approval; approving it tells the requester', async ({
  browser,
  watchPage,
}) => {
  const [requester, approver] = await twoAdminWindows(browser, watchPage);
  await createTransaction(requester, '25000', 'E2E new forklift');
  await expect(
    approver
      .getByRole('status')
      .filter({ hasText: /approv/i })
      .first(),
  ).toBeVisible({ timeout: 2_000 });

  await approver.goto('/approvals');
  const row = approver.getByRole('row').filter({ hasText: 'E2E new forklift' });
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await expect(
    requester
      .getByRole('status')
      .filter({ hasText: /approved/i })
      .first(),
  ).toBeVisible({ timeout: 2_000 });
});

test('the bell and its panel fit a 375 px wide screen', async ({ browser, watchPage }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  watchPage(page);
  await signIn(page, 'admin');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await bell.click();
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'docs/screenshots/bell-mobile.png' });
});

test('screenshot: the app with the bell open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'admin');
  await page.goto('/transactions');
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/bell.png' });
});
