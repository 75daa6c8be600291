// What the menu's commands do, with recording dialogs and jobs: the import preview-then-apply flow, export,
// and an honest answer for what the app cannot do yet.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../electron/api/contract.js';
import { createActions, type ActionContext } from '../../../electron/main/actions.js';
import type { Dialogs } from '../../../electron/main/dialogs.js';

const report = {
  packageId: 'p1',
  sha256: 'ab'.repeat(32),
  createdAt: '2026-03-01T00:00:00Z',
  encrypted: false,
  signer: { deviceId: 'd', name: 'Embassy in Quito', fingerprint: 'AB:CD', trusted: true },
  alreadyImported: false,
  applied: false,
  changes: 12,
  newChanges: 5,
  counts: { meeting: { new: 1, changed: 2 } },
  conflicts: [],
};

function setup(options: {
  file?: string;
  confirm?: boolean[];
  answers?: Envelope<unknown>[];
  screen?: string;
}) {
  const shown: string[] = [];
  const details: string[] = [];
  let screen = options.screen ?? '#/home';
  const jobs: [string, unknown][] = [];
  const confirms = [...(options.confirm ?? [])];
  const answers = [...(options.answers ?? [])];
  const dialogs: Dialogs = {
    chooseImportFile: async () => options.file,
    chooseDocumentFile: async () => options.file,
    chooseSaveFile: async () => options.file,
    chooseExportFile: async (name) => {
      shown.push(`save-as:${name}`);
      return options.file;
    },
    info: async (message, detail) => void shown.push(`info:${message}:${detail ?? ''}`),
    error: async (title, error) => void shown.push(`error:${title}:${error.code}`),
    confirm: async (message, detail) => {
      shown.push(`confirm:${message}`);
      details.push(detail);
      return confirms.shift() ?? false;
    },
    notYetAvailable: async (feature) => void shown.push(`not-yet:${feature}`),
  };
  const context: ActionContext = {
    dialogs,
    runJob: async (method, input) => {
      jobs.push([method, input]);
      return answers.shift() ?? { ok: false, error: { code: 'E_INTERNAL', message: 'no answer' } };
    },
    print: () => void shown.push('print'),
    screen: {
      current: () => screen,
      show: (hash) => void (screen = hash),
    },
    openPath: async (path) => (shown.push(`open:${path}`), ''),
    lock: () => void shown.push('lock'),
    userDataDir: '/home/me/.config/Valija',
    about: {
      version: '0.1.0',
      versions: { electron: '45.5.0' },
      storeFile: '/home/me/.config/Valija/valija.db',
    },
    today: () => new Date('2026-03-05T10:00:00Z'),
  };
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { actions: createActions(context), shown, details, jobs, settled, screen: () => screen };
}

describe('the menu actions', () => {
  it('import: preview, confirm with the summary, apply', async () => {
    const { actions, shown, jobs, settled } = setup({
      file: '/tmp/p.valija',
      confirm: [true],
      answers: [
        { ok: true, value: report },
        { ok: true, value: { ...report, applied: true } },
      ],
    });
    actions.importPackage();
    await settled();
    expect(jobs).toEqual([
      ['previewImport', { file: '/tmp/p.valija' }],
      ['applyImport', { file: '/tmp/p.valija', expectedSha256: 'ab'.repeat(32) }],
    ]);
    expect(shown).toContain('confirm:Import this package?');
    expect(shown.at(-1)).toMatch(
      /^info:Package imported:Signer fingerprint: AB:CD\nName the signer gives itself \(its own claim, not verified\): Embassy in Quito\n.*meeting: 1 new, 2 changed/s,
    );
  });

  it('import: an unknown signer is trusted only when the user says so', async () => {
    const untrusted = {
      ok: false as const,
      error: {
        code: 'E_UNTRUSTED_SIGNER' as const,
        message: 'fingerprint 1111 2222',
        details: { signer: { fingerprint: '1111 2222', claimedName: 'Quito', keyId: 'ab' } },
      },
    };
    const declined = setup({ file: '/tmp/p.valija', confirm: [false], answers: [untrusted] });
    declined.actions.importPackage();
    await declined.settled();
    expect(declined.jobs).toHaveLength(1);

    const accepted = setup({
      file: '/tmp/p.valija',
      confirm: [true, true],
      answers: [untrusted, { ok: true, value: report }, { ok: true, value: report }],
    });
    accepted.actions.importPackage();
    await accepted.settled();
    expect(accepted.jobs.map(([, input]) => input)).toEqual([
      { file: '/tmp/p.valija' },
      { file: '/tmp/p.valija', trust: { fingerprint: '1111 2222' } },
      { file: '/tmp/p.valija', trust: { fingerprint: '1111 2222' }, expectedSha256: 'ab'.repeat(32) },
    ]);
  });

  it('import: the trust question shows the fingerprint from the details, first, and the name as a claim', async () => {
    const spoofed = {
      ok: false as const,
      error: {
        code: 'E_UNTRUSTED_SIGNER' as const,
        message: 'Quito, fingerprint A582 0B69) (Quito, fingerprint 1111 2222',
        details: {
          signer: {
            fingerprint: '1111 2222',
            claimedName: 'Quito, fingerprint A582 0B69) (Quito',
            keyId: 'ab',
          },
        },
      },
    };
    const { actions, details, settled } = setup({
      file: '/tmp/p.valija',
      confirm: [false],
      answers: [spoofed],
    });
    actions.importPackage();
    await settled();
    expect(details[0]).toMatch(/^Signer fingerprint: 1111 2222\n/);
    expect(details[0]).toMatch(
      /\nName the signer gives itself \(its own claim, not verified\): Quito, fingerprint A582 0B69\) \(Quito$/,
    );
  });

  it('import: a refused package is reported with its code and nothing is applied', async () => {
    const { actions, shown, jobs, settled } = setup({
      file: '/tmp/p.valija',
      answers: [{ ok: false, error: { code: 'E_PACKAGE_CORRUPT', message: 'bad hash' } }],
    });
    actions.importPackage();
    await settled();
    expect(jobs).toHaveLength(1);
    expect(shown).toContain('error:The package cannot be imported:E_PACKAGE_CORRUPT');
  });

  it('export: suggests a dated name and writes the package as a job', async () => {
    const { actions, shown, jobs, settled } = setup({
      file: '/tmp/out.valija',
      answers: [{ ok: true, value: { file: '/tmp/out.valija', changes: 40, bytes: 1234 } }],
    });
    actions.exportPackage();
    await settled();
    expect(shown[0]).toBe('save-as:valija-2026-03-05.valija');
    expect(jobs).toEqual([['exportPackage', { file: '/tmp/out.valija' }]]);
    expect(shown.at(-1)).toMatch(/^info:Package written:\/tmp\/out.valija/);
  });

  it('does nothing when a file dialog is cancelled', async () => {
    const { actions, jobs, settled } = setup({ file: undefined });
    actions.importPackage();
    actions.exportPackage();
    await settled();
    expect(jobs).toEqual([]);
  });

  it("building a book from the menu opens the open meeting's Book tab", async () => {
    const { actions, shown, jobs, settled, screen } = setup({ screen: '#/meetings/m-1/points' });
    actions.buildBook();
    await settled();
    expect(screen()).toBe('#/meetings/m-1/book');
    expect(shown).toEqual([]);
    expect(jobs).toEqual([]);
  });

  it('building a book with no meeting open says to open one first', async () => {
    const { actions, shown, settled, screen } = setup({ screen: '#/initiatives' });
    actions.buildBook();
    await settled();
    expect(screen()).toBe('#/initiatives');
    expect(shown).toEqual([expect.stringMatching(/^info:Open a meeting first:/)]);
  });

  it('prints, opens the data folder and tells what it is', async () => {
    const { actions, shown, settled } = setup({});
    actions.print();
    actions.openDataFolder();
    actions.about();
    await settled();
    expect(shown).toContain('print');
    expect(shown).toContain('open:/home/me/.config/Valija');
    expect(shown.find((s) => s.startsWith('info:Valija 0.1.0'))).toContain('Electron 45.5.0');
  });
});
