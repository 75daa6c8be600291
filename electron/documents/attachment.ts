// Reading a file to attach: refused at once when too large (before a byte is read) or unreadable, then
// recognised by its first bytes (never by its name) and, for a PDF, its pages counted with pdf.js.
import { openPdf } from './pdf.js';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AttachedFile } from '../../db/documents.js';
import { ValijaError } from '../../domain/errors.js';
import { maxDocumentBytes } from './limits.js';

const SIGNATURES: [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** What a file is, by its first bytes: a PDF, a PNG, a JPEG, or anything else (kept and synced, not printed). */
export function mediaTypeOf(content: Buffer): string {
  for (const [type, magic] of SIGNATURES) {
    if (magic.every((byte, i) => content[i] === byte)) return type;
  }
  return 'application/octet-stream';
}

/** Pages of a PDF pdf.js can open; 0 for one it cannot (damaged, or protected by a password). */
export async function pdfPageCount(content: Buffer): Promise<number> {
  const task = await openPdf(content);
  try {
    const pdf = await task.promise;
    return pdf.numPages;
  } catch {
    return 0;
  } finally {
    await task.destroy();
  }
}

/**
 * The name a file is kept under: its last part on any platform (a browser may send `C:\x\a.pdf`), without
 * control characters; 'document' when nothing is left.
 */
export function keptFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const printable = [...last].filter((c) => c >= ' ' && c !== '\u007f').join('');
  const clean = printable.trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'document' : clean;
}

/**
 * Reads a file to attach, kept under `fileName` when given (an upload's own name), else the path's last part.
 * E_TOO_LARGE over the limit, E_IO when it cannot be read.
 */
export async function readAttachment(
  path: string,
  fileName?: string,
  maxBytes = maxDocumentBytes(),
): Promise<AttachedFile> {
  let content: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new ValijaError('E_IO', `${path} is not a file`);
      const { size } = stat;
      if (size > maxBytes) {
        throw new ValijaError(
          'E_TOO_LARGE',
          `${basename(path)} is ${(size / 2 ** 20).toFixed(1)} MiB; a document may hold at most ${(maxBytes / 2 ** 20).toFixed(0)} MiB (VALIJA_MAX_DOCUMENT_MB)`,
        );
      }
      content = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ValijaError) throw error;
    throw new ValijaError(
      'E_IO',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  // A file that grew between the size check and the read.
  if (content.length > maxBytes) throw new ValijaError('E_TOO_LARGE', `${basename(path)} is over the limit`);
  const mediaType = mediaTypeOf(content);
  return {
    content,
    fileName: keptFileName(fileName ?? basename(path)),
    mediaType,
    pages: mediaType === 'application/pdf' ? await pdfPageCount(content) : 0,
  };
}
