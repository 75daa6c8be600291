// The package file format, its limits, and the checks of its outer envelope.
//
//   magic "VALIJAPK" | format version u8 | flags u8 (bit 0: encrypted) | body
//   plain body:      manifest length u32 | manifest (canonical JSON) | signature length u16 | Ed25519 signature
//                    | payload (gzip of JSON lines), exactly manifest.payload.length bytes, and nothing after
//   encrypted body:  log2(N) u8 | r u8 | p u8 | salt 16 | nonce 12 | AES-256-GCM(plain body) | tag 16
//                    with the key from scrypt(passphrase, salt, N, r, p)
//
// Each part is checked before the next, cheapest first; every length has a hard limit.

export const MAGIC = Buffer.from('VALIJAPK', 'ascii');
/** 2: one line per change set (a write's fields together); 1 (pre-release) had one line per field. */
export const FORMAT_VERSION = 2;
export const FLAG_ENCRYPTED = 0b0000_0001;
export const HEADER_LENGTH = MAGIC.length + 2;

export const LIMITS = {
  /** The whole file. */
  packageBytes: 256 * 1024 * 1024,
  manifestBytes: 1024 * 1024,
  signatureBytes: 64,
  /** The payload once decompressed (a decompression bomb stops here). */
  payloadInflatedBytes: 1024 * 1024 * 1024,
  lineBytes: 1024 * 1024,
  changes: 5_000_000,
  /** Clocks further ahead than this are refused (E_CLOCK_SKEW). */
  clockSkewMs: 24 * 60 * 60 * 1000,
  scrypt: { maxLog2N: 20, maxR: 16, maxP: 4 },
} as const;

export const SCRYPT_DEFAULT = { log2N: 15, r: 8, p: 1 } as const;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
