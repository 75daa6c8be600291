// What each printed book contained, so a reissue can mark what changed since an earlier copy: every book's
// copy number in its meeting's history, its revision, and its printed contents (JSON: per section, per item,
// a stable key, a title and a hash of the printed text). Books printed before this have no contents ('').
export const sql = `
ALTER TABLE book ADD COLUMN copyNumber INTEGER NOT NULL DEFAULT 0;
ALTER TABLE book ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE book ADD COLUMN contents TEXT NOT NULL DEFAULT '';
UPDATE book SET copyNumber = CAST(json_extract(options, '$.copyNumber') AS INTEGER)
  WHERE json_extract(options, '$.copyNumber') IS NOT NULL;
CREATE INDEX book_meeting ON book (meetingId, id);
`;
