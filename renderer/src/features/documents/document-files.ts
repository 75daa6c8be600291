// How a record's documents come and go. In a browser, by upload to `valija serve` and a download back; in the
// desktop app, through its native dialogs (or a dropped file's own path): only paths cross, never the bytes
// of a file to attach, and a download is written where the user chose.
import type { DOCUMENT_TARGETS } from '../../../../domain/kinds.js';
import type { DocumentInfo } from '../../../../domain/results.js';
import type { ValijaBridge } from '../../../../electron/api/progress.js';
import type { BridgeFiles } from '../../api/client.js';

type DocumentTarget = (typeof DOCUMENT_TARGETS)[number];

export interface DocumentFiles {
  /** The page offers its own file input (a browser), or a button that opens the desktop app's dialog. */
  readonly picksOnPage: boolean;
  /** Attaches the file given (picked or dropped), or one chosen in a dialog; null when the user cancels. */
  attach(target: { targetKind: DocumentTarget; targetId: string }, file?: File): Promise<DocumentInfo | null>;
  replace(documentId: string, file?: File): Promise<DocumentInfo | null>;
  /** Saves a version under its own name; false when the user cancels. */
  download(documentId: string, version: number, fileName: string): Promise<boolean>;
  /** A document's latest file, for the preview. */
  bytes(documentId: string): Promise<{ mediaType: string; bytes: Uint8Array }>;
}

/** Thrown when a dropped item has no file on the disk behind it (text, or a file from another app). */
export class NoFilePath extends Error {
  constructor() {
    super('the dropped item is not a file on this computer');
  }
}

export function browserDocumentFiles(files: BridgeFiles): DocumentFiles {
  const uploaded = async (file: File | undefined) => {
    if (!file) return null;
    return (await files.upload(file, 'document', file.name)).upload;
  };
  return {
    picksOnPage: true,
    async attach({ targetKind, targetId }, file) {
      const upload = await uploaded(file);
      return upload ? files.call('attachDocument', { targetKind, targetId, upload }) : null;
    },
    async replace(documentId, file) {
      const upload = await uploaded(file);
      return upload ? files.call('replaceDocument', { documentId, upload }) : null;
    },
    async download(documentId, version, fileName) {
      const saved = await files.call('saveDocument', { documentId, version });
      await files.save(saved.download, fileName);
      return true;
    },
    async bytes(documentId) {
      const saved = await files.call('saveDocument', { documentId });
      return { mediaType: saved.mediaType, bytes: await files.fetchBytes(saved.download) };
    },
  };
}

export function desktopDocumentFiles(api: ValijaBridge): DocumentFiles {
  const pathOf = async (file: File | undefined): Promise<string | null> => {
    if (!file) return (await api.chooseFile({})).file;
    const path = api.pathForFile?.(file);
    if (!path) throw new NoFilePath();
    return path;
  };
  return {
    picksOnPage: false,
    async attach({ targetKind, targetId }, file) {
      const path = await pathOf(file);
      return path ? api.attachDocument({ targetKind, targetId, file: path }) : null;
    },
    async replace(documentId, file) {
      const path = await pathOf(file);
      return path ? api.replaceDocument({ documentId, file: path }) : null;
    },
    async download(documentId, version, fileName) {
      const { file } = await api.chooseSaveFile({ defaultName: fileName });
      if (!file) return false;
      await api.saveDocument({ documentId, version, file });
      return true;
    },
    async bytes(documentId) {
      const found = await api.documentBytes({ documentId });
      return {
        mediaType: found.mediaType,
        bytes: Uint8Array.from(atob(found.base64), (c) => c.charCodeAt(0)),
      };
    },
  };
}
