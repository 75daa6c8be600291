// The payload's lines, read in batches as they inflate: bounded gunzip, strict UTF-8, the line-length
// limit, and every line strictly checked (decodeLine), so an importer can merge each batch as it comes.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ChangeSet } from '../../db/changes.js';
import { ValijaError } from '../../db/errors.js';
import { LIMITS } from './format.js';
import { decodeLine } from './lines.js';

const NEWLINE = 0x0a;

/** Lines per batch. */
const BATCH_LINES = 256;

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
      const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      const end = bytes.lastIndexOf(NEWLINE) + 1;
      rest = bytes.subarray(end);
      if (rest.length > LIMITS.lineBytes) throw new ValijaError('E_TOO_LARGE', 'a package line is too long');
      const lines = bytes.subarray(0, end);
      if (!isUtf8(lines)) throw corrupt('the payload is not valid UTF-8');
      // Each line decoded on its own: most are ASCII and become compact one-byte strings.
      const texts: string[] = [];
      for (let start = 0; start < end;) {
        const stop = lines.indexOf(NEWLINE, start);
        if (stop - start > LIMITS.lineBytes)
          throw new ValijaError('E_TOO_LARGE', 'a package line is too long');
        texts.push(lines.toString('utf8', start, stop));
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
