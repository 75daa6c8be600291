// Two laptops, here two `valija serve` processes on two demo stores (each `init` makes its own device key):
// the same field edited differently on each, a package exported from one through the UI and imported
// into the other — trust prompt with the signer's fingerprint, the conflict side by side, apply — and the
// winning value on the second screen. Then the trusted signer is removed again from the list. In a browser
// no path on the serving computer is named: the export is downloaded and the import uploaded from a picker.
import { readdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveDemo, type ServedApp } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

let a: ServedApp;
let b: ServedApp;
test.beforeAll(async () => {
  [a, b] = await Promise.all([serveDemo(), serveDemo()]);
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

test.use({ locale: 'es-ES' });
/** The package as the user's browser saved it, on "their" computer (the test's own folder). */
let pkg: string;
test.describe.configure({ mode: 'serial' });

/** Serious or critical accessibility violations in a part of the page. */
async function violations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const open = async (page: Page, app: ServedApp, hash: string) => {
  await page.goto(app.url);
  await page.evaluate((h) => (location.hash = h), hash);
};

test('a package from another store: trusted after the prompt, its conflict shown side by side, applied', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  pkg = testInfo.outputPath('quito.valija');
  const problems = watch(page);
  const signerA = a.cli(['identity', '--name', 'Embajada en Quito']) as { fingerprint: string };
  const deviceB = b.cli(['identity']) as { fingerprint: string };
  expect(signerA.fingerprint).not.toBe(deviceB.fingerprint);

  // B changes the place first; A changes it later, on its screen: A's change is the newer one.
  b.cli(['put', 'meeting'], JSON.stringify({ id: ECUADOR_MEETING, place: 'Quito, Cancillería' }));
  await open(page, a, `#/meetings/${ECUADOR_MEETING}/overview`);
  const place = page.getByRole('textbox', { name: 'Lugar' });
  await place.fill('Guayaquil, Gobernación del Guayas');
  await place.blur();
  await expect(page.locator('.save-state[data-state="saved"], .field[data-saved]').first()).toHaveText(
    'Guardado',
  );

  // Export from A: downloaded by the browser, with no path to type.
  await open(page, a, '#/sync');
  await expect(page.getByRole('textbox', { name: 'Archivo de paquete a escribir' })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportar' }).click(),
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Paquete escrito' })).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^valija-\d{4}-\d{2}-\d{2}\.valija$/);
  await download.saveAs(pkg);

  // Import into B: the unknown signer is not trusted until the user says so.
  await open(page, b, '#/sync');
  await expect(page.getByText('Todavía no se confía en ningún otro firmante.')).toBeVisible();
  await page.getByLabel('Archivo de paquete a leer').setInputFiles(pkg);
  await page.getByRole('button', { name: 'Vista previa' }).click();
  const prompt = page.getByRole('alertdialog', {
    name: 'El firmante de este paquete aún no es de confianza',
  });
  await expect(prompt.locator('.claimed-name')).toHaveText('Embajada en Quito');
  await expect(prompt.locator('.fingerprint')).toHaveText(signerA.fingerprint);
  await expect(page.getByRole('columnheader', { name: 'Nuevos' })).toHaveCount(0);
  expect(await violations(page, '#main')).toEqual([]);
  await prompt.getByRole('button', { name: 'Confiar y ver' }).click();

  // The preview: the conflict on the place, mine (B) against theirs (A), who and when, and which wins.
  const conflict = page.locator('.conflict').filter({ hasText: 'Quito, Cancillería' });
  await expect(conflict).toBeVisible();
  const mine = conflict.locator('.conflict-side').nth(0);
  const theirs = conflict.locator('.conflict-side').nth(1);
  await expect(mine).toContainText('Mío');
  await expect(mine).toContainText('Quito, Cancillería');
  await expect(theirs).toContainText('Suyo · Gana');
  await expect(theirs).toContainText('Guayaquil, Gobernación del Guayas');
  await expect(theirs).toHaveAttribute('data-winner', 'true');
  await expect(theirs.locator('.mantine-Text-root').last()).toContainText(/\d{4}/);
  await conflict.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/sync-conflict.png' });

  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paquete importado.' })).toBeVisible({
    timeout: 20_000,
  });
  // A is now a trusted signer on B.
  const keys = page.getByRole('region', { name: 'Firmantes de confianza' });
  await expect(keys.getByRole('row').filter({ hasText: 'Embajada en Quito' })).toContainText(
    signerA.fingerprint,
  );
  // …and the package is in B's history, under that signer's fingerprint (its name labelled as its own claim),
  // with its one conflict.
  const history = page.getByTestId('package-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText(signerA.fingerprint);
  await expect(history.getByRole('row').nth(1)).toContainText('se da el nombre: Embajada en Quito');
  await expect(history.getByRole('row').nth(1).getByRole('cell').nth(3)).toHaveText('1');

  // The upload was the serving computer's private copy, removed once imported; nothing landed beside B's store.
  expect(readdirSync(b.dir).filter((name) => name.endsWith('.valija'))).toEqual([]);

  // B's screen shows the winning value.
  await open(page, b, `#/meetings/${ECUADOR_MEETING}/overview`);
  await expect(page.getByRole('textbox', { name: 'Lugar' })).toHaveValue('Guayaquil, Gobernación del Guayas');
  // The refused preview's 422 answer is logged by the browser; nothing else may appear.
  expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
});

test('a trusted signer removed from the list after a confirmation is refused again', async ({ page }) => {
  const problems = watch(page);
  await open(page, b, '#/sync');
  const keys = page.getByRole('region', { name: 'Firmantes de confianza' });
  await keys.getByRole('button', { name: 'Dejar de confiar en Embajada en Quito' }).click();
  const confirm = keys.getByRole('group', { name: /¿Dejar de confiar en Embajada en Quito\?/ });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/sync-trusted-keys.png' });
  expect(await violations(page, '.trusted-keys')).toEqual([]);
  // Cancelling keeps it; confirming removes it.
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await expect(keys.getByRole('row').filter({ hasText: 'Embajada en Quito' })).toHaveCount(1);
  await keys.getByRole('button', { name: 'Dejar de confiar en Embajada en Quito' }).click();
  await keys.getByRole('button', { name: 'Dejar de confiar', exact: true }).click();
  await expect(keys.getByText('Todavía no se confía en ningún otro firmante.')).toBeVisible();

  await page.getByLabel('Archivo de paquete a leer').setInputFiles(pkg);
  await page.getByRole('button', { name: 'Vista previa' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Embajada en Quito');
  // The refused preview's 422 answer is logged by the browser; nothing else may appear.
  expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
});
