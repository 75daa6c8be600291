// Every main screen: an accessibility scan (axe) with no serious or critical violation, and a screenshot
// in test-results/screenshots/ to look at.
// page.evaluate callbacks run in the browser:
/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

const app = serveDemoForFile((served) => {
  // A printed book, so the book screen has a history and a preview to scan.
  served.cli(['book', ECUADOR_MEETING, '--out', join(served.dir, 'carpeta.pdf')]);
});

const meeting = (tab: string) => `#/meetings/${ECUADOR_MEETING}/${tab}`;

// `scan: false`: screens made of the same parts as a scanned one (axe takes seconds a screen on 2 cores).
const SCREENS: { name: string; hash: string; heading: string | RegExp; scan?: false }[] = [
  { name: 'home', hash: '#/home', heading: 'Inicio' },
  { name: 'meetings', hash: '#/meetings', heading: 'Reuniones' },
  { name: 'meeting-overview', hash: meeting('overview'), heading: /Peru–Ecuador/ },
  { name: 'meeting-programme', hash: meeting('programme'), heading: /Peru–Ecuador/, scan: false },
  { name: 'meeting-points', hash: meeting('points'), heading: /Peru–Ecuador/ },
  { name: 'meeting-participants', hash: meeting('participants'), heading: /Peru–Ecuador/, scan: false },
  { name: 'meeting-commitments', hash: meeting('commitments'), heading: /Peru–Ecuador/, scan: false },
  { name: 'meeting-notes', hash: meeting('notes'), heading: /Peru–Ecuador/ },
  { name: 'meeting-book', hash: meeting('book'), heading: /Peru–Ecuador/ },
  { name: 'initiatives', hash: '#/initiatives', heading: 'Iniciativas' },
  { name: 'initiative', hash: '#/record/initiative/0195a000-0000-7000-8000-000003000007', heading: /Quito/ },
  { name: 'counterparts', hash: '#/counterparts', heading: 'Contrapartes' },
  { name: 'commitments', hash: '#/commitments', heading: 'Compromisos' },
  { name: 'sync', hash: '#/sync', heading: 'Sincronización' },
  { name: 'settings', hash: '#/settings', heading: 'Ajustes' },
  { name: 'help', hash: '#/help', heading: 'Ayuda' },
];

/** The whole page, or only the screen's own part (the shell around it is the same everywhere). */
async function scan(page: Page, only?: string) {
  const builder = new AxeBuilder({ page });
  if (only) builder.include(only);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

test.describe('main screens in Spanish', () => {
  test.use({ locale: 'es-ES', viewport: { width: 1366, height: 860 } });

  test('no serious or critical accessibility violations, and a screenshot of each', async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watch(page);
    await page.goto(app().url);
    const violations: string[] = [];
    for (const [index, screen] of SCREENS.entries()) {
      await page.evaluate((hash) => (location.hash = hash), screen.hash);
      await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Cargando' })).toHaveCount(0);
      await shoot(page, screen.name);
      violations.push(
        ...(await scan(page, index === 0 ? undefined : '#main')).map((v) => `${screen.name}: ${v}`),
      );
    }
    // A book's preview, its first page drawn.
    await page.evaluate((hash) => (location.hash = hash), meeting('book'));
    await page
      .locator('.book-history tbody tr')
      .first()
      .getByRole('button', { name: /^Ver la carpeta/ })
      .click();
    await expect(page.getByText(/^Página 1 de \d+$/)).toBeVisible({ timeout: 20_000 });
    await page.locator('.book-preview').scrollIntoViewIfNeeded();
    await shoot(page, 'meeting-book-preview');
    violations.push(...(await scan(page, '.book-preview')).map((v) => `book preview: ${v}`));
    // The search palette, open with results (over a screen without option lists of its own).
    await page.evaluate(() => (location.hash = '#/settings'));
    await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Buscar en todo' }).fill('Ecuador');
    await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
    await shoot(page, 'search');
    violations.push(...(await scan(page)).map((v) => `search: ${v}`));
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the whole app is reachable from the keyboard, with a visible focus', async ({ page }) => {
    const problems = watch(page);
    await page.goto(app().url);
    await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
    // Skip link first, then the header's controls, then the navigation.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Ir al contenido' })).toBeFocused();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page
        .getByRole('link', { name: 'Reuniones' })
        .evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Reuniones' })).toBeVisible();
    await shoot(page, 'keyboard-focus');
    expect(problems).toEqual([]);
  });
});

test('in English: the meeting page', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), meeting('points'));
  await expect(page.getByRole('tab', { name: 'Points to make' })).toBeVisible();
  await shoot(page, 'en-meeting-points');
  expect(problems).toEqual([]);
});
