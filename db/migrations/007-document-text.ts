// Notes on a document's page (the page, the passage quoted and the version it was quoted from, synced like
// every field of a note), and the text of each document file, page by page: device-local data derived from
// the file's bytes, so it is never synced and can always be extracted again.
export const sql = `
ALTER TABLE annotation ADD COLUMN page INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotation ADD COLUMN quote TEXT NOT NULL DEFAULT '';
ALTER TABLE annotation ADD COLUMN quotedVersion TEXT REFERENCES document_version (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE document_text (
  sha256 TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  pages INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  extractedAt TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE document_text_page (
  sha256 TEXT NOT NULL,
  page INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (sha256, page)
) STRICT;
`;
