// The page `npm start` opens in the browser: a private file that forwards to the bridge's address. Handing the
// browser the address itself would put its secret token on the browser's command line, which every user of
// the computer can read (`ps`); a file's path carries no secret, and only this user can read the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes the launcher for `url` into a fresh folder of its own (0700, made by mkdtemp) as a 0600 file whose name
 * says nothing of the token; `remove` deletes the folder.
 */
export function writeLauncher(url, parent = tmpdir()) {
  const dir = mkdtempSync(join(parent, 'valija-start-'));
  const file = join(dir, 'open-valija.html');
  // JSON is a JavaScript string literal; `<` escaped so that nothing in it can close the script element.
  const literal = JSON.stringify(url).replace(/</g, '\\u003c');
  const html =
    '<!doctype html>\n<meta charset="utf-8">\n<title>Valija</title>\n' +
    `<script>location.replace(${literal});</script>\n` +
    '<p>Opening Valija… (this page needs JavaScript; else open the address `npm start` printed)</p>\n';
  writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
