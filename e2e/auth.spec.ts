import { DEMO, type DemoRole, expect, signIn, test } from './fixtures.ts';

test.describe('signing in', () => {
  for (const role of Object.keys(DEMO) as DemoRole[]) {
    test(`the demo ${role} signs in, sees the bell, and signs out`, async ({ page }) => {
      await signIn(page, role);
      await expect(page.getByRole('button', { name: /^Notifications/ })).toBeVisible();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    });
  }

  test.describe('with a wrong password', () => {
    test.use({ allowedFailures: /401 .*\/api\/v1\/auth\/login|status of 401/ });
    test('shows an alert and stays on the sign-in page', async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(DEMO.admin.email);
      await page.getByLabel('Password').fill('wrong-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page).toHaveURL(/\/login/);
    });
  });

  for (const role of ['client', 'supplier'] as const) {
    test(`a ${role} cannot reach the dashboard builder`, async ({ page }) => {
      await signIn(page, role);
      await page.goto('/dashboard-builder');
      await expect(page.getByRole('button', { name: 'New dashboard' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: /dashboard builder/i })).toHaveCount(0);
    });
  }
});
