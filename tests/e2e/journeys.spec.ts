// Whole journeys through the UI in Chromium, served by `valija serve` on a fresh demo store: a desk officer
// working in Spanish prepares the Ecuador meeting and prints its book; the language switch; record text
// holding markup stays text.
// page.evaluate callbacks run in the browser:
/// <reference lib="dom" />
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { layoutText, readPdf } from '../unit/book/read-pdf.js';
import { serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, ECUADOR_TITLE, watch } from './page.js';

const app = serveDemoForFile();

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('finds the Ecuador meeting with Ctrl+K, adds a point and a shared note, and prints the book with them', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.goto(app().url);
    await expect(page.getByRole('heading', { level: 1, name: 'Inicio' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Datos de demostración');

    // Search palette: type, move with the arrows to the meeting, open it with Enter.
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Buscar en todo' });
    await expect(box).toBeFocused();
    await box.fill('Ecuador');
    const options = page.getByRole('option');
    await expect(options.filter({ hasText: ECUADOR_TITLE })).toHaveCount(1);
    await expect(options.first().locator('mark').first()).toHaveText(/ecuador/i);
    const titles = await options.locator('.search-title').allTextContents();
    const index = titles.indexOf(ECUADOR_TITLE);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: ECUADOR_TITLE })).toBeVisible();
    expect(page.url()).toContain(`#/meetings/${ECUADOR_MEETING}/overview`);

    // Edit in place: an empty title is refused next to the field, in Spanish; a place is saved on blur.
    const title = page.getByRole('textbox', { name: 'Título', exact: true });
    await title.fill('');
    await title.blur();
    await expect(page.getByText('No puede quedar vacío')).toBeVisible();
    await title.fill(ECUADOR_TITLE);
    await title.blur();
    const place = page.getByRole('textbox', { name: 'Lugar' });
    await place.fill('Quito, Palacio de Carondelet (ejemplo)');
    await place.blur();
    await expect(page.locator('.field[data-saved], .save-state[data-state="saved"]').first()).toHaveText(
      'Guardado',
    );

    // A point to make, among the certain ones.
    await page.getByRole('tab', { name: 'Puntos a tratar' }).click();
    const point = 'Proponer una reunión técnica sobre el corredor vial binacional';
    const certain = page.locator('section[data-kind="certain"]');
    await certain.getByRole('textbox', { name: 'Nuevo punto (firmes)' }).fill(point);
    await certain.getByRole('button', { name: 'Añadir punto' }).click();
    await expect(certain.getByRole('textbox', { name: 'Firmes 3' })).toHaveValue(point);
    // Moved up: it becomes the second certain point.
    await certain.getByRole('button', { name: `Subir: ${point}` }).click();
    await expect(certain.getByRole('textbox', { name: 'Firmes 2' })).toHaveValue(point);

    // A shared note, in the side panel; its Markdown is rendered.
    const notes = page.getByRole('complementary', { name: 'Notas' });
    await notes
      .getByRole('textbox', { name: 'Escribir una nota' })
      .fill('Confirmar la **agenda** con Quito.');
    await notes.getByRole('button', { name: 'Añadir nota' }).click();
    await expect(notes.locator('.note strong', { hasText: 'agenda' })).toBeVisible();
    await expect(notes.locator('.note').first()).toContainText('Compartida');

    // The book, in Spanish: progress while it is typeset, then its summary and history.
    await page.getByRole('tab', { name: 'Carpeta' }).click();
    // In a browser no path is typed: the book goes into the serving store's books folder.
    await expect(page.getByRole('textbox', { name: 'Archivo a escribir' })).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Ejemplar para' }).fill('Ministro');
    await page.evaluate(() => {
      const seen = window as unknown as { sawProgress: boolean; maxProgress: number };
      seen.sawProgress = false;
      seen.maxProgress = 0;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (!bar) return;
        seen.sawProgress = true;
        seen.maxProgress = Math.max(seen.maxProgress, Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Generar la carpeta' }).click();
    await expect(page.getByText(/Carpeta escrita: \d+ páginas/)).toBeVisible({ timeout: 30_000 });
    const seen = await page.evaluate(() => {
      const { sawProgress, maxProgress } = window as unknown as { sawProgress: boolean; maxProgress: number };
      return { sawProgress, maxProgress };
    });
    expect(seen.sawProgress).toBe(true);
    console.log(`book progress seen up to ${seen.maxProgress}%`);
    await expect(page.locator('.book-sections li').first()).toBeVisible();
    await expect(page.locator('.book-history tbody tr')).toHaveCount(1);
    await expect(page.locator('.book-history')).toContainText('Ministro');
    const pdf = await page.locator('.book-history tbody tr td.path').first().innerText();
    expect(dirname(pdf)).toBe(join(app().dir, 'books'));
    await page.locator('.book-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/meeting-book-built.png' });

    expect(existsSync(pdf)).toBe(true);
    const read = await readPdf(pdf);
    const text = read.pages.map(layoutText).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(point);
    expect(text).toContain('agenda');

    // The preview opens on page 1, drawn (not blank), and counts the pages the file has.
    const pages = read.numPages;
    expect(pages).toBeGreaterThan(1);
    const summaryPages = Number(
      /(\d+) páginas/.exec((await page.locator('.book-summary').innerText()) ?? '')?.[1],
    );
    expect(summaryPages).toBe(pages);
    const preview = page.getByRole('region', { name: 'Vista previa' });
    await expect(preview.getByText(`Página 1 de ${pages}`)).toBeVisible({ timeout: 20_000 });
    const canvas = preview.getByRole('img', { name: `Página 1 de ${pages} de la carpeta` });
    await expect.poll(() => inkOn(canvas), { timeout: 20_000 }).toBeGreaterThan(0.005);
    await preview.getByRole('button', { name: 'Página siguiente' }).click();
    await expect(preview.getByText(`Página 2 de ${pages}`)).toBeVisible();
    await expect.poll(() => inkOn(preview.getByRole('img'))).toBeGreaterThan(0.005);
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/meeting-book-preview.png' });

    // Save a copy: the same bytes, under the book's file name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: 'Guardar una copia…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(basename(pdf));
    expect(readFileSync((await download.path())!).equals(readFileSync(pdf))).toBe(true);

    // Print: every page is drawn for the print sheet before the dialog opens.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = -1;
      window.print = () => (w.printed = document.querySelectorAll('.print-pages img').length);
    });
    await preview.getByRole('button', { name: 'Imprimir' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
      .toBe(pages);

    // Once the dialog is closed, the print sheet is gone.
    await expect(page.locator('.print-pages')).toHaveCount(0);
    expect(await page.evaluate(() => document.body.classList.contains('printing-book'))).toBe(false);

    // Any book in the history opens in the preview too.
    await preview.getByRole('button', { name: 'Cerrar la vista previa' }).click();
    await expect(preview).toHaveCount(0);
    await page
      .locator('.book-history tbody tr')
      .first()
      .getByRole('button', { name: /^Ver la carpeta/ })
      .click();
    await expect(preview.getByText(`Página 1 de ${pages}`)).toBeVisible({ timeout: 20_000 });
    expect(problems).toEqual([]);
  });

  test('switching to English changes every label, and the choice is remembered', async ({ page }) => {
    const problems = watch(page);
    await page.goto(app().url);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    for (const label of [
      'Inicio',
      'Reuniones',
      'Iniciativas',
      'Contrapartes',
      'Compromisos',
      'Sincronización',
      'Ajustes',
    ]) {
      await expect(nav.getByRole('link', { name: label })).toBeVisible();
    }
    await page.getByText('English', { exact: true }).click();
    const english = page.getByRole('navigation', { name: 'Main' });
    for (const label of [
      'Home',
      'Meetings',
      'Initiatives',
      'Counterparts',
      'Commitments',
      'Sync',
      'Settings',
    ]) {
      await expect(english.getByRole('link', { name: label })).toBeVisible();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Open commitments' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Demo data');
    await expect(page.getByRole('button', { name: /Search everything/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await english.getByRole('link', { name: 'Meetings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Counterpart' })).toBeVisible();
    await page.getByRole('link', { name: ECUADOR_TITLE }).click();
    for (const tab of [
      'Overview',
      'Programme',
      'Points to make',
      'Participants',
      'Commitments',
      'Notes',
      'Briefing book',
    ]) {
      await expect(page.getByRole('tab', { name: tab })).toBeVisible();
    }
    expect(problems).toEqual([]);
  });
});

test('a title and a note holding markup are shown as text, and nothing runs', async ({ page }) => {
  const markup = '<img src=x onerror=alert(1)>';
  const created = app().cli(
    ['put', 'initiative'],
    JSON.stringify({ title: markup, summary: `Summary ${markup}` }),
  ) as {
    id: string;
  };
  app().cli([
    'annotate',
    'initiative',
    created.id,
    '--text',
    `**Bold** then ${markup} <script>alert(2)</script>`,
  ]);
  const problems = watch(page);
  await page.goto(app().url);

  // Home lists it among the recent changes, as text.
  await expect(page.getByRole('button', { name: markup })).toBeVisible();

  // Through search: the title and the snippet are text.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox').fill('onerror');
  await expect(page.getByRole('option').filter({ hasText: markup }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: markup })).toBeVisible();
  const note = page.locator('.note').first();
  await expect(note.locator('strong')).toHaveText('Bold');
  await expect(note).toContainText(markup);
  await expect(note).toContainText('<script>alert(2)</script>');
  await expect(page.locator('main img, main script')).toHaveCount(0);
  expect(problems).toEqual([]);
});

/** The share of a canvas's pixels that are not white: 0 for a blank page. */
function inkOn(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    if (!c.width || !c.height) return 0;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) ink++;
    }
    return ink / (data.length / 4);
  });
}
