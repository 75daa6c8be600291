// What sync needs to remember: the signers this device trusts and the packages it has imported.
export const sql = `
CREATE TABLE trusted_key (
  publicKey TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  trustedAt TEXT NOT NULL
) STRICT;

CREATE TABLE imported_package (
  packageId TEXT PRIMARY KEY,
  exporterDevice TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  importedAt TEXT NOT NULL,
  changes INTEGER NOT NULL,
  report TEXT NOT NULL DEFAULT '{}'
) STRICT;
`;
