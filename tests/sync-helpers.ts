// Building packages by hand for tests: any lines, any manifest, signed by any key.
import { createCipheriv, createHash, generateKeyPairSync, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { canonicalJson } from '../db/canonical.js';
import { expect } from 'vitest';
import { importedPackages } from '../db/ledger.js';
import { sharedState } from '../db/reader.js';
import { applyImport, previewImport, type ImportOptions } from '../electron/sync/importer.js';
import { openStore, type Store } from '../db/store.js';
import { encodePackage } from '../electron/sync/encode.js';
import { encrypt, signBytes } from '../electron/sync/crypto.js';
import { FLAG_ENCRYPTED, FORMAT_VERSION, HEADER_LENGTH, MAGIC } from '../electron/sync/format.js';
import { packageIdOf, type Manifest } from '../electron/sync/manifest.js';
import { AuthorDigests, lineOf, signHead } from '../electron/sync/authorship.js';
import type { KindName } from '../domain/kinds.js';
import type { AuthorHead } from '../db/authors.js';
import { deviceIdOf } from '../db/device.js';

/** A store's shared state as canonical JSON: two stores with equal dumps hold the same. */
export const dump = (store: Store) => canonicalJson(sharedState(store.db));

const changeCount = (store: Store) =>
  store.db.prepare('SELECT count(*) FROM change_set').pluck().get() as number;

/**
 * Preview and apply both refuse the package with this code (and, when given, a message like this), and the
 * store's records, its log and its ledger stay as they were.
 */
export async function expectRefused(
  to: Store,
  bytes: Buffer,
  code: string,
  { message, ...options }: ImportOptions & { message?: RegExp } = {},
): Promise<void> {
  const state = () => [dump(to), changeCount(to), JSON.stringify(importedPackages(to.db))];
  const before = state();
  await expect(previewImport(to, bytes, { trust: true, ...options })).rejects.toMatchObject({ code });
  const error = await applyImport(to, bytes, { trust: true, ...options }).then(
    () => undefined,
    (e: unknown) => e as Error & { code: string },
  );
  expect(error?.code).toBe(code);
  if (message) expect(error?.message).toMatch(message);
  expect(state()).toEqual(before);
}

/** A package of everything the store shares, encrypted when a passphrase is given. */
export function pkg(from: Store, passphrase?: string): Buffer {
  return encodePackage(from, { passphrase }).bytes;
}

export interface Signer {
  publicKey: string;
  privateKey: string;
}

export function newSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

export function signerOf(store: Store): Signer {
  const { privateKey } = store.db.prepare('SELECT privateKey FROM device').get() as { privateKey: string };
  return { publicKey: store.device.publicKey, privateKey };
}

/** Splits a plain package into its parts. */
export function parsePlain(bytes: Buffer): {
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: Buffer;
  payload: Buffer;
} {
  const body = bytes.subarray(MAGIC.length + 2);
  const length = body.readUInt32BE(0);
  const manifestBytes = body.subarray(4, 4 + length);
  const signature = body.subarray(4 + length + 2, 4 + length + 2 + 64);
  return {
    manifest: JSON.parse(manifestBytes.toString('utf8')) as Manifest,
    manifestBytes,
    signature,
    payload: body.subarray(4 + length + 2 + 64),
  };
}

/** Assembles a package from a manifest and payload, signing the manifest as given. */
export function assemble(
  manifest: Manifest,
  payload: Buffer,
  signer: Signer,
  options: { passphrase?: string; version?: number } = {},
): Buffer {
  const manifestBytes = Buffer.from(canonicalJson(manifest, 0), 'utf8');
  const signature = signBytes(signer.privateKey, manifestBytes);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifestBytes.length);
  const sigLength = Buffer.alloc(2);
  sigLength.writeUInt16BE(signature.length);
  const body = Buffer.concat([length, manifestBytes, sigLength, signature, payload]);
  const encrypted = options.passphrase !== undefined;
  return Buffer.concat([
    MAGIC,
    Buffer.from([options.version ?? FORMAT_VERSION, encrypted ? FLAG_ENCRYPTED : 0]),
    encrypted ? encrypt(body, options.passphrase!) : body,
  ]);
}

/**
 * Re-signs a package whose payload lines (or manifest) were changed: the hash, counts and package id are made
 * to match, the exporter becomes the signer's device, and the heads of the signer's device (and of `authors`,
 * keys whose devices' heads may be re-signed) are signed again over their lines — so only the deeper checks
 * can refuse it. Other authors' heads stay as they were: changing their lines is caught by their digests.
 */
export function rebuild(
  original: Buffer,
  signer: Signer,
  edit: {
    lines?: (lines: string[]) => string[];
    manifest?: (m: Manifest) => void;
    rawPayload?: Buffer;
    authors?: Signer[];
  } = {},
): Buffer {
  const { manifest, payload } = parsePlain(original);
  let newPayload = payload;
  if (edit.rawPayload) newPayload = edit.rawPayload;
  else if (edit.lines) {
    const lines = edit.lines(gunzipLines(payload));
    newPayload = gzipSync(lines.length ? lines.join('\n') + '\n' : '');
    manifest.counts.changes = lines.length;
    manifest.authors = resignedHeads(manifest.authors, lines, [signer, ...(edit.authors ?? [])]);
  }
  manifest.payload.length = newPayload.length;
  manifest.payload.sha256 = createHash('sha256').update(newPayload).digest('hex');
  manifest.exporter.publicKey = signer.publicKey;
  manifest.exporter.deviceId = deviceIdOf(signer.publicKey);
  const id = manifest.packageId;
  edit.manifest?.(manifest);
  if (manifest.packageId === id) manifest.packageId = packageIdOf(manifest);
  return assemble(manifest, newPayload, signer);
}

/** The heads for these lines: those of the given keys' devices signed anew, the others kept as they were. */
function resignedHeads(heads: AuthorHead[], lines: string[], signers: Signer[]): AuthorHead[] {
  const digests = new AuthorDigests();
  for (const line of lines) {
    // As an importer reads it: the fields as the log will keep them (spacing in a line is not signed).
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // a broken line: refused before any digest is compared
    }
    if (!Array.isArray(parsed) || typeof parsed[3] !== 'string') continue;
    const [kind, row, hlc, device, fields] = parsed as [KindName, string, string, string, object];
    digests.add(device, lineOf({ kind, row, hlc, device, fields: fields as Record<string, unknown> }));
  }
  const found = digests.finish();
  const byDevice = new Map(heads.map((head) => [head.deviceId, head]));
  for (const key of signers) {
    const deviceId = deviceIdOf(key.publicKey);
    const digest = found.get(deviceId);
    if (!digest) continue;
    const held = byDevice.get(deviceId);
    byDevice.set(
      deviceId,
      signHead(key.privateKey, {
        deviceId,
        publicKey: key.publicKey,
        name: held?.name ?? 'Test signer',
        signedAt: held?.signedAt ?? new Date().toISOString(),
        ...digest,
      }),
    );
  }
  return [...byDevice.values()]
    .filter(
      (head) => found.has(head.deviceId) || !signers.some((k) => deviceIdOf(k.publicKey) === head.deviceId),
    )
    .sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1));
}

export function gunzipLines(payload: Buffer): string[] {
  const text = gunzipSync(payload).toString('utf8');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** An in-memory store with a controllable clock. */
export function memoryStore(clock: { now: number }): Store {
  return openStore(':memory:', { create: true, now: () => clock.now });
}

/**
 * Seals a plain package with the scrypt cost given — as the first format did (N = 2^15), or cheaper still so
 * tests that open many sealed packages do not spend seconds on each key.
 */
export function sealAs(plain: Buffer, passphrase: string, [log2N, r, p]: [number, number, number]): Buffer {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, {
    N: 2 ** log2N,
    r,
    p,
    maxmem: 256 * 2 ** log2N * r + 2 ** 20,
  });
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain.subarray(HEADER_LENGTH)), cipher.final()]);
  return Buffer.concat([
    MAGIC,
    Buffer.from([plain[MAGIC.length]!, FLAG_ENCRYPTED, log2N, r, p]),
    salt,
    nonce,
    body,
    cipher.getAuthTag(),
  ]);
}
