// The first schema: this device, the records, their change log, the full-text index and book history.
// Column names are the API's field names, so rows map to records without a translation table.
// Every record row carries `deleteCounter` (odd = alive, even = deleted) and `version` (its latest clock).
// Every reference column is indexed: with deferred foreign keys, inserting a parent row otherwise scans
// each table that may refer to it.
export const sql = `
CREATE TABLE device (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  deviceId TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  clock TEXT NOT NULL,
  publicKey TEXT NOT NULL,
  privateKey TEXT NOT NULL,
  createdAt TEXT NOT NULL
) STRICT;

CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- One row per field change: the store's history and what packages carry.
CREATE TABLE change (
  kind TEXT NOT NULL,
  row TEXT NOT NULL,
  field TEXT NOT NULL,
  hlc TEXT NOT NULL,
  device TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (kind, row, field, hlc, device)
) STRICT, WITHOUT ROWID;

CREATE TABLE party (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'country',
  isoCode TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  profile TEXT NOT NULL DEFAULT '',
  relationship TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE person (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  partyId TEXT REFERENCES party (id) DEFERRABLE INITIALLY DEFERRED,
  biography TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '[]',
  protocolNotes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX person_by_party ON person (partyId);

CREATE TABLE initiative (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT 'other',
  status TEXT NOT NULL DEFAULT 'proposed',
  priority TEXT NOT NULL DEFAULT 'medium',
  startDate TEXT NOT NULL DEFAULT '',
  endDate TEXT NOT NULL DEFAULT '',
  leadUnit TEXT NOT NULL DEFAULT '',
  partyIds TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  classification TEXT NOT NULL DEFAULT 'restricted'
) STRICT;

CREATE TABLE meeting (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'bilateral',
  start TEXT NOT NULL DEFAULT '',
  "end" TEXT NOT NULL DEFAULT '',
  timeZone TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  partyIds TEXT NOT NULL DEFAULT '[]',
  purpose TEXT NOT NULL DEFAULT '',
  objectives TEXT NOT NULL DEFAULT '',
  theirObjectives TEXT NOT NULL DEFAULT '[]',
  background TEXT NOT NULL DEFAULT '',
  logistics TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  initiativeIds TEXT NOT NULL DEFAULT '[]',
  classification TEXT NOT NULL DEFAULT 'restricted'
) STRICT;
CREATE INDEX meeting_by_start ON meeting (start);

CREATE TABLE agenda_item (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  meetingId TEXT REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  title TEXT NOT NULL DEFAULT '',
  time TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  position REAL NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX agenda_item_by_meeting ON agenda_item (meetingId, position);

CREATE TABLE talking_point (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  meetingId TEXT REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  agendaItemId TEXT REFERENCES agenda_item (id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL DEFAULT 'certain',
  text TEXT NOT NULL DEFAULT '',
  position REAL NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX talking_point_by_meeting ON talking_point (meetingId, position);
CREATE INDEX talking_point_by_agenda_item ON talking_point (agendaItemId);

CREATE TABLE participant (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  meetingId TEXT REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  side TEXT NOT NULL DEFAULT 'ours',
  personId TEXT REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  position REAL NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX participant_by_meeting ON participant (meetingId, position);
CREATE INDEX participant_by_person ON participant (personId);

CREATE TABLE commitment (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  owingPartyId TEXT REFERENCES party (id) DEFERRABLE INITIALLY DEFERRED,
  meetingId TEXT REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
  initiativeId TEXT REFERENCES initiative (id) DEFERRABLE INITIALLY DEFERRED,
  dueDate TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open'
) STRICT;
CREATE INDEX commitment_by_meeting ON commitment (meetingId);
CREATE INDEX commitment_by_party ON commitment (owingPartyId);
CREATE INDEX commitment_by_initiative ON commitment (initiativeId);

CREATE TABLE annotation (
  id TEXT PRIMARY KEY,
  deleteCounter INTEGER NOT NULL DEFAULT 1,
  version TEXT NOT NULL DEFAULT '',
  targetKind TEXT NOT NULL DEFAULT '',
  targetId TEXT NOT NULL DEFAULT '',
  targetField TEXT NOT NULL DEFAULT '',
  visibility TEXT NOT NULL DEFAULT 'shared',
  body TEXT NOT NULL DEFAULT '',
  supersedes TEXT REFERENCES annotation (id) DEFERRABLE INITIALLY DEFERRED,
  author TEXT NOT NULL DEFAULT '',
  authorDevice TEXT NOT NULL DEFAULT '',
  createdAt TEXT NOT NULL DEFAULT '',
  targetVersion TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX annotation_by_target ON annotation (targetKind, targetId);
CREATE INDEX annotation_by_supersedes ON annotation (supersedes);

-- Accent- and case-folded full-text index over what a user searches; one document per main record.
-- search_doc maps a record to its document's rowid, so a record's document is replaced without a scan.
CREATE TABLE search_doc (
  docid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  UNIQUE (kind, id)
) STRICT;
CREATE VIRTUAL TABLE search_index USING fts5 (
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Books this device printed (device-local history, never exported).
CREATE TABLE book (
  id TEXT PRIMARY KEY,
  meetingId TEXT NOT NULL,
  options TEXT NOT NULL,
  generatedAt TEXT NOT NULL,
  pages INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  copyFor TEXT NOT NULL DEFAULT '',
  file TEXT NOT NULL DEFAULT ''
) STRICT;
`;
