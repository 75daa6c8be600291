// Heavy jobs from the UI: a long book is cancelled from its progress bar, and nothing is left behind.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

const app = serveDemoForFile((served) => {
  // Enough points for a book of a few hundred pages (several seconds of typesetting).
  const words = 'cooperación fronteriza desarrollo integración binacional seguimiento compromiso'.split(' ');
  const points = Array.from({ length: 300 }, (_, i) => ({
    meetingId: ECUADOR_MEETING,
    kind: 'certain',
    text: `Punto ${i}: ${Array.from({ length: 250 }, (_, j) => words[(i + j) % words.length]).join(' ')}.`,
  }));
  served.cli(['put', 'talkingPoint'], JSON.stringify(points));
});

test.use({ locale: 'es-ES' });

test('a long book cancelled from its progress bar writes no file and adds no history row', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/meetings/${ECUADOR_MEETING}/book`);
  await expect(page.getByText('Aún no se imprimió ninguna carpeta.')).toBeVisible();
  await page.getByRole('button', { name: 'Generar la carpeta' }).click();

  // Once the job reports real work, cancel it.
  const bar = page.getByRole('progressbar', { name: 'Avance de la carpeta' });
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.locator('.job-progress').getByRole('button', { name: 'Cancelar' }).click();

  const notice = page.getByRole('status').filter({ hasText: 'Cancelado; no se cambió nada.' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(bar).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/meeting-book-cancelled.png' });
  await expect(page.getByText('Aún no se imprimió ninguna carpeta.')).toBeVisible();
  // The book would have gone into the serving store's books folder: nothing is there, not even a part.
  const books = join(app().dir, 'books');
  expect(existsSync(books) ? readdirSync(books) : []).toEqual([]);
  // The book call itself answers 409 E_CANCELLED, which the browser logs.
  expect(problems.filter((p) => !p.includes('status of 409'))).toEqual([]);
});
