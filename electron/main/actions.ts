// What the menu's items do. Package import and export run as jobs (a worker thread, progress to the
// window); the briefing book is built from the open meeting's Book tab, so its item goes there.
import type { SignerDetails } from '../../domain/errors.js';
import type { Envelope, Results } from '../api/contract.js';
import type { Dialogs } from './dialogs.js';
import type { MenuActions } from './menu.js';

type ImportReport = Results['applyImport'];

export interface ActionContext {
  dialogs: Dialogs;
  runJob: (
    method: 'exportPackage' | 'previewImport' | 'applyImport',
    input: unknown,
  ) => Promise<Envelope<unknown>>;
  print: () => void;
  /** The window's screen address (its URL fragment, `#/meetings/ID/overview`), and a way to change it. */
  screen: { current: () => string; show: (hash: string) => void };
  openPath: (path: string) => Promise<string>;
  /** Locks the store and starts the window again on the unlock screen. */
  lock: () => void;
  userDataDir: string;
  about: { version: string; versions: Record<string, string | undefined>; storeFile: string };
  today?: () => Date;
}

const CLAIM_LABEL = 'Name the signer gives itself (its own claim, not verified)';

/** The trust question about an untrusted signer, from the error's details: the fingerprint first. */
export function describeUntrustedSigner(signer: SignerDetails): string {
  return [
    `Signer fingerprint: ${signer.fingerprint}`,
    'Compare it with its sender (by phone or in person) before trusting it.',
    '',
    `${CLAIM_LABEL}: ${signer.claimedName || '(none)'}`,
  ].join('\n');
}

export function summariseImport(report: ImportReport): string {
  const lines = [
    `Signer fingerprint: ${report.signer.fingerprint}`,
    `${CLAIM_LABEL}: ${report.signer.name || '(none)'}`,
    '',
  ];
  if (report.alreadyImported)
    lines.push('This package was imported before: importing it again changes nothing.');
  for (const [kind, counts] of Object.entries(report.counts ?? {})) {
    const parts = Object.entries(counts ?? {})
      .filter(([, n]) => n > 0)
      .map(([outcome, n]) => `${n} ${outcome}`);
    if (parts.length) lines.push(`${kind}: ${parts.join(', ')}`);
  }
  lines.push(
    `${report.newChanges} new change(s) of ${report.changes}; ${report.conflicts.length} conflict(s).`,
  );
  return lines.join('\n');
}

export function createActions(ctx: ActionContext): MenuActions {
  const { dialogs } = ctx;

  async function importPackage() {
    const file = await dialogs.chooseImportFile();
    if (!file) return;
    // Trust names the fingerprint the user was shown; apply names the package its preview read.
    let trust: { fingerprint: string } | undefined;
    let preview = await ctx.runJob('previewImport', { file });
    const signer = !preview.ok ? preview.error.details?.signer : undefined;
    if (!preview.ok && preview.error.code === 'E_UNTRUSTED_SIGNER' && signer) {
      const go = await dialogs.confirm(
        'This package comes from a signer you have not trusted yet',
        describeUntrustedSigner(signer),
        'Trust and continue',
      );
      if (!go) return;
      trust = { fingerprint: signer.fingerprint };
      preview = await ctx.runJob('previewImport', { file, trust });
    }
    if (!preview.ok) {
      const detail =
        preview.error.code === 'E_DECRYPT'
          ? {
              ...preview.error,
              message: `${preview.error.message}\n\nEncrypted packages cannot be opened from the app yet; use \`valija import FILE --passphrase-env VAR\`.`,
            }
          : preview.error;
      return dialogs.error('The package cannot be imported', detail);
    }
    const report = preview.value as ImportReport;
    if (!(await dialogs.confirm('Import this package?', summariseImport(report), 'Import'))) return;
    const applied = await ctx.runJob('applyImport', {
      file,
      ...(trust ? { trust } : {}),
      expectedSha256: report.sha256,
    });
    if (!applied.ok)
      return dialogs.error('The package was not imported; your store is unchanged', applied.error);
    await dialogs.info('Package imported', summariseImport(applied.value as ImportReport));
  }

  async function exportPackage() {
    const day = (ctx.today?.() ?? new Date()).toISOString().slice(0, 10);
    const file = await dialogs.chooseExportFile(`valija-${day}.valija`);
    if (!file) return;
    const result = await ctx.runJob('exportPackage', { file });
    if (!result.ok) return dialogs.error('The package was not written', result.error);
    const written = result.value as Results['exportPackage'];
    await dialogs.info(
      'Package written',
      `${written.file}\n${written.changes} change(s), ${written.bytes} bytes.`,
    );
  }

  const report = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) =>
      dialogs.error('Something went wrong', {
        code: 'E_INTERNAL',
        message: String((error as Error)?.message ?? error),
      }),
    );
  };

  return {
    importPackage: report(importPackage),
    exportPackage: report(exportPackage),
    // A book is built for one meeting, chosen on the meeting screens of the coming UI.
    buildBook: report(async () => {
      const meeting = /^#\/meetings\/([^/]+)/.exec(ctx.screen.current())?.[1];
      if (meeting) return ctx.screen.show(`#/meetings/${meeting}/book`);
      await dialogs.info(
        'Open a meeting first',
        'A briefing book is built for one meeting: open it under Meetings, then choose Build briefing book… again (or its Book tab).',
      );
    }),
    print: () => ctx.print(),
    lock: () => ctx.lock(),
    about: report(() =>
      dialogs.info(
        `Valija ${ctx.about.version}`,
        [
          'Offline desktop app for diplomats.',
          `Store: ${ctx.about.storeFile}`,
          `Electron ${ctx.about.versions.electron ?? '?'}, Chromium ${ctx.about.versions.chrome ?? '?'}, Node ${ctx.about.versions.node ?? '?'}`,
        ].join('\n'),
      ),
    ),
    openDataFolder: report(async () => {
      const failure = await ctx.openPath(ctx.userDataDir);
      if (failure)
        await dialogs.error('The data folder could not be opened', { code: 'E_IO', message: failure });
    }),
  };
}
