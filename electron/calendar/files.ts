// Reading a calendar or contacts file a user names: its size checked before a byte is read, its text
// UTF-8 (a file in another encoding is refused, not guessed at).
import { readFileSync, statSync } from 'node:fs';
import { ValijaError, invalid } from '../../domain/errors.js';

export function readTextFile(file: string, maxBytes: number, what: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new ValijaError('E_IO', `cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > maxBytes) {
    throw new ValijaError(
      'E_TOO_LARGE',
      `${file} has ${size} bytes; a ${what} may have at most ${maxBytes / 2 ** 20} MiB`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ValijaError('E_IO', `cannot read ${file}: ${(error as Error).message}`);
  }
  if (bytes.length > maxBytes)
    throw new ValijaError('E_TOO_LARGE', `${file} grew past ${maxBytes} bytes while read`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(`${file} is not UTF-8 text: save the ${what} as UTF-8 and import it again`);
  }
}
