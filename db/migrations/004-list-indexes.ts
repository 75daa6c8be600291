// Indexes for the screens' paged lists and Home, holding alive records only (the lists' own condition), so
// a page and the count of a filtered list are read from the index: initiatives by title (also within a
// status or an area), meetings by start either way (undated last), open commitments by due date, and every
// listed kind by its latest change.
export const sql = `
CREATE INDEX initiative_by_title ON initiative (title COLLATE NOCASE, id) WHERE deleteCounter % 2 = 1;
CREATE INDEX initiative_by_status ON initiative (status, title COLLATE NOCASE, id) WHERE deleteCounter % 2 = 1;
CREATE INDEX initiative_by_area ON initiative (area, title COLLATE NOCASE, id) WHERE deleteCounter % 2 = 1;
CREATE INDEX meeting_oldest_first ON meeting (start = '', start, id) WHERE deleteCounter % 2 = 1;
CREATE INDEX meeting_newest_first ON meeting (start = '', start DESC, id DESC) WHERE deleteCounter % 2 = 1;
CREATE INDEX meeting_by_kind ON meeting (kind, start) WHERE deleteCounter % 2 = 1;
CREATE INDEX commitment_by_status ON commitment (status, dueDate = '', dueDate, id) WHERE deleteCounter % 2 = 1;
CREATE INDEX party_by_version ON party (version, id);
CREATE INDEX person_by_version ON person (version, id);
CREATE INDEX initiative_by_version ON initiative (version, id);
CREATE INDEX meeting_by_version ON meeting (version, id);
CREATE INDEX commitment_by_version ON commitment (version, id);
`;
