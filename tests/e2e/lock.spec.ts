// Locking, in English: the first run's recovery passphrase (on a missing store), the unlock screen (on an
// encrypted store served locked), Lock with Ctrl+L, the header's button and the idle timer (on Playwright's
// clock), and another tab's lock reaching this one. While locked, the page holds nothing of the store.
// page.evaluate callbacks run in the browser:
/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_PASSPHRASE, serveDemoForFile } from './fixtures.js';
import { ECUADOR_TITLE, watch } from './page.js';

test.use({ locale: 'en-GB' });

/** Refused passphrases and calls made while locked answer 400, 403 or 423, which Chromium logs. */
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/the server responded with a status of (400|403|423)/.test(p));

/** Words of the demo store that must not be in the page while it is locked. */
async function expectNothingOfTheStore(page: Page) {
  const html = await page.content();
  expect(html).not.toContain(ECUADOR_TITLE);
  expect(html).not.toContain('Quito');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
}

async function expectLocked(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Valija is locked' })).toBeVisible();
  await expectNothingOfTheStore(page);
}

async function unlock(page: Page, passphrase = E2E_PASSPHRASE) {
  await page.getByLabel('Recovery passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function expectMeetings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await expect(page.getByText(ECUADOR_TITLE).first()).toBeVisible();
}

/** A call made from the page with its own token, as any screen would. */
function callFromPage(page: Page, method: string, input: object) {
  return page.evaluate(
    async ([method, input]) => {
      const response = await fetch(`./api/${method as string}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sessionStorage.getItem('valija.token') ?? ''}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
    },
    [method, input] as const,
  );
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('first run, on a missing store', () => {
  const app = serveDemoForFile(undefined, 'missing');

  test('a recovery passphrase is asked for; a weak one is refused, a strong one creates the encrypted demo store', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const problems = watch(page);
    await page.goto(app().url);
    await expect(page.getByRole('heading', { level: 1, name: 'Set a recovery passphrase' })).toBeVisible();
    await expect(page.getByText(/only way to open it on another machine/)).toBeVisible();
    await expect(page.getByText(/it cannot be recovered/)).toBeVisible();
    await expectNothingOfTheStore(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/first-run.png' });

    const passphrase = page.getByLabel('Recovery passphrase');
    const again = page.getByLabel('The same passphrase again');
    const create = page.getByRole('button', { name: 'Create the encrypted store' });
    await passphrase.fill('too short');
    await again.fill('too short');
    await create.click();
    await expect(page.getByText('Use at least 12 characters.')).toBeVisible();

    await passphrase.fill('passwordpassword');
    await again.fill('passwordpassword');
    await create.click();
    await expect(page.getByRole('alert')).toContainText('This passphrase is too easy to guess');

    await passphrase.fill(E2E_PASSPHRASE);
    await again.fill(`${E2E_PASSPHRASE} `);
    await create.click();
    await expect(page.getByText('The two passphrases differ.')).toBeVisible();

    await again.fill(E2E_PASSPHRASE);
    await create.click();
    await expectMeetings(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('encryption')).toHaveText(/The store is encrypted/);
    expect(await callFromPage(page, 'session', {})).toMatchObject({
      body: { value: { state: 'open', encrypted: true } },
    });
    expect(unexpected(problems)).toEqual([]);
  });
});

test.describe('an encrypted store, served locked', () => {
  const app = serveDemoForFile(undefined, 'encrypted');
  // Each test starts on the locked store, whatever the one before left.
  test.beforeEach(async () => {
    const { url } = app();
    const response = await fetch(new URL('/api/lockStore', url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${url.split('#token=')[1]!}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  test('the unlock screen: accessible, a wrong passphrase shows the error and nothing of the store, the right one opens it', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.goto(app().url);
    await expectLocked(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await callFromPage(page, 'list', { kind: 'meeting' })).toMatchObject({
      status: 423,
      body: { error: { code: 'E_LOCKED' } },
    });

    await unlock(page, 'not the passphrase at all');
    await expect(page.getByRole('alert')).toHaveText('Wrong passphrase: nothing was changed.');
    await expectLocked(page);
    await page.screenshot({ path: 'test-results/screenshots/unlock.png' });

    await unlock(page);
    await expectMeetings(page);
    expect(unexpected(problems)).toEqual([]);
  });

  test('Ctrl+L and the Lock button lock it: the page reloads on the unlock screen and the API answers E_LOCKED', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.goto(app().url);
    await unlock(page);
    await expectMeetings(page);
    await page.getByText(ECUADOR_TITLE).first().click();
    await expect(page.getByRole('heading', { level: 1, name: ECUADOR_TITLE })).toBeVisible();

    await page.keyboard.press('Control+L');
    await expectLocked(page);
    expect(await callFromPage(page, 'list', { kind: 'meeting' })).toMatchObject({
      status: 423,
      body: { error: { code: 'E_LOCKED' } },
    });

    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: ECUADOR_TITLE })).toBeVisible();
    // Even from inside a field.
    await page.getByRole('button', { name: 'Search everything' }).click();
    await page.getByRole('combobox', { name: 'Search everything' }).fill('Quito');
    await expect(page.getByRole('combobox', { name: 'Search everything' })).toBeFocused();
    await expect(page.getByRole('option').filter({ hasText: ECUADOR_TITLE })).toHaveCount(1);
    await page.keyboard.press('Control+L');
    await expectLocked(page);

    await unlock(page);
    await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
    await expectLocked(page);
    expect(unexpected(problems)).toEqual([]);
  });

  test('locked from another tab, the next call of this one shows the unlock screen and drops what it showed', async ({
    page,
    context,
  }) => {
    const problems = watch(page);
    await page.goto(app().url);
    await unlock(page);
    await expectMeetings(page);

    const other = await context.newPage();
    await other.goto(app().url);
    await expect(other.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await other.keyboard.press('Control+L');
    await expectLocked(other);
    await other.close();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commitments' }).click();
    await expectLocked(page);
    expect(unexpected(problems)).toEqual([]);
  });

  test('the idle lock: set to 1 minute in Settings, it locks after a minute without use, not before', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.clock.install();
    await page.goto(app().url);
    await unlock(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const idle = page.getByLabel('Lock after this long without use');
    await expect(idle).toHaveValue('15');
    await expect(page.getByTestId('encryption')).toHaveText(/The store is encrypted/);
    await idle.selectOption({ label: '1 minute' });
    await expect
      .poll(async () => (await callFromPage(page, 'session', {})).body)
      .toMatchObject({
        value: { idleLockMinutes: 1 },
      });

    // Used within the minute: still open.
    await page.clock.fastForward('00:50');
    await page.mouse.move(200, 200);
    await page.clock.fastForward('00:50');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    await page.clock.fastForward('01:01');
    await expectLocked(page);
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByLabel('Lock after this long without use')).toHaveValue('1');
    await page.getByLabel('Lock after this long without use').selectOption({ label: 'Never' });
    await expect
      .poll(async () => (await callFromPage(page, 'session', {})).body)
      .toMatchObject({
        value: { idleLockMinutes: 0 },
      });
    expect(unexpected(problems)).toEqual([]);
  });
});

test.describe('a plaintext store', () => {
  const app = serveDemoForFile();

  test('Settings say it is not encrypted and how to encrypt it; locked, it opens with a button and no passphrase', async ({
    page,
  }) => {
    const problems = watch(page);
    await page.goto(app().url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('encryption')).toHaveText('The store is not encrypted.');
    await expect(page.getByText('valija encrypt --new-passphrase-env VAR')).toBeVisible();

    await page.keyboard.press('Control+L');
    await expectLocked(page);
    await expect(page.getByLabel('Recovery passphrase')).toHaveCount(0);
    await page.getByRole('button', { name: 'Open' }).click();
    await expectMeetings(page);
    expect(unexpected(problems)).toEqual([]);
  });
});
