// One log row per write instead of one per field: a write's fields under its (hlc, device) kept together
// as a JSON object. Values are still decided field by field (see changes.ts); a large store's log and its
// packages shrink about ninefold. The old per-field rows are regrouped by the write they came from.
export const sql = `
CREATE TABLE change_set (
  kind TEXT NOT NULL,
  row TEXT NOT NULL,
  hlc TEXT NOT NULL,
  device TEXT NOT NULL,
  fields TEXT NOT NULL CHECK (json_type(fields) = 'object'),
  PRIMARY KEY (kind, row, hlc, device)
) STRICT, WITHOUT ROWID;

INSERT INTO change_set (kind, row, hlc, device, fields)
  SELECT kind, row, hlc, device, json_group_object(field, json(value))
  FROM change
  GROUP BY kind, row, hlc, device;

DROP TABLE change;
`;
