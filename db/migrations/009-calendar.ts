// Calendars and contacts (issue 16): a meeting remembers the calendar event it came from (its UID, or
// `<UID>/<recurrence-id>` for one occurrence, the SEQUENCE and DTSTAMP last imported) and whether it was
// cancelled; a person has e-mail addresses and telephone numbers, by which invitations and cards find them.
export const sql = `
ALTER TABLE meeting ADD COLUMN status TEXT NOT NULL DEFAULT 'scheduled';
ALTER TABLE meeting ADD COLUMN calendarUid TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN calendarSequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meeting ADD COLUMN calendarStamp TEXT NOT NULL DEFAULT '';
CREATE INDEX meeting_by_calendar_uid ON meeting (calendarUid) WHERE calendarUid <> '';
ALTER TABLE person ADD COLUMN emails TEXT NOT NULL DEFAULT '[]';
ALTER TABLE person ADD COLUMN phones TEXT NOT NULL DEFAULT '[]';
`;
