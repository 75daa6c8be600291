// Deleting a main record from its page: a confirmation, then back to its list with an Undo that brings it
// back (the store keeps deleted records; `restore` revives them).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveDemoForFile } from './fixtures.js';
import { watch } from './page.js';

const app = serveDemoForFile();

test.use({ locale: 'es-ES' });

/** Serious or critical accessibility violations in a part of the page. */
async function violations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('an initiative deleted after a confirmation leaves its list, and Undo brings it back', async ({
  page,
}) => {
  const problems = watch(page);
  const created = app().cli(
    ['put', 'initiative'],
    JSON.stringify({ title: 'Mesa técnica de pasos de frontera (ejemplo)' }),
  ) as { id: string; title: string };
  await page.goto(app().url);
  await page.evaluate((id) => (location.hash = `#/record/initiative/${id}`), created.id);
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();

  // Asked first; cancelling changes nothing.
  const remove = page.getByRole('button', { name: `Eliminar «${created.title}»…` });
  await remove.click();
  const confirm = page.getByRole('group', {
    name: `¿Eliminar «${created.title}»? Podrá deshacerlo enseguida.`,
  });
  await expect(confirm.getByRole('button', { name: 'Eliminar', exact: true })).toBeFocused();
  expect(await violations(page, '.delete-record')).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await expect(confirm).toHaveCount(0);
  await remove.click();
  await page.keyboard.press('Enter');

  // Back on the list, without it, and an offer to undo.
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciativas' })).toBeVisible();
  expect(page.url()).toMatch(/#\/initiatives$/);
  const undo = page.getByRole('status').filter({ hasText: `Se eliminó «${created.title}».` });
  await expect(undo).toBeVisible();
  await expect(page.getByRole('main').getByText(created.title, { exact: true })).toHaveCount(0);
  expect(() => app().cli(['get', 'initiative', created.id])).toThrow(/E_NOT_FOUND/);
  await page.screenshot({ path: 'test-results/screenshots/record-deleted-undo.png' });
  expect(await violations(page, '.undo-delete')).toEqual([]);

  await undo.getByRole('button', { name: 'Deshacer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();
  await expect(undo).toHaveCount(0);
  expect(app().cli(['get', 'initiative', created.id])).toMatchObject({ title: created.title });
  expect(problems).toEqual([]);
});
