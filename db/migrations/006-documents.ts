// Documents: papers attached to a record (metadata merged like any record), their versions (insert-only), and
// the files themselves, kept once per distinct content inside the store — never as readable files beside it.
export const sql = `
CREATE TABLE document (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  targetKind TEXT NOT NULL DEFAULT 'meeting',
  targetId TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  docKind TEXT NOT NULL DEFAULT 'other',
  classification TEXT NOT NULL DEFAULT 'restricted',
  language TEXT NOT NULL DEFAULT '',
  addedBy TEXT NOT NULL DEFAULT '',
  addedAt TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX document_by_target ON document (targetKind, targetId);

CREATE TABLE document_version (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  documentId TEXT REFERENCES document (id) DEFERRABLE INITIALLY DEFERRED,
  fileName TEXT NOT NULL DEFAULT '',
  mediaType TEXT NOT NULL DEFAULT '',
  bytes INTEGER NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '',
  pages INTEGER NOT NULL DEFAULT 0,
  addedBy TEXT NOT NULL DEFAULT '',
  addedAt TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX document_version_by_document ON document_version (documentId, addedAt);
CREATE INDEX document_version_by_sha256 ON document_version (sha256);

CREATE TABLE document_file (
  sha256 TEXT PRIMARY KEY,
  bytes INTEGER NOT NULL,
  content BLOB NOT NULL
) STRICT;
`;
