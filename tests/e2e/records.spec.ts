// Notes on a record (changed-since marker, edit, delete with Undo), the author identity, and a package
// exported then previewed — through the UI, in English.
// page.evaluate callbacks run in the browser:
/// <reference lib="dom" />
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

const app = serveDemoForFile();

test.use({ locale: 'en-GB' });

test('a note: written under my name, marked when the meeting changes, edited, deleted and brought back', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Ana Torres');
  await page.getByRole('textbox', { name: 'Post' }).fill('Ecuador desk, Lima');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.evaluate((id) => (location.hash = `#/meetings/${id}/overview`), ECUADOR_MEETING);
  const panel = page.getByRole('complementary', { name: 'Notes' });
  await panel.getByRole('textbox', { name: 'Write a note' }).fill('Ask about the _border_ crossings.');
  await panel.getByRole('switch', { name: 'Private (stays on this computer)' }).check();
  await panel.getByRole('button', { name: 'Add note' }).click();
  const note = panel.locator('.note', { hasText: 'crossings' });
  await expect(note).toContainText('Ana Torres');
  await expect(note).toContainText('Private');
  await expect(note).toContainText('Mine');
  await expect(note.locator('em')).toHaveText('border');
  await expect(note.locator('.note-stale')).toHaveCount(0);

  // The meeting changes after the note: the note says so.
  const purpose = page.getByRole('textbox', { name: 'Purpose' });
  await purpose.fill('Hold the Presidential Meeting and Binational Cabinet with Ecuador (example edit).');
  await purpose.blur();
  await expect(note.locator('.note-stale')).toHaveText('Changed since you annotated');

  // Edit: the new text replaces the old one in the list.
  await note.getByRole('button', { name: 'Edit' }).click();
  await note
    .getByRole('textbox', { name: 'Edit note' })
    .fill('Ask about the border crossings and the bridge.');
  await note.getByRole('button', { name: 'Save' }).click();
  const edited = panel.locator('.note', { hasText: 'the bridge' });
  await expect(edited).toHaveCount(1);
  await expect(panel.locator('.note', { hasText: '_border_' })).toHaveCount(0);

  // Delete, then Undo.
  await edited.getByRole('button', { name: 'Delete' }).click();
  await expect(edited).toHaveCount(0);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.locator('.note', { hasText: 'the bridge' })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('sync: a package exported from this store, then previewed with its counts and signer', async ({
  page,
}, testInfo) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate(() => (location.hash = '#/sync'));
  // In a browser the package is downloaded, then picked from this computer to import.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Package written' })).toBeVisible();
  const file = testInfo.outputPath('out.valija');
  await download.saveAs(file);

  await page.getByLabel('Package file to read').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('Signer fingerprint')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'New' })).toBeVisible();

  // A file that is not a package: a readable error, in English, with its code.
  await page.getByLabel('Package file to read').setInputFiles(join(app().dir, 'demo.db'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('alert')).toContainText('E_PACKAGE_CORRUPT');
  await expect(page.getByRole('alert')).toContainText('damaged or not a Valija package');
  // Chromium logs the API's 422 answer; nothing else may appear.
  expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
});

test('a meeting that does not exist: a readable message in the screen, the shell still works', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate(() => (location.hash = '#/meetings/0195a000-0000-7000-8000-00000400ffff/overview'));
  await expect(page.getByRole('alert')).toContainText('This record does not exist or was deleted.');
  await expect(page.getByRole('alert')).toContainText('E_NOT_FOUND');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
});

test('their objectives and our response: added, saved on leaving the box, still there after a reload', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((id) => (location.hash = `#/meetings/${id}/points`), ECUADOR_MEETING);
  const section = page.locator('section[aria-labelledby="their-objectives"]');
  await section.getByRole('button', { name: 'Add an objective' }).click();
  await section
    .getByRole('textbox', { name: 'Their objective 1' })
    .fill('(example) A faster border crossing.');
  await section
    .getByRole('textbox', { name: 'Our response 1' })
    .fill('(example) Study it in the binational cabinet.');
  await section.getByRole('textbox', { name: 'Our response 1' }).blur();
  await expect(section.getByText('Saved')).toBeVisible();
  await page.reload();
  await expect(section.getByRole('textbox', { name: 'Their objective 1' })).toHaveValue(
    '(example) A faster border crossing.',
  );
  expect(problems).toEqual([]);
});

test('a new meeting from the list opens on its own page, and the list shows it', async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('textbox', { name: 'New meeting' }).fill('(example) Consultations with Chile');
  await page.getByRole('textbox', { name: 'New meeting' }).press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: '(example) Consultations with Chile' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'All meetings' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Consultations with Chile' })).toHaveCount(1);
  await expect(page.getByText('4 meetings')).toBeVisible();
  expect(problems).toEqual([]);
});

test("a meeting's counterparts: chosen from a searchable list and saved at once", async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((id) => (location.hash = `#/meetings/${id}/overview`), ECUADOR_MEETING);
  const field = page.locator('.field', { has: page.getByRole('textbox', { name: 'Counterparts' }) });
  await expect(field).toContainText('Ecuador');
  await page.getByRole('textbox', { name: 'Counterparts' }).fill('Chil');
  await page.getByRole('option', { name: 'Chile' }).click();
  await expect(field.locator('.save-state')).toHaveText('Saved');
  const stored = app().cli(['get', 'meeting', ECUADOR_MEETING]) as { partyIds: string[] };
  expect(stored.partyIds).toHaveLength(3);
  expect(problems).toEqual([]);
});

test('home: a counterpart I annotated shows under "Changed since your notes" once it changes', async ({
  page,
}) => {
  const problems = watch(page);
  const peru = '0195a000-0000-7000-8000-000001000001';
  app().cli(['annotate', 'party', peru, '--text', 'Check the trade figures.', '--private']);
  await page.goto(app().url);
  const noted = page.getByRole('region', { name: 'Changed since your notes' });
  // (Other tests in this file annotate and change a meeting: only Peru is this test's.)
  await expect(
    noted.getByRole('listitem').or(noted.getByText('Nothing you annotated has changed since.')).first(),
  ).toBeVisible();
  await expect(noted.getByRole('button', { name: 'Peru', exact: true })).toHaveCount(0);
  app().cli(
    ['put', 'party'],
    JSON.stringify({ id: peru, relationship: 'Strategic partner (example edit).' }),
  );
  await page.reload();
  await expect(noted.getByRole('button', { name: 'Peru', exact: true })).toBeVisible();
  await noted.getByRole('button', { name: 'Peru', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peru');
  expect(problems).toEqual([]);
});
