// The manifest: what a package says about itself, signed by its exporter.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../db/canonical.js';
import { authorHeadSchema } from './authorship.js';
import { HLC_PATTERN } from '../../db/hlc.js';
import { KIND_NAMES } from '../../domain/kinds.js';
import { signerNameSchema } from '../../domain/signer-name.js';
import { FORMAT_VERSION, LIMITS } from './format.js';

const hlc = z.string().regex(HLC_PATTERN);
const device = z.string().regex(/^[0-9A-Za-z]{1,64}$/);

export const manifestSchema = z
  .object({
    format: z.literal(FORMAT_VERSION),
    schemaVersion: z.number().int().min(1),
    minReaderVersion: z.number().int().min(1),
    packageId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    createdAt: z.iso.datetime(),
    exporter: z
      .object({
        deviceId: device,
        publicKey: z.string().max(200),
        // Shown to the importer as the signer's claim: nothing that could pass on a screen or a terminal
        // for something else.
        name: signerNameSchema,
      })
      .strict(),
    /** Each author's latest signed head, by device id: one for every device with a line in the payload. */
    authors: z
      .array(authorHeadSchema)
      .max(10_000)
      .refine((heads) => heads.every((h, i) => i === 0 || heads[i - 1]!.deviceId < h.deviceId), {
        error: 'the authors are not in order of device id, or one is named twice',
      }),
    /**
     * Documents' files, each distinct content once, in order of sha256: their bytes follow the payload in this
     * order, and each must hash to its name. Only files some document version names travel.
     */
    files: z
      .array(
        z
          .object({
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            bytes: z.number().int().min(0).max(LIMITS.packageBytes),
          })
          .strict(),
      )
      .max(100_000)
      .refine((files) => files.every((f, i) => i === 0 || files[i - 1]!.sha256 < f.sha256), {
        error: 'the files are not in order of sha256, or one is named twice',
      }),
    hlcRange: z.object({ min: hlc, max: hlc }).strict().nullable(),
    seen: z.record(device, hlc),
    counts: z
      .object({
        changes: z.number().int().min(0),
        rows: z.partialRecord(z.enum(KIND_NAMES), z.number().int().min(0)),
      })
      .strict(),
    payload: z
      .object({
        encoding: z.literal('gzip-jsonl'),
        length: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

/**
 * A package's id, derived from everything else it signs (its payload's hash, its exporter, its authors'
 * heads, its time): two packages with one id hold the same, so "already imported" can never hide another.
 */
export function packageIdOf(manifest: Omit<Manifest, 'packageId'> & { packageId?: string }): string {
  const { packageId: _id, ...signed } = manifest;
  const hex = createHash('sha256').update(canonicalJson(signed, 0)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
