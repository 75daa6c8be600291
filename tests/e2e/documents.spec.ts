// Documents in the app, through `valija serve`: a PDF uploaded to a meeting from this computer, listed with its
// page count, previewed with pdf.js, downloaded byte for byte, replaced by a second version, then chosen as an
// annex in the book builder with the pages it adds and printed; related lists on
// a counterpart's page, each entry a link.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, ECUADOR_TITLE, watch } from './page.js';

const app = serveDemoForFile();
const DECLARATION = join(ROOT, 'tests', 'fixtures', 'documents', 'declaration.pdf');
const ROTATED = join(ROOT, 'tests', 'fixtures', 'documents', 'rotated.pdf');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.use({ locale: 'en-GB' });

test('a PDF uploaded to a meeting: listed with its pages, previewed, downloaded whole, replaced', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/meetings/${ECUADOR_MEETING}/documents`);
  await expect(page.getByText('No documents yet.')).toBeVisible();

  await page.getByLabel('Add a document').setInputFiles(DECLARATION);
  const item = page.getByRole('listitem', { name: 'declaration' });
  await expect(item).toBeVisible();
  const pages = (app().cli(['documents', 'meeting', ECUADOR_MEETING]) as { pages: number }[])[0]!.pages;
  expect(pages).toBeGreaterThan(0);
  await expect(item.getByText(pages === 1 ? '1 page' : `${pages} pages`)).toBeVisible();
  await expect(item.getByText('1 version', { exact: true })).toBeVisible();

  await item.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByLabel('Preview of declaration');
  await expect(preview.getByText(`Page 1 of ${pages}`)).toBeVisible();
  await expect(preview.getByRole('img')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await item.getByRole('button', { name: 'Download version 1' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('declaration.pdf');
  const saved = join(app().dir, 'downloaded.pdf');
  await download.saveAs(saved);
  expect(sha256(readFileSync(saved))).toBe(sha256(readFileSync(DECLARATION)));

  await item.getByLabel('New version').setInputFiles(ROTATED);
  await expect(item.getByText('2 versions')).toBeVisible();
  await expect(item.getByText(/^Version 2, /)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/meeting-documents.png' });

  // The book builder lists it as an annex with the pages it adds (the current version's), and prints it.
  const current = (app().cli(['documents', 'meeting', ECUADOR_MEETING]) as { pages: number }[])[0]!.pages;
  await page.getByRole('tab', { name: 'Briefing book' }).click();
  const annexes = page.locator('.annex-choice');
  const annex = annexes.getByRole('checkbox', { name: /^declaration · adds/ });
  await expect(annex).toBeChecked();
  await expect(
    annexes.getByText(current === 1 ? 'declaration · adds 1 page' : `declaration · adds ${current} pages`),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Build the book' }).click();
  const summary = page.locator('.book-summary');
  await expect(summary.getByText('Annexes printed')).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByText(/declaration$/)).toBeVisible();

  // Left out by choice: the book says so in its warnings.
  await annex.uncheck();
  await expect(annexes.getByText('0 documents, 0 pages')).toBeVisible();
  await page.getByRole('button', { name: 'Build the book' }).click();
  await expect(summary.getByText('Not printed as they are')).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByText('Annexes printed')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a counterpart's page lists its people, meetings, initiatives and open commitments as links", async ({
  page,
}) => {
  const problems = watch(page);
  const parties = app().cli(['list', 'party']) as { id: string; name: string }[];
  const ecuador = parties.find((party) => /Ecuador/.test(party.name))!;
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/record/party/${ecuador.id}`);
  const meetings = page.getByRole('group', { name: 'Meetings' });
  await expect(meetings.getByRole('link', { name: ECUADOR_TITLE })).toBeVisible();
  await meetings.getByRole('link', { name: ECUADOR_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ECUADOR_TITLE })).toBeVisible();
  expect(problems).toEqual([]);
});

test("search finds a passage inside a document's page and opens the record it is attached to", async ({
  page,
}) => {
  const problems = watch(page);
  app().cli(['attach', 'meeting', ECUADOR_MEETING, DECLARATION]);
  app().cli(['extract-text']);
  await page.goto(app().url);
  await page.getByRole('button', { name: /Search everything/ }).click();
  await page.keyboard.type('pagina 2 de la declaracion');
  const hit = page
    .locator('.search-hit')
    .filter({ has: page.locator('.search-page') })
    .first();
  await expect(hit.locator('.search-page')).toHaveText('page 2');
  await expect(hit.locator('.search-title')).toHaveText('declaration');
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${ECUADOR_MEETING}/`));
  await expect(page.getByRole('heading', { name: ECUADOR_TITLE })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a note on a page quotes its passage, and says so when a new version no longer has it', async ({
  page,
}) => {
  const problems = watch(page);
  app().cli(['attach', 'meeting', ECUADOR_MEETING, DECLARATION, '--title', 'Borrador anotado']);
  app().cli(['extract-text']);
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/meetings/${ECUADOR_MEETING}/documents`);
  const notes = page.getByRole('region', { name: 'Notes on Borrador anotado' });
  await expect(notes.getByText('0 notes on its pages')).toBeVisible();
  await notes.getByLabel('Page', { exact: true }).fill('2');
  await notes.getByLabel('Passage it is about (optional)').fill('Página 2 de la declaración');
  await notes.getByLabel('Note on this page').fill('Revisar con la Cancillería');
  await notes.getByRole('button', { name: 'Add the note' }).click();
  const note = notes.locator('.document-note');
  await expect(note).toHaveCount(1);
  await expect(note.locator('.document-note-page')).toHaveText('page 2');
  await expect(note.locator('.document-note-quote')).toHaveText('“Página 2 de la declaración”');
  await expect(note).toContainText('Revisar con la Cancillería');

  // A new version without that passage: the note stays, marked, on the page it was quoted from.
  await page
    .getByRole('listitem', { name: 'Borrador anotado' })
    .getByLabel('New version')
    .setInputFiles(ROTATED);
  await expect(note).toContainText('passage no longer found (was on page 2)', { timeout: 30_000 });
  await expect(note).toContainText('Revisar con la Cancillería');
  expect(problems).toEqual([]);
});
