// Authorship that survives relays. Each device signs a head over the change sets it wrote — how many, and a
// sha256 over them as package lines in the log's order — and every package carries, for each device whose
// sets it holds, that device's latest head. An importer checks each head against the key its device id is
// derived from, then recomputes every author's digest over the lines: a relay can deliver a colleague's sets
// but cannot forge, alter or leave out a single one unnoticed. A device's shared sets only grow (a shared note
// never turns private), so a later head covers everything an earlier one did.
import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';
import type { AuthorHead } from '../../db/authors.js';
import { canonicalJson } from '../../db/canonical.js';
import type { ChangeSet } from '../../db/changes.js';
import { deviceIdOf } from '../../db/device.js';
import { signerNameSchema } from '../../domain/signer-name.js';
import { ValijaError } from '../../domain/errors.js';
import { signBytes, verifySignature } from './crypto.js';
import { encodeLine } from './lines.js';

export const authorHeadSchema = z
  .object({
    deviceId: z.string().regex(/^[0-9a-f]{16}$/),
    publicKey: z.string().max(200),
    name: signerNameSchema,
    changes: z.number().int().min(1),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    signedAt: z.iso.datetime(),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();

/** What a head's signature covers: everything in it but the signature, under a label of its own. */
function headBytes(head: Omit<AuthorHead, 'signature'>): Buffer {
  const { deviceId, publicKey, name, changes, digest, signedAt } = head;
  return Buffer.from(
    'valija author head 1\n' + canonicalJson({ deviceId, publicKey, name, changes, digest, signedAt }, 0),
    'utf8',
  );
}

export function signHead(privateKey: string, head: Omit<AuthorHead, 'signature'>): AuthorHead {
  return { ...head, signature: signBytes(privateKey, headBytes(head)).toString('base64') };
}

const forged = (message: string) => new ValijaError('E_SIGNATURE', message);

/** Refuses (E_SIGNATURE) a head whose device id is not its key's, or whose signature does not verify. */
export function checkHead(head: AuthorHead): void {
  if (deviceIdOf(head.publicKey) !== head.deviceId) {
    throw forged(`the package names device ${head.deviceId} as an author, but signs for it with another key`);
  }
  if (!verifySignature(head.publicKey, headBytes(head), Buffer.from(head.signature, 'base64'))) {
    throw forged(`the signed head of device ${head.deviceId} does not verify: it was altered or forged`);
  }
}

/** A change set as the package line the log's text of it makes (what every author signs a digest over). */
export const lineOf = (set: ChangeSet): string =>
  encodeLine([set.kind, set.row, set.hlc, set.device, set.fieldsText ?? JSON.stringify(set.fields)]);

/** Running digests, one per device, over the lines of its change sets in the order they are given. */
export class AuthorDigests {
  private readonly running = new Map<string, { hash: Hash; changes: number }>();

  add(device: string, line: string): void {
    let entry = this.running.get(device);
    if (!entry) {
      entry = { hash: createHash('sha256'), changes: 0 };
      this.running.set(device, entry);
    }
    entry.hash.update(line).update('\n');
    entry.changes++;
  }

  /** Each device's count and digest; the digests are final, so call once. */
  finish(): Map<string, { changes: number; digest: string }> {
    return new Map(
      [...this.running].map(([device, { hash, changes }]) => [
        device,
        { changes, digest: hash.digest('hex') },
      ]),
    );
  }
}

/**
 * Checks a package's lines against its authors' heads once all are read: every device with a line has a
 * head, and each head's count and digest are those of its device's lines here.
 */
export function checkAuthorDigests(
  heads: readonly AuthorHead[],
  found: Map<string, { changes: number; digest: string }>,
): void {
  const byDevice = new Map(heads.map((head) => [head.deviceId, head]));
  for (const [device, { changes, digest }] of found) {
    const head = byDevice.get(device);
    if (!head)
      throw forged(`the package carries changes of device ${device} without that device's signed head`);
    if (head.changes !== changes || head.digest !== digest) {
      throw forged(
        `the changes of device ${device} (${head.name}) are not the ones it signed: ${head.changes} signed, ${changes} here${head.changes === changes ? ', some altered' : ''} — altered, forged or left out on the way`,
      );
    }
  }
  for (const head of heads) {
    if (!found.has(head.deviceId))
      throw forged(`the package holds none of the ${head.changes} changes device ${head.deviceId} signed`);
  }
}
