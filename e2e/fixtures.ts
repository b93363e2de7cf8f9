import { test as base, expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: { email: 'admin@logiaccounting.demo', password: 'Demo2024!Admin' },
  client: { email: 'client@logiaccounting.demo', password: 'Demo2024!Client' },
  supplier: { email: 'supplier@logiaccounting.demo', password: 'Demo2024!Supplier' },
} as const;
export type DemoRole = keyof typeof DEMO;

/**
 * Every test fails on a console error or a failed request in any page it opened, so a page that
 * "works" while logging errors does not pass. Tests that expect an error response list it.
 */
export const test = base.extend<{ allowedFailures: RegExp; watchPage: (page: Page) => void }>({
  // One pattern (a RegExp, not an array: Playwright reads arrays in test.use as [value, options]).
  allowedFailures: [/(?!)/, { option: true }],
  watchPage: async ({ allowedFailures }, use) => {
    const problems: string[] = [];
    const allowed = (text: string) => allowedFailures.test(text);
    await use((page: Page) => {
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowed(msg.text())) problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('requestfailed', (req) => {
        const failure = req.failure()?.errorText ?? '';
        // Navigations and sockets torn down on purpose (reload, logout) are not failures.
        if (/ERR_ABORTED/.test(failure) || allowed(req.url())) return;
        problems.push(`request failed: ${req.method()} ${req.url()} ${failure}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400 && !allowed(`${res.status()} ${res.url()}`))
          problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
    });
    expect(problems, problems.join('\n')).toEqual([]);
  },
  page: async ({ page, watchPage }, use) => {
    watchPage(page);
    await use(page);
  },
});
export { expect };

export async function signIn(page: Page, role: DemoRole): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(DEMO[role].email);
  await page.getByLabel('Password').fill(DEMO[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Notifications/ })).toBeVisible();
}

/** A token for API calls that set up data without clicking through the UI. */
export async function apiToken(baseURL: string, role: DemoRole): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO[role]),
  });
  return ((await res.json()) as { token: string }).token;
}
