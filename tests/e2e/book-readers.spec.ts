// The book builder's options for its reader, through `valija serve`: a copy cut to a reader's clearance, with
// portion marks, protected by the reader's passphrase. What the reader gets is read back from the PDF the
// history names: the confidential initiative is nowhere in it, paragraphs carry their marks, and it opens
// only with the passphrase.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

const SECRET = 'Interconexión eléctrica reservada Zamora';
const PASSPHRASE = 'lectura del ministro 2026';

const app = serveDemoForFile((served) => {
  const meeting = served.cli(['get', 'meeting', ECUADOR_MEETING]) as { initiativeIds: string[] };
  const added = served.cli(
    ['put', 'initiative'],
    JSON.stringify({ title: SECRET, classification: 'confidential', summary: 'Texto confidencial.' }),
  ) as { id: string };
  served.cli(
    ['put', 'meeting'],
    JSON.stringify({ id: ECUADOR_MEETING, initiativeIds: [...meeting.initiativeIds, added.id] }),
  );
});

test.use({ locale: 'en-GB' });

async function textOf(file: string, password?: string): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    password,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

test('a restricted copy with portion marks, protected by its reader’s passphrase', async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/meetings/${ECUADOR_MEETING}/book`);
  const readers = page.getByRole('group', { name: 'For its reader' });
  await readers.getByLabel('Copy for a reader cleared to').selectOption('restricted');
  await readers.getByLabel("Mark each paragraph's classification").check();
  await readers.getByLabel('Protect the PDF with a passphrase').check();
  // Protected without a passphrase: refused on the page, nothing printed.
  await page.getByRole('button', { name: 'Build the book' }).click();
  await expect(readers.getByText('Must not be empty')).toBeVisible();
  await readers.getByLabel("The reader's passphrase").fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Build the book' }).click();

  const summary = page.locator('.book-summary');
  await expect(summary.getByText(/Book written: \d+ pages/)).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByText("1 item above the reader's clearance left out")).toBeVisible();
  await expect(summary.getByText('Protected with a passphrase')).toBeVisible();
  await expect(summary).not.toContainText(SECRET);

  const row = page.locator('.book-history tbody tr').first();
  await expect(row).toContainText('clearance: restricted');
  const file = await row.locator('td.path').innerText();
  await expect(
    getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise,
  ).rejects.toThrow(/password/i);
  const text = await textOf(file, PASSPHRASE);
  expect(text).not.toContain(SECRET);
  expect(text).toMatch(/\(R\)/);
  // The book is in the page's language: its banner says what is left, never the withheld level.
  expect(text).toContain('RESTRICTED');
  expect(text).not.toMatch(/CONFIDENTIAL/);
  expect(problems).toEqual([]);
});

test('a distribution of three numbered copies, each with its recipient on every page', async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/meetings/${ECUADOR_MEETING}/book`);
  const section = page.getByRole('region', { name: 'Distribution' });
  const recipients = section.getByLabel('Recipients, one per line');
  await recipients.fill('Ana Pérez; Minister\nLuis Quispe; Director; Reservado typo\n');
  await section.getByRole('button', { name: /Print 1 numbered cop/ }).click();
  await expect(section.getByRole('alert')).toContainText('These lines cannot be read: 2');
  await recipients.fill(
    'Ana Pérez; Minister\nLuis Quispe; Director for South America; Restricted\nMarta Ríos; Deputy Head of Mission',
  );
  await section.getByRole('button', { name: 'Print 3 numbered copies' }).click();
  const done = section.locator('.book-distribution');
  await expect(done.getByText('3 copies printed')).toBeVisible({ timeout: 90_000 });
  const numbers = await done.locator('tbody tr td:first-child').allInnerTexts();
  expect(new Set(numbers).size).toBe(3);
  await expect(done.locator('tbody tr').nth(1)).toContainText("1 item above the reader's clearance left out");

  // Each copy is in the history, newest first, with its number, recipient and file.
  const rows = page.locator('.book-history tbody tr');
  const names = ['Marta Ríos', 'Luis Quispe', 'Ana Pérez'];
  for (const [i, name] of names.entries()) {
    const row = rows.nth(i);
    await expect(row).toContainText(name);
    await expect(row.locator('td').first()).toHaveText(numbers[2 - i]!);
    const text = await textOf(await row.locator('td.path').innerText());
    const pages = text.split('\n');
    expect(pages.length).toBeGreaterThan(1);
    // Every page after the cover carries the copy's recipient.
    for (const pageText of pages.slice(1)) expect(pageText).toContain(name);
    if (name === 'Luis Quispe') expect(text).not.toContain(SECRET);
    else expect(text).toContain(SECRET);
  }
  expect(problems).toEqual([]);
});

test('a reissue after an added point says its revision and lists the change', async ({ page }) => {
  const problems = watch(page);
  await page.goto(app().url);
  await page.evaluate((hash) => (location.hash = hash), `#/meetings/${ECUADOR_MEETING}/book`);
  await page.getByRole('button', { name: 'Build the book' }).click();
  const summary = page.locator('.book-summary');
  await expect(summary.getByText(/Book written: \d+ pages/)).toBeVisible({ timeout: 60_000 });
  const before = (app().cli(['books', ECUADOR_MEETING]) as { copyNumber: number }[])[0]!.copyNumber;

  const added = 'Peru and Ecuador open a new border crossing at Huaquillas.';
  app().cli(
    ['put', 'talkingPoint'],
    JSON.stringify({ meetingId: ECUADOR_MEETING, kind: 'certain', text: added }),
  );
  await page.getByRole('button', { name: 'Build the book' }).click();
  await expect(summary.getByText(`replaces copy no. ${before}`)).toBeVisible({ timeout: 60_000 });
  await expect(summary.locator('.book-change-list')).toContainText(`New · Points to make · ${added}`);
  // Printed again with no comparison: no revision line.
  await page.getByLabel('Mark changes since').selectOption('none');
  await page.getByRole('button', { name: 'Build the book' }).click();
  await expect(summary.locator('.book-changes')).toHaveCount(0, { timeout: 60_000 });
  expect(problems).toEqual([]);
});
