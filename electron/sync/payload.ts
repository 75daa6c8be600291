// The payload's lines, read in batches as they inflate: bounded gunzip, strict UTF-8, the line-length
// limit, and every line strictly checked (decodeLine), so an importer can merge each batch as it comes.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ChangeSet } from '../../db/changes.js';
import { ValijaError } from '../../domain/errors.js';
import { LIMITS } from './format.js';
import { decodeLine } from './lines.js';

const NEWLINE = 0x0a;

/** Lines per batch. */
const BATCH_LINES = 256;

const tooLong = () => new ValijaError('E_TOO_LARGE', 'a package line is too long');

/** One line whose bytes were joined across chunks: checked like the others. */
function lineText(bytes: Buffer): string {
  if (bytes.length > LIMITS.lineBytes) throw tooLong();
  if (!isUtf8(bytes)) throw corrupt('the payload is not valid UTF-8');
  return bytes.toString('utf8');
}

const corrupt = (why: string) => new ValijaError('E_PACKAGE_CORRUPT', `not a valid Valija package: ${why}`);

/** Inflates and checks the payload, a batch of change sets per inflated chunk. */
export async function* changeSetBatches(
  payload: Uint8Array,
  expected: number,
  signal?: AbortSignal,
): AsyncGenerator<ChangeSet[]> {
  // The manifest (signed) bounds the inflated size: no line is longer than the line limit.
  const bound = Math.min(LIMITS.payloadInflatedBytes, expected * (LIMITS.lineBytes + 1));
  let inflated = 0;
  let rest: Buffer = Buffer.alloc(0);
  let count = 0;
  // Large output chunks: each chunk is a round trip to the thread pool.
  const gunzip = createGunzip({ chunkSize: 1024 * 1024 });
  try {
    for await (const chunk of Readable.from([payload]).pipe(gunzip) as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      inflated += chunk.length;
      if (inflated > bound)
        throw new ValijaError('E_TOO_LARGE', 'the package payload inflates beyond its limits');
      // Whole lines only (a newline byte is never inside a UTF-8 sequence); the rest waits for more.
      // Only a line cut by the chunk's start is copied, joined to its beginning.
      const texts: string[] = [];
      const first = chunk.indexOf(NEWLINE);
      if (first < 0) {
        rest = Buffer.concat([rest, chunk]);
        if (rest.length > LIMITS.lineBytes) throw tooLong();
        continue;
      }
      let start = 0;
      if (rest.length > 0) {
        const joined = Buffer.concat([rest, chunk.subarray(0, first)]);
        texts.push(lineText(joined));
        start = first + 1;
      }
      const end = chunk.lastIndexOf(NEWLINE) + 1;
      rest = chunk.subarray(end);
      if (rest.length > LIMITS.lineBytes) throw tooLong();
      if (!isUtf8(chunk.subarray(start, end))) throw corrupt('the payload is not valid UTF-8');
      // Each line decoded on its own: most are ASCII and become compact one-byte strings.
      while (start < end) {
        const stop = chunk.indexOf(NEWLINE, start);
        if (stop - start > LIMITS.lineBytes) throw tooLong();
        texts.push(chunk.toString('utf8', start, stop));
        start = stop + 1;
      }
      if (count + texts.length > expected) throw corrupt('more changes than the manifest counts');
      // Small batches: what is parsed is merged and dropped while still young (cheap to collect).
      for (let start = 0; start < texts.length; start += BATCH_LINES) {
        yield texts.slice(start, start + BATCH_LINES).map((line) => decodeLine(line, ++count));
      }
    }
  } catch (error) {
    if (error instanceof ValijaError || (error as Error).name === 'AbortError') throw error;
    throw corrupt('the payload is not valid gzip');
  } finally {
    // Also when the reader stops early (a refusal while merging): no inflater left running.
    gunzip.destroy();
  }
  if (rest.length > 0) throw corrupt('the payload does not end with a complete line');
}
