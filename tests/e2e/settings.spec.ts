// Settings (data folder, a backup made from the UI, the language) and Help (the shortcuts), in English.
// page.evaluate callbacks run in the browser:
/// <reference lib="dom" />
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';
import { watch } from './page.js';

const app = serveDemoForFile();

test.use({ locale: 'en-GB' });

test('settings: the store file, a backup made now and listed, and the language switched', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('store-file')).toHaveText(app().db);
  await expect(page.getByText('No backups yet.')).toBeVisible();
  expect(existsSync(join(app().dir, 'backups'))).toBe(false);

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup made.' })).toBeVisible();
  const backups = readdirSync(join(app().dir, 'backups'));
  expect(backups).toHaveLength(1);
  await expect(page.getByTestId('backups').getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('backups')).toContainText(backups[0]!);

  await page.locator('#main').getByRole('radiogroup', { name: 'Language' }).getByText('Español').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajustes');
  await expect(page.getByRole('button', { name: 'Hacer una copia ahora' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('help lists the keyboard shortcuts, and the search one works', async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' }).click();
  const shortcuts = page.getByTestId('shortcuts');
  await expect(shortcuts.getByRole('row', { name: /Search everything/ })).toContainText('K');
  await expect(shortcuts).toContainText('Export a package');
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(problems).toEqual([]);
});
