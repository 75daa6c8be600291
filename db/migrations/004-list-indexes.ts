// Indexes for the screens' paged lists and Home: initiatives by title (and within a status or an area),
// meetings within a kind, open commitments by due date, and every listed kind by its latest change.
export const sql = `
CREATE INDEX initiative_by_title ON initiative (title COLLATE NOCASE, id);
CREATE INDEX initiative_by_status ON initiative (status, title COLLATE NOCASE, id);
CREATE INDEX initiative_by_area ON initiative (area, title COLLATE NOCASE, id);
CREATE INDEX meeting_by_kind ON meeting (kind, start);
CREATE INDEX commitment_by_status ON commitment (status, dueDate);
CREATE INDEX party_by_version ON party (version, id);
CREATE INDEX person_by_version ON person (version, id);
CREATE INDEX initiative_by_version ON initiative (version, id);
CREATE INDEX meeting_by_version ON meeting (version, id);
CREATE INDEX commitment_by_version ON commitment (version, id);
`;
