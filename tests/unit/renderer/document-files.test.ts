// The documents panel's two ways with files. The desktop one is checked against a fake window.valija whose
// dialogs answer as a user would: only paths cross to the app, a cancel does nothing, a dropped item
// without a file behind it is refused plainly, and a preview's bytes arrive whole.
import { describe, expect, it } from 'vitest';
import type { ValijaBridge } from '../../../electron/api/progress.js';
import { desktopDocumentFiles, NoFilePath } from '../../../renderer/src/features/documents/document-files.js';

function fakeDesktop(answers: { open?: string | null; save?: string | null; paths?: Map<File, string> }) {
  const calls: [string, unknown][] = [];
  const record =
    (method: string, value: unknown = {}) =>
    async (input: unknown) => {
      calls.push([method, input]);
      return value;
    };
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]);
  const api = {
    chooseFile: record('chooseFile', { file: answers.open ?? null }),
    chooseSaveFile: record('chooseSaveFile', { file: answers.save ?? null }),
    attachDocument: record('attachDocument', { id: 'd1' }),
    replaceDocument: record('replaceDocument', { id: 'd1' }),
    saveDocument: record('saveDocument', {}),
    documentBytes: record('documentBytes', {
      mediaType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
    }),
    pathForFile: (file: File) => answers.paths?.get(file) ?? null,
  } as unknown as ValijaBridge;
  return { ways: desktopDocumentFiles(api), calls, bytes };
}

const target = { targetKind: 'meeting' as const, targetId: 'm1' };

describe('documents in the desktop app', () => {
  it('attaches the file chosen in the dialog by its path', async () => {
    const { ways, calls } = fakeDesktop({ open: '/home/ana/nota verbal.pdf' });
    expect(ways.picksOnPage).toBe(false);
    expect(await ways.attach(target)).toEqual({ id: 'd1' });
    expect(calls).toEqual([
      ['chooseFile', {}],
      ['attachDocument', { targetKind: 'meeting', targetId: 'm1', file: '/home/ana/nota verbal.pdf' }],
    ]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { ways, calls } = fakeDesktop({ open: null, save: null });
    expect(await ways.attach(target)).toBeNull();
    expect(await ways.replace('d1')).toBeNull();
    expect(await ways.download('d1', 2, 'nota.pdf')).toBe(false);
    expect(calls.map(([method]) => method)).toEqual(['chooseFile', 'chooseFile', 'chooseSaveFile']);
  });

  it('attaches a dropped file by its own path, and refuses an item with none', async () => {
    const dropped = new File(['%PDF-'], 'mapa.pdf');
    const { ways, calls } = fakeDesktop({ paths: new Map([[dropped, '/home/ana/mapa.pdf']]) });
    await ways.replace('d1', dropped);
    expect(calls).toEqual([['replaceDocument', { documentId: 'd1', file: '/home/ana/mapa.pdf' }]]);
    await expect(ways.attach(target, new File(['texto'], 'texto.txt'))).rejects.toBeInstanceOf(NoFilePath);
    expect(calls).toHaveLength(1);
  });

  it('saves a version where the user chose, offering its own name', async () => {
    const { ways, calls } = fakeDesktop({ save: '/home/ana/Descargas/nota.pdf' });
    expect(await ways.download('d1', 2, 'nota verbal.pdf')).toBe(true);
    expect(calls).toEqual([
      ['chooseSaveFile', { defaultName: 'nota verbal.pdf' }],
      ['saveDocument', { documentId: 'd1', version: 2, file: '/home/ana/Descargas/nota.pdf' }],
    ]);
  });

  it('previews the bytes exactly, binary included', async () => {
    const { ways, bytes } = fakeDesktop({});
    expect(await ways.bytes('d1')).toEqual({ mediaType: 'application/pdf', bytes });
  });
});
