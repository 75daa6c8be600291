// Reading a payload's lines across the inflater's 1 MiB chunks: a line (and a character) cut by a chunk's
// edge is joined whole; broken UTF-8 or an over-long line there is refused like anywhere else.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../db/changes.js';
import { LIMITS } from '../../../electron/sync/format.js';
import { changeSetBatches } from '../../../electron/sync/payload.js';

const CHUNK = 1024 * 1024;

const line = (i: number, profile: string) =>
  `["party","0195a000-0000-7000-8000-${String(i).padStart(12, '0')}","000000000000001-000000","abc",{"name":"País ${i}","profile":"${profile}"}]`;

/** Lines of about 1 KB whose bytes put an "é" across the first chunk's edge (its first byte last). */
function linesAcrossTheEdge(): string[] {
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < CHUNK - 4096; i++) {
    lines.push(line(i, 'a'.repeat(1000)));
    bytes += Buffer.byteLength(lines.at(-1)!) + 1;
  }
  const i = lines.length;
  const head = Buffer.byteLength(line(i, '')) - 3; // where the profile's text starts in the line
  const pad = CHUNK - bytes - head - 1;
  lines.push(line(i, 'a'.repeat(pad) + 'é' + 'b'.repeat(100)));
  lines.push(line(i + 1, 'c'.repeat(100)));
  return lines;
}

async function read(payload: Buffer, expected: number): Promise<ChangeSet[]> {
  const sets: ChangeSet[] = [];
  for await (const batch of changeSetBatches(payload, expected)) sets.push(...batch);
  return sets;
}

describe('payload lines across chunk edges', () => {
  it('a character cut by the edge is read whole', async () => {
    const lines = linesAcrossTheEdge();
    const text = lines.join('\n') + '\n';
    const edge = Buffer.from(text);
    expect(edge[CHUNK - 1]).toBe(0xc3); // the first byte of "é" ends the first chunk
    const sets = await read(gzipSync(text), lines.length);
    expect(sets).toHaveLength(lines.length);
    expect(sets.at(-2)!.fields.profile).toMatch(/aé(b){100}$/);
    expect(sets.at(-2)!.fieldsText).toBe(JSON.stringify(sets.at(-2)!.fields));
  });

  it('broken UTF-8 at the edge, or a line longer than the limit across chunks, is refused', async () => {
    const lines = linesAcrossTheEdge();
    const bytes = Buffer.from(lines.join('\n') + '\n');
    bytes[CHUNK] = 0x41; // "é" loses its second byte
    await expect(read(gzipSync(bytes), lines.length)).rejects.toMatchObject({ code: 'E_PACKAGE_CORRUPT' });
    const long = line(0, 'x'.repeat(LIMITS.lineBytes + 10));
    await expect(read(gzipSync(long + '\n'), 1)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    await expect(read(gzipSync(line(0, 'x') + '\n' + line(1, 'y')), 2)).rejects.toMatchObject({
      code: 'E_PACKAGE_CORRUPT',
    });
  });
});
