// The one implementation of the contract, over an open store. Handlers receive input already validated.
import { distributeBook } from '../book/distribution.js';
import { identityOf, readDevice, setIdentity } from '../../db/device.js';
import { ValijaError } from '../../domain/errors.js';
import { changedSinceNoted, listPage, recentRecords } from '../../db/pages.js';
import { getRecord, listRecords, sharedState } from '../../db/reader.js';
import { search } from '../../db/search.js';
import type { Store } from '../../db/store.js';
import { deleteRecord, putRecords, restoreRecord } from '../../db/writer.js';
import { withPackageFile } from '../sync/files.js';
import { exportPackage } from '../sync/exporter.js';
import { applyImport, previewImport } from '../sync/importer.js';
import { listTrustedKeys, untrustKey } from '../../db/trust.js';
import { backupsDir, backupStore, listBackups } from '../sync/backups.js';
import { buildBook, readBookPdf, type BookJobOptions } from '../book/service.js';
import type { DocumentFileInfo, MethodName, ParsedInput, Results, SessionMethod } from './contract.js';
import { isDemoStore } from '../../db/settings.js';
import { booksOfMeeting } from '../../db/books.js';
import { importedPackages } from '../../db/ledger.js';
import { attachDocument, documentContent, documentsOn, replaceDocument } from '../../db/documents.js';
import { relatedTo } from '../../db/related.js';
import { readAttachment } from '../documents/attachment.js';
import { extractDocumentText } from '../documents/extract.js';
import { documentNotes } from '../../db/document-notes.js';
import { writeFileAtomically } from '../files.js';
import { importCalendar } from '../calendar/import.js';
import { exportCalendar } from '../calendar/export.js';
import { readTextFile } from '../calendar/files.js';
import { MAX_CALENDAR_BYTES } from '../calendar/parse.js';
import { importContacts } from '../contacts/import.js';
import { exportContacts } from '../contacts/export.js';
import { MAX_CONTACTS_BYTES } from '../contacts/vcard.js';

type Handler<M extends MethodName> = (input: ParsedInput<M>) => Results[M] | Promise<Results[M]>;

/** The store's methods; the session's (lock, unlock…) are answered by the app's session, where there is one. */
export type Handlers = { [M in Exclude<MethodName, SessionMethod>]: Handler<M> } & {
  [M in SessionMethod]?: Handler<M>;
};

/** What a heavy call may use: a progress report (units done out of total) and cancellation. */
export interface HandlerContext {
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
}

export function createHandlers(store: Store, context: HandlerContext = {}): Handlers {
  const bookOptions: BookJobOptions = {
    signal: context.signal,
    onProgress: (p) =>
      context.onProgress?.(
        Math.round(p.fraction * 1000),
        1000,
        [p.section, p.page && p.totalPages ? `${p.page}/${p.totalPages}` : ''].filter(Boolean).join(' '),
      ),
  };
  const { db, writer } = store;
  return {
    list: ({ kind, ...filter }) => listRecords(db, kind, filter),
    listPage: (query) => listPage(db, query),
    recent: ({ limit }) => recentRecords(db, limit),
    changedSinceNoted: ({ limit }) => changedSinceNoted(db, store.device.deviceId, limit),
    get: ({ kind, id }) => getRecord(db, kind, id),
    put: ({ kind, record }) => {
      const stored = putRecords(writer, kind, record);
      return Array.isArray(record) ? stored : stored[0]!;
    },
    delete: ({ kind, id }) => {
      deleteRecord(writer, kind, id);
      return { kind, id, deleted: true };
    },
    restore: ({ kind, id }) => restoreRecord(writer, kind, id),
    annotate: ({ kind, id, text, private: isPrivate, field, page, quote }) =>
      putRecords(writer, 'annotation', {
        targetKind: kind,
        targetId: id,
        targetField: field ?? '',
        body: text,
        visibility: isPrivate ? 'private' : 'shared',
        ...(page === undefined ? {} : { page }),
        ...(quote === undefined ? {} : { quote }),
      })[0]!,
    search: ({ query, limit, kind }) => search(db, query, limit, kind),
    dump: () => sharedState(db),
    identity: (changes) => {
      if (changes.name !== undefined || changes.post !== undefined) setIdentity(db, changes);
      return identityOf(readDevice(db)!);
    },
    exportPackage: ({ file, passphrase }) => exportPackage(store, file, { passphrase, ...context }),
    previewImport: ({ file, ...options }) =>
      withPackageFile(file, (bytes) => previewImport(store, bytes, { ...options, ...context })),
    applyImport: ({ file, ...options }) =>
      withPackageFile(file, (bytes) => applyImport(store, bytes, { ...options, ...context })),
    book: (request) => buildBook(store, request, bookOptions),
    distributeBook: (request) => distributeBook(store, request, bookOptions),
    // Jobs belong to the process that started them: the desktop shell and the bridge answer this themselves
    // (electron/jobs/calls.ts); here, inline (the CLI, a job's own thread), nothing runs to be cancelled.
    cancelJob: () => {
      throw new ValijaError('E_NOT_AVAILABLE', 'no jobs run here: cancel a job in the app that started it');
    },
    bookHistory: ({ meetingId }) => booksOfMeeting(db, meetingId),
    attachDocument: async ({ targetKind, targetId, file, fileName, ...fields }) =>
      attachDocument(
        store.writer,
        { kind: targetKind, id: targetId },
        fields,
        await readAttachment(file, fileName),
      ),
    replaceDocument: async ({ documentId, file, fileName }) =>
      replaceDocument(store.writer, documentId, await readAttachment(file, fileName)),
    documents: ({ targetKind, targetId }) => documentsOn(db, { kind: targetKind, id: targetId }),
    related: ({ kind, id, limit }) => relatedTo(db, kind, id, limit),
    saveDocument: ({ documentId, file, version }) => {
      const { info, content } = documentFile(db, documentId, version);
      writeFileAtomically(file, content);
      return { ...info, file };
    },
    documentBytes: ({ documentId, version }) => {
      const { info, content } = documentFile(db, documentId, version);
      return { ...info, base64: content.toString('base64') };
    },
    // Native dialogs belong to the desktop shell, which answers these itself (electron/main/file-dialogs.ts).
    chooseFile: () => notDesktop(),
    chooseSaveFile: () => notDesktop(),
    extractDocumentText: (request) => extractDocumentText(db, request, context),
    documentNotes: ({ documentId }) => documentNotes(db, documentId),
    calendarImport: ({ file, ...options }) =>
      importCalendar(store, readTextFile(file, MAX_CALENDAR_BYTES, 'calendar'), options),
    calendarExport: ({ file, ...range }) => exportCalendar(store, file, range),
    contactsImport: ({ file, ...options }) =>
      importContacts(store, readTextFile(file, MAX_CONTACTS_BYTES, 'contacts file'), options),
    contactsExport: ({ file, ...target }) => exportContacts(store, file, target),
    bookPdf: ({ bookId }) => readBookPdf(store, bookId),
    packageHistory: () => importedPackages(db),
    trustedKeys: () => listTrustedKeys(db),
    untrustKey: ({ fingerprint }) => {
      untrustKey(db, fingerprint);
      return { fingerprint, removed: true };
    },
    about: () => ({ demo: isDemoStore(db) }),
    storage: () => ({ file: store.file, backupsDir: backupsDir(store), backups: listBackups(store) }),
    backUp: () => {
      const file = backupStore(store, 'manual');
      if (!file) throw new ValijaError('E_NOT_AVAILABLE', 'a store kept in memory has no backups');
      return listBackups(store).find((backup) => backup.file === file)!;
    },
  };
}

function notDesktop(): never {
  throw new ValijaError(
    'E_NOT_AVAILABLE',
    "native file dialogs are the desktop app's; in a browser, upload or download the file",
  );
}

/** A document's file (its latest version, or the one numbered) and what it is. */
function documentFile(
  db: Store['db'],
  documentId: string,
  version?: number,
): { info: DocumentFileInfo; content: Buffer } {
  const { version: chosen, content } = documentContent(db, documentId, version);
  const { fileName, mediaType, sha256 } = chosen;
  return {
    info: { documentId, version: chosen.version, fileName, mediaType, bytes: content.length, sha256 },
    content,
  };
}
