// Numbered migrations, applied in order. Never edit one that has shipped: add the next number.
import { sql as records } from './001-records.js';
import { sql as syncLedger } from './002-sync-ledger.js';
import { sql as changeSets } from './003-change-sets.js';
import { sql as listIndexes } from './004-list-indexes.js';
import { sql as authorHeads } from './005-author-heads.js';
import { sql as documents } from './006-documents.js';
import { sql as documentText } from './007-document-text.js';
import { sql as bookContents } from './008-book-contents.js';
import { sql as calendar } from './009-calendar.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'records', sql: records },
  { version: 2, name: 'sync-ledger', sql: syncLedger },
  { version: 3, name: 'change-sets', sql: changeSets },
  { version: 4, name: 'list-indexes', sql: listIndexes },
  { version: 5, name: 'author-heads', sql: authorHeads },
  { version: 6, name: 'documents', sql: documents },
  { version: 7, name: 'document-text', sql: documentText },
  { version: 8, name: 'book-contents', sql: bookContents },
  { version: 9, name: 'calendar', sql: calendar },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
