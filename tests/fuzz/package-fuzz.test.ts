// Fuzzing package import: thousands of damaged packages made from real ones. Every one must be refused
// with a stable code, with no uncaught exception and nothing written to the store, and none is inflated
// far: a decompression bomb is cut off by the limits, which the bytes the gunzip produced show (how long
// a refusal takes is the benchmark's business, not a test's).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as Zlib from 'node:zlib';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { isValijaError } from '../../domain/errors.js';
import { putRecords } from '../../db/writer.js';
import { loadDemo } from '../../electron/demo.js';
import { encodePackage } from '../../electron/sync/encode.js';
import { FORMAT_VERSION, LIMITS } from '../../electron/sync/format.js';
import { applyImport, previewImport } from '../../electron/sync/importer.js';
import { trustKey } from '../../db/trust.js';
import { deviceIdOf } from '../../db/device.js';
import { tempStore } from '../helpers.js';
import {
  newSigner,
  parsePlain,
  rebuild,
  sealAs,
  signerOf,
  gunzipLines,
  type Signer,
} from '../sync-helpers.js';

/** Bytes the import's gunzip streams have produced since last reset. */
const inflation = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof Zlib>();
  const createGunzip: typeof zlib.createGunzip = (options) => {
    const gunzip = zlib.createGunzip(options);
    const push = gunzip.push.bind(gunzip);
    gunzip.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
      if (chunk) inflation.bytes += chunk.length;
      return push(chunk, encoding);
    };
    return gunzip;
  };
  return { ...zlib, createGunzip, default: { ...zlib, createGunzip } };
});

/** The import's gunzip output chunk (payload.ts): a refusal may come a chunk or two after a limit is passed. */
const INFLATE_CHUNK = 1024 * 1024;

const REFUSALS = new Set([
  'E_PACKAGE_CORRUPT',
  'E_SIGNATURE',
  'E_UNTRUSTED_SIGNER',
  'E_DECRYPT',
  'E_SCHEMA_TOO_NEW',
  'E_CLOCK_SKEW',
  'E_TOO_LARGE',
]);

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its index. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Mutation {
  name: string;
  bytes: Buffer;
  passphrase?: string;
}

function mutations(plain: Buffer, sealed: Buffer, signer: Signer, seed: number): Mutation[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const out: Mutation[] = [];
  const { manifestBytes, payload } = parsePlain(plain);
  const manifestStart = 10 + 4;
  const signatureStart = manifestStart + manifestBytes.length + 2;
  const payloadStart = signatureStart + 64;
  const lines = gunzipLines(payload);

  for (let i = 0; i < 1400; i++) {
    const bytes = Buffer.from(plain);
    const flips = 1 + int(4);
    for (let f = 0; f < flips; f++) bytes[int(bytes.length)]! ^= 1 << int(8);
    out.push({ name: `bit flips #${i}`, bytes });
  }
  for (let i = 0; i < 40; i++) {
    const bytes = Buffer.from(sealed);
    bytes[int(bytes.length)]! ^= 1 << int(8);
    out.push({ name: `encrypted bit flip #${i}`, bytes, passphrase: 'clave' });
  }
  const boundaries = [
    0,
    1,
    8,
    9,
    10,
    manifestStart - 1,
    manifestStart,
    signatureStart - 2,
    signatureStart,
    payloadStart,
    plain.length - 1,
  ];
  for (const at of boundaries) {
    for (const d of [-1, 0, 1]) {
      const length = Math.max(0, at + d);
      if (length < plain.length)
        out.push({ name: `truncated at ${length}`, bytes: plain.subarray(0, length) });
    }
  }
  for (let i = 0; i < 100; i++)
    out.push({ name: `truncated randomly #${i}`, bytes: plain.subarray(0, int(plain.length)) });
  for (let i = 0; i < 100; i++) {
    const extra = Buffer.alloc(1 + int(100));
    for (let b = 0; b < extra.length; b++) extra[b] = int(256);
    out.push({ name: `appended bytes #${i}`, bytes: Buffer.concat([plain, extra]) });
  }
  out.push({
    name: 'manifest and payload swapped',
    bytes: Buffer.concat([
      plain.subarray(0, manifestStart - 4),
      u32(payload.length),
      payload,
      plain.subarray(signatureStart - 2, payloadStart),
      manifestBytes,
    ]),
  });
  out.push({
    name: 'signature before manifest',
    bytes: Buffer.concat([
      plain.subarray(0, manifestStart - 4),
      plain.subarray(signatureStart - 2),
      plain.subarray(manifestStart - 4, signatureStart - 2),
    ]),
  });
  for (let i = 0; i < 30; i++) {
    out.push({
      name: `re-signed by an unknown key #${i}`,
      bytes: rebuild(plain, newSigner(), { lines: (l) => l.slice(0, 1 + int(l.length)) }),
    });
  }
  // Lines are `[kind, row, hlc, device, {field: value, …}]`.
  const invalidLine = [
    (l: string) => l.replace(/^\["\w+"/, '["embassy"'),
    (l: string) => l.replace(/^(\["\w+",)"[^"]+"/, '$1"not-a-uuid"'),
    (l: string) => l.replace(/,\{/, ',{"colour":"blue",'),
    (l: string) => l.replace(/"\d{15}-\d{6}"/, '"yesterday"'),
    (l: string) => l.replace(/"\d{15}-\d{6}"/, '"253402300799000-000000"'),
    (l: string) => l.replace(/\{.*\}\]$/, '"{not json"]'),
    (l: string) => l.replace(/\]$/, ',"extra"]'),
    (l: string) => l.slice(0, Math.floor(l.length / 2)),
    (l: string) => l.replace(/("\w+":)"(?:[^"\\]|\\.)*"/, '$1"\\ud800"'),
    (l: string) => `{"line":${JSON.stringify(l)}}`,
    (l: string) => l.replace(/\{.*\}\]$/, '{}]'),
    (l: string) => l.replace(/"deleteCounter":\d+/, '"deleteCounter":0'),
  ];
  for (let i = 0; i < 300; i++) {
    const edit = invalidLine[i % invalidLine.length]!;
    const at = int(lines.length);
    const bytes = rebuild(plain, signer, {
      // An edit that happens not to apply to the chosen line still leaves it invalid.
      lines: (l) => l.map((line, k) => (k === at ? (edit(line) === line ? `${line}!` : edit(line)) : line)),
      manifest: (m) => {
        if (i % invalidLine.length === 4)
          m.hlcRange = { min: m.hlcRange!.min, max: '253402300799000-000000' };
      },
    });
    out.push({ name: `invalid record (${i % invalidLine.length}) #${i}`, bytes });
  }
  for (let i = 0; i < 50; i++) {
    out.push({
      name: `a duplicated line the manifest does not count #${i}`,
      bytes: rebuild(plain, signer, {
        lines: (l) => [...l, l[int(l.length)]!],
        manifest: (m) => void (m.counts.changes -= 1),
      }),
    });
    out.push({
      name: `a missing line #${i}`,
      bytes: rebuild(plain, signer, {
        lines: (l) => l.filter((_, k) => k !== i),
        manifest: (m) => void (m.counts.changes += 1),
      }),
    });
  }
  for (let i = 0; i < 20; i++) {
    out.push({
      name: `a line repeated, and counted #${i}`,
      bytes: rebuild(plain, signer, { lines: (l) => [...l, l[int(l.length)]!] }),
    });
  }
  // Authorship: every author's signed head, and the lines each covers. The exporter re-signs its package (and
  // its own head) around each change, so only the heads and digests can refuse it.
  const heads = parsePlain(plain).manifest.authors;
  const headEdits: [string, (h: Record<string, unknown>) => void][] = [
    ['count', (h) => void (h.changes = (h.changes as number) + 1)],
    ['digest', (h) => void (h.digest = (h.digest as string).replace(/^./, (c) => (c === '0' ? '1' : '0')))],
    ['name', (h) => void (h.name = `${h.name as string} (bis)`)],
    ['signedAt', (h) => void (h.signedAt = '2030-01-01T00:00:00.000Z')],
    ['key', (h) => void (h.publicKey = newSigner().publicKey)],
    ['signature', (h) => void (h.signature = heads.find((o) => o.signature !== h.signature)!.signature)],
  ];
  for (let i = 0; i < 60; i++) {
    const [what, edit] = headEdits[i % headEdits.length]!;
    const at = int(heads.length);
    out.push({
      name: `an author's head with another ${what} #${i}`,
      bytes: rebuild(plain, signer, {
        manifest: (m) => edit(m.authors[at] as unknown as Record<string, unknown>),
      }),
    });
  }
  for (let i = 0; i < heads.length; i++) {
    out.push({
      name: `an author's head left out #${i}`,
      bytes: rebuild(plain, signer, { manifest: (m) => void m.authors.splice(i, 1) }),
    });
    out.push({
      name: `an author's head twice #${i}`,
      bytes: rebuild(plain, signer, { manifest: (m) => void m.authors.splice(i, 0, m.authors[i]!) }),
    });
  }
  const others = lines.flatMap((line, k) =>
    JSON.parse(line)[3] !== deviceIdOf(signer.publicKey) ? [k] : [],
  );
  for (let i = 0; i < 60; i++) {
    const at = others[int(others.length)]!;
    const relabel = i % 3 === 0;
    out.push({
      name: relabel
        ? `another author's line under the exporter's device #${i}`
        : `another author's line altered #${i}`,
      bytes: rebuild(plain, signer, {
        lines: (l) =>
          l.map((line, k) => {
            if (k !== at) return line;
            const parsed = JSON.parse(line) as [string, string, string, string, Record<string, unknown>];
            if (relabel) parsed[3] = deviceIdOf(signer.publicKey);
            else parsed[4] = { ...parsed[4], deleteCounter: 3 };
            return JSON.stringify(parsed);
          }),
      }),
    });
  }
  for (let i = 0; i < 30; i++) {
    const at = others[int(others.length)]!;
    out.push({
      name: `another author's line left out, and counted #${i}`,
      bytes: rebuild(plain, signer, { lines: (l) => l.filter((_, k) => k !== at) }),
    });
  }
  const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x61), { level: 9 });
  out.push({ name: 'decompression bomb', bytes: rebuild(plain, signer, { rawPayload: bomb }) });
  out.push({
    name: 'decompression bomb claiming many changes',
    bytes: rebuild(plain, signer, { rawPayload: bomb, manifest: (m) => void (m.counts.changes = 5_000_000) }),
  });
  const longLine = gzipSync(
    Buffer.concat([Buffer.from('["party","'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('"]\n')]),
  );
  out.push({
    name: 'a 50 MB line',
    bytes: rebuild(plain, signer, {
      rawPayload: longLine,
      manifest: (m) => void (m.counts.changes = lines.length),
    }),
  });
  const newerFormat = Buffer.from(plain);
  newerFormat[8] = FORMAT_VERSION + 1;
  out.push({ name: 'a newer format version', bytes: newerFormat });
  out.push({
    name: 'a package for a newer reader',
    bytes: rebuild(plain, signer, { manifest: (m) => void (m.minReaderVersion = 99) }),
  });
  out.push({
    name: 'not gzip',
    bytes: rebuild(plain, signer, { rawPayload: Buffer.from('plain text, not gzip\n') }),
  });
  out.push({
    name: 'clocks in the year 9999',
    bytes: rebuild(plain, signer, {
      lines: (l) => l.map((x) => x.replace(/"\d{15}-\d{6}"/, '"253402300799000-000000"')),
      manifest: (m) => void (m.hlcRange = { min: '253402300799000-000000', max: '253402300799000-000000' }),
    }),
  });
  out.push({
    name: 'manifest length beyond the file',
    bytes: Buffer.concat([plain.subarray(0, 10), u32(0xffffffff), plain.subarray(14)]),
  });
  return out;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

describe('damaged packages', () => {
  // A guard against a hang, not a claim about speed.
  it(
    'at least 2,000 mutations of real packages are all refused with a code and change nothing',
    { timeout: 180_000 },
    async () => {
      const exporter = tempStore();
      loadDemo(exporter.db);
      putRecords(exporter.writer, 'meeting', { title: 'Reunión — ¿añadida?', place: 'Cancillería' });
      const plain = encodePackage(exporter).bytes;
      // Sealed at a cheap scrypt cost (still within what a reader accepts): each sealed mutation derives a
      // key, and what is fuzzed here is the envelope, not scrypt.
      const sealed = sealAs(plain, 'clave', [12, 8, 1]);

      const target = tempStore();
      putRecords(target.writer, 'party', { name: 'Perú' });
      trustKey(target.db, exporter.device.publicKey, 'exporter');
      target.db.pragma('wal_checkpoint(TRUNCATE)');
      const fileHash = () => createHash('sha256').update(readFileSync(target.file)).digest('hex');
      const before = fileHash();
      const totalChanges = () => (target.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const writes = totalChanges();

      const cases = mutations(plain, sealed, signerOf(exporter), 20261127);
      expect(cases.length).toBeGreaterThanOrEqual(2000);
      const failures: string[] = [];
      const codes = new Map<string, number>();
      const codeOf = new Map<string, string>();
      let mostInflated = { bytes: 0, name: '' };
      for (const [index, mutation] of cases.entries()) {
        for (const step of [previewImport, applyImport]) {
          inflation.bytes = 0;
          try {
            await step(target, mutation.bytes, { passphrase: mutation.passphrase });
            failures.push(`#${index} ${mutation.name}: accepted by ${step.name}`);
          } catch (error) {
            if (!isValijaError(error) || !REFUSALS.has(error.code)) {
              failures.push(`#${index} ${mutation.name}: ${step.name} threw ${String(error)}`);
            } else {
              codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
              codeOf.set(`${step.name} ${mutation.name}`, error.code);
            }
          }
          if (inflation.bytes > mostInflated.bytes)
            mostInflated = { bytes: inflation.bytes, name: `${step.name} ${mutation.name}` };
          if (totalChanges() !== writes) failures.push(`#${index} ${mutation.name}: wrote to the store`);
        }
      }
      expect(failures).toEqual([]);
      // The bombs (256 MiB of one line) and the 50 MB line are refused as too large, having inflated no more
      // than the line limit and a chunk or two: the limits cut them off early, not after inflating them whole.
      for (const step of ['previewImport', 'applyImport'])
        for (const name of ['decompression bomb', 'decompression bomb claiming many changes', 'a 50 MB line'])
          expect(codeOf.get(`${step} ${name}`), `${step} ${name}`).toBe('E_TOO_LARGE');
      // A changed head, or another author's line changed or moved, is caught by the authors' proofs themselves.
      const authorship = [...codeOf].filter(([name]) =>
        /an author's head (with another|left out)|another author's line (altered|under)/.test(name),
      );
      expect(authorship.length).toBeGreaterThanOrEqual(2 * 100);
      expect(authorship.filter(([, code]) => code !== 'E_SIGNATURE')).toEqual([]);
      expect(mostInflated.bytes, mostInflated.name).toBeLessThanOrEqual(LIMITS.lineBytes + 2 * INFLATE_CHUNK);
      expect(mostInflated.bytes, 'a bomb was inflated at all (the count sees the gunzip)').toBeGreaterThan(
        LIMITS.lineBytes,
      );
      target.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(fileHash()).toBe(before);
      // Every kind of refusal was exercised.
      expect([...codes.keys()].sort()).toEqual([...REFUSALS].sort());
    },
  );
});
