// The UI through `valija serve` in Chromium: the demo store's meetings appear, and the token leaves the
// address bar.
import { expect, test } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';

const app = serveDemoForFile();

test('the served app lists the three demo meetings, marked as demo data', async ({ page }) => {
  const failures: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()}`));
  await page.goto(app().url);
  const titles = page.locator('.meeting-title');
  await expect(titles).toHaveCount(3);
  await expect(
    titles.filter({ hasText: 'Presidential Meeting and Binational Cabinet Peru–Ecuador' }),
  ).toHaveCount(1);
  await expect(titles.filter({ hasText: "Foreign Minister's meetings in Washington, D.C." })).toHaveCount(1);
  await expect(
    titles.filter({ hasText: 'OAS Permanent Council: proposal to regulate diplomatic asylum' }),
  ).toHaveCount(1);
  await expect(page.getByRole('note')).toContainText('Demo data');
  // The token was taken from the fragment and removed from the address bar.
  expect(page.url()).not.toContain('token=');
  // Nothing the CSP refused, nothing that failed to load.
  expect(failures).toEqual([]);
});

test('a page opened without the token gets no data', async ({ page }) => {
  await page.goto(app().url.replace(/#.*$/, ''));
  await expect(page.getByRole('alert')).toContainText('E_UNAUTHORIZED');
  await expect(page.locator('.meeting-title')).toHaveCount(0);
});
