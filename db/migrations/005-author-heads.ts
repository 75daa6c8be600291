// Authorship that survives relays: for each other device whose changes this store holds, the latest head it
// signed over them (see electron/sync/authorship.ts), so this store can relay them with the author's proof.
export const sql = `
CREATE TABLE author_head (
  deviceId TEXT PRIMARY KEY,
  publicKey TEXT NOT NULL,
  name TEXT NOT NULL,
  changes INTEGER NOT NULL,
  digest TEXT NOT NULL,
  signedAt TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
`;
