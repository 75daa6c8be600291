// Issue 12, finding 1: a signer that names itself after a trusted colleague's fingerprint. The trust prompt
// shows the fingerprint of the key that really signed the package, and the text the signer chose only under
// a label saying it is the signer's own claim.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveDemo, type ServedApp } from './fixtures.js';

let attacker: ServedApp;
let officer: ServedApp;
test.beforeAll(async () => {
  [attacker, officer] = await Promise.all([serveDemo(), serveDemo()]);
});
test.afterAll(async () => {
  await Promise.all([attacker?.stop(), officer?.stop()]);
});

test.use({ locale: 'es-ES' });

// A trusted colleague's fingerprint, as the attacker would copy it into its own name.
const COLLEAGUE = 'A582 19C4 77D0 3B1E 0F6A 92C5 D4E8 0B69';
const SPOOF = `Quito, fingerprint ${COLLEAGUE}) (Quito`;

test('a signer named with another key’s fingerprint: the prompt shows only the real one, the name as a claim', async ({
  page,
}) => {
  const real = (attacker.cli(['identity', '--name', SPOOF]) as { fingerprint: string }).fingerprint;
  expect(real).not.toBe(COLLEAGUE);
  const file = join(attacker.dir, 'spoof.valija');
  attacker.cli(['export', '--out', file]);

  await page.goto(officer.url);
  await page.evaluate(() => (location.hash = '#/sync'));
  // A path typed for the server, or (browser mode with uploads) the file picked from this computer.
  const field = page.getByLabel('Archivo de paquete a leer');
  await expect(field).toBeVisible();
  if ((await field.getAttribute('type')) === 'file') await field.setInputFiles(file);
  else await field.fill(file);
  await page.getByRole('button', { name: 'Vista previa' }).click();
  const prompt = page.getByRole('alertdialog', {
    name: 'El firmante de este paquete aún no es de confianza',
  });
  await expect(prompt).toBeVisible();
  await expect(prompt.locator('.fingerprint')).toHaveText(real);
  // The colleague's fingerprint appears only inside the claimed name, under its label.
  await expect(prompt.locator('.claimed-name')).toHaveText(SPOOF);
  await expect(prompt).toContainText('Nombre que el firmante se da (su propia afirmación, no verificada):');
  const text = (await prompt.innerText()).replace(SPOOF, '');
  expect(text).not.toContain(COLLEAGUE);
  expect(text).toContain(real);
});
