// Calendars in the app, through the browser bridge: an Outlook invitation (.ics) for a meeting in Quito,
// uploaded and previewed — its local time, nothing written — then imported and found among the meetings; and
// a meeting's "Add to calendar", downloaded as an .ics file with the meeting's title and its start in UTC.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, serveDemoForFile } from './fixtures.js';
import { ECUADOR_MEETING, watch } from './page.js';

// The demo's Ecuador meeting has no date yet: it is given one, in Quito's time, to be exported.
const app = serveDemoForFile((served) =>
  served.cli(
    ['put', 'meeting'],
    JSON.stringify({
      id: ECUADOR_MEETING,
      start: '2027-05-14T10:30:00-05:00',
      end: '2027-05-14T12:00:00-05:00',
    }),
  ),
);

// The invitation's times are Quito's (UTC-5, no summer time): shown in a browser set to the same zone.
test.use({ locale: 'es-ES', timezoneId: 'America/Guayaquil' });

const INVITATION = join(ROOT, 'tests', 'fixtures', 'calendar', 'outlook-quito.ics');
const TITLE = 'Reunión bilateral Perú–Ecuador: seguimiento del Gabinete Binacional';

const open = async (page: Page, hash: string) => {
  await page.goto(app().url);
  await page.evaluate((h) => (location.hash = h), hash);
};

/** Serious or critical accessibility violations in the page's main part. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).include('#main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const storedTitles = () => (app().cli(['list', 'meeting']) as { title: string }[]).map((m) => m.title);

test('an Outlook invitation: previewed with its local time, nothing written until Import, then a meeting', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page, '#/meetings');
  await expect(page.getByRole('heading', { level: 1, name: 'Reuniones' })).toBeVisible();
  await expect(page.getByRole('listitem').first().getByRole('link')).toBeVisible();
  await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);

  await open(page, '#/sync');
  const form = page.getByRole('form', { name: 'Importar desde un calendario' });
  await form.getByLabel('Archivo de calendario (.ics)').setInputFiles(INVITATION);
  await form.getByRole('button', { name: 'Revisar el calendario' }).click();

  // The preview: one new meeting, at 9:00 in Quito on 22 March 2027; its invited people unknown here.
  const meetings = form.getByRole('region', { name: 'Reuniones del archivo' });
  const row = meetings.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText('22 mar 2027');
  await expect(row).toContainText('9:00');
  await expect(row).toContainText('Nueva');
  await expect(form.locator('.import-counts')).toContainText('Nuevas1');
  await expect(form.getByText('atorres@rree.gob.pe')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // A preview writes nothing.
  expect(storedTitles()).not.toContain(TITLE);

  await form.getByRole('button', { name: 'Importar reuniones' }).click();
  await expect(form.getByRole('status')).toHaveText('Calendario importado. Nuevas: 1 · actualizadas: 0.');
  expect(storedTitles()).toContain(TITLE);

  await open(page, '#/meetings');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator('#main')).toContainText('Palacio de Carondelet, Quito');
  expect(problems).toEqual([]);
});

test('Cancel discards the preview; a broken file is refused naming its line', async ({ page }) => {
  const problems = watch(page);
  await open(page, '#/sync');
  const form = page.getByRole('form', { name: 'Importar desde un calendario' });
  await form
    .getByLabel('Archivo de calendario (.ics)')
    .setInputFiles(join(ROOT, 'tests', 'fixtures', 'calendar', 'google-guayaquil.ics'));
  await form.getByRole('button', { name: 'Revisar el calendario' }).click();
  await expect(form.getByRole('region', { name: 'Reuniones del archivo' })).toBeVisible();
  await form.getByRole('button', { name: 'Cancelar' }).click();
  await expect(form.getByRole('region', { name: 'Reuniones del archivo' })).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Importar reuniones' })).toHaveCount(0);

  await form
    .getByLabel('Archivo de calendario (.ics)')
    .setInputFiles(join(ROOT, 'tests', 'fixtures', 'calendar', 'broken-line.ics'));
  await form.getByRole('button', { name: 'Revisar el calendario' }).click();
  await expect(form.getByRole('alert')).toContainText('E_INVALID');
  await expect(form.getByRole('alert')).toContainText(/line \d+/);
  // The refusal is the bridge's answer (a 400), which the browser logs; nothing else went wrong.
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});

test('a vCard file: its people previewed, with the organization no party is named, then imported', async ({
  page,
}) => {
  const problems = watch(page);
  const people = () => (app().cli(['list', 'person']) as { name: string }[]).map((p) => p.name);
  expect(people()).not.toContain('Luis Peña');
  await open(page, '#/sync');
  const form = page.getByRole('form', { name: 'Importar contactos' });
  await form
    .getByLabel('Archivo de contactos (.vcf)')
    .setInputFiles(join(ROOT, 'tests', 'fixtures', 'calendar', 'contacts-v4.vcf'));
  await form.getByRole('button', { name: 'Revisar los contactos' }).click();
  const list = form.getByRole('region', { name: 'Personas del archivo' });
  await expect(list.getByRole('row').filter({ hasText: 'Luis Peña' })).toContainText('Nueva');
  await expect(list.getByRole('row').filter({ hasText: 'Ana Torres' })).toBeVisible();
  await expect(form.getByText('Organización de los Estados Americanos')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(people()).not.toContain('Luis Peña');

  await form.getByRole('button', { name: 'Importar personas' }).click();
  await expect(form.getByRole('status')).toHaveText('Contactos importados. Nuevos: 2 · actualizados: 0.');
  expect(people()).toEqual(expect.arrayContaining(['Luis Peña', 'Ana Torres']));
  expect(problems).toEqual([]);
});

test('"Add to calendar" downloads the meeting as an .ics event starting at its start, in UTC', async ({
  page,
}, testInfo) => {
  const problems = watch(page);
  const meeting = app().cli(['get', 'meeting', ECUADOR_MEETING]) as { title: string; start: string };
  await open(page, `#/meetings/${ECUADOR_MEETING}/overview`);
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Añadir al calendario' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${meeting.title}.ics`);
  const file = testInfo.outputPath('meeting.ics');
  await download.saveAs(file);
  // Long lines are folded (a line break and a space): unfolded before reading.
  const text = readFileSync(file, 'utf8').replace(/\r?\n[ \t]/g, '');
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain(`SUMMARY:${meeting.title.replace(/[,;]/g, (c) => `\\${c}`)}`);
  // 10:30 in Quito (UTC-5) is 15:30 UTC.
  expect(meeting.start).toBe('2027-05-14T10:30:00-05:00');
  expect(text).toMatch(/^DTSTART:20270514T153000Z\r?$/m);
  expect(problems).toEqual([]);
});
