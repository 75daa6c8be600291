// Long lists: a store with a few thousand meetings and initiatives scrolls to its last row, with only the
// rows in view in the page, and the store's filters narrow the list.
// page.evaluate callbacks run in the browser:
/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

const MEETINGS = 3_000;
const pad = (i: number) => String(i).padStart(4, '0');

const app = serveDemoForFile((served) => {
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  // In batches: the fixture's CLI runner reads at most 1 MB of output.
  const put = (kind: string, records: object[]) => {
    for (let i = 0; i < records.length; i += 500) {
      served.cli(['put', kind], JSON.stringify(records.slice(i, i + 500)));
    }
  };
  put(
    'meeting',
    Array.from({ length: MEETINGS }, (_, i) => ({
      title: `Generated meeting ${pad(i)}`,
      kind: 'other',
      start: `${day(i)}T15:00:00Z`,
      place: 'Lima',
    })),
  );
  put(
    'initiative',
    Array.from({ length: 2_000 }, (_, i) => ({
      title: `Generated initiative ${pad(i)}`,
      status: i % 2 ? 'stalled' : 'closed',
    })),
  );
});

test.use({ locale: 'en-GB' });

test('the meetings list scrolls to the last of 3,000 meetings, keeping only the rows in view', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate(() => (location.hash = '#/meetings'));
  await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('other');
  await expect(page.getByText(`${MEETINGS} meetings`)).toBeVisible();
  // Newest first: the first generated meeting is the last row.
  const list = page.locator('.virtual-scroller');
  await expect(list.getByRole('link', { name: `Generated meeting ${pad(MEETINGS - 1)}` })).toBeVisible();
  const last = list.getByRole('link', { name: 'Generated meeting 0000' });
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect(await page.locator('.meeting-row').count()).toBeLessThan(100);

  // A date range, from the store: the first ten days of 2020.
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-01-10');
  await expect(page.getByText('10 meetings')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the initiatives list is filtered by the store and scrolls to its last row', async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate(() => (location.hash = '#/initiatives'));
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('stalled');
  await expect(page.getByText('1000 in the list')).toBeVisible();
  const list = page.locator('.virtual-scroller');
  const last = list.getByRole('link', { name: 'Generated initiative 1999' });
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect(await list.locator('tbody tr').count()).toBeLessThan(100);
  expect(problems).toEqual([]);
});

test("a meeting's related initiatives are found by the store's search among thousands, and saved", async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((id) => (location.hash = `#/meetings/${id}/overview`), ECUADOR_MEETING);
  const box = page.getByRole('textbox', { name: 'Related initiatives' });
  const field = page.locator('.field', { has: box });
  await box.fill('generated initiative 1999');
  await page.getByRole('option', { name: 'Generated initiative 1999' }).click();
  await expect(field.locator('.save-state')).toHaveText('Saved');
  await expect(field).toContainText('Generated initiative 1999');
  const stored = app().cli(['get', 'meeting', ECUADOR_MEETING]) as { initiativeIds: string[] };
  const titles = stored.initiativeIds.map(
    (id) => (app().cli(['get', 'initiative', id]) as { title: string }).title,
  );
  expect(titles).toContain('Generated initiative 1999');
  expect(problems).toEqual([]);
});
