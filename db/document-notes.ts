// Notes on a document's pages, and where each one's passage is in the document's current version. The
// place is worked out from the text this device extracted, never written back: a note keeps the page and
// passage its author quoted (and the version), so every laptop finds it the same way and nothing is lost
// when a new version no longer holds the passage.
import type { Db } from './connection.js';
import { documentInfo, versionsOf } from './documents.js';
import { pageTexts } from './document-text.js';
import { listRecords } from './reader.js';
import { pageOfPassage } from '../domain/passage.js';
import type { DocumentNote } from '../domain/results.js';

/** The current notes on a document (newest versions of each, alive), oldest first, each placed. */
export function documentNotes(db: Db, documentId: string): DocumentNote[] {
  const { current } = documentInfo(db, documentId);
  const versions = versionsOf(db, documentId);
  const pages = current && current.text === 'indexed' ? pageTexts(db, current.sha256) : undefined;
  return listRecords(db, 'annotation', { targetKind: 'document', targetId: documentId }).map((note) => {
    const quote = String(note.quote ?? '');
    const quotedPage = Number(note.page ?? 0);
    const quotedFrom = versions.find((version) => version.id === note.quotedVersion);
    const base = {
      id: note.id,
      body: String(note.body),
      author: String(note.author),
      visibility: String(note.visibility),
      createdAt: String(note.createdAt),
      quote,
      quotedPage,
      quotedVersion: quotedFrom?.version ?? 0,
    };
    if (quote === '') return { ...base, status: 'unquoted', page: quotedPage };
    // Still the version it was quoted from: the author's page stands.
    if (quotedFrom && quotedFrom.id === current?.id) return { ...base, status: 'found', page: quotedPage };
    if (!pages) {
      // Not read yet; or a version without text (scanned, unreadable), where no passage can be found.
      const status = current?.text === 'pending' ? 'pending' : 'notFound';
      return { ...base, status, page: quotedPage };
    }
    const page = pageOfPassage(quote, pages);
    return page > 0 ? { ...base, status: 'found', page } : { ...base, status: 'notFound', page: quotedPage };
  });
}
