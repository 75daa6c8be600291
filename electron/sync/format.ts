// The package file format, its limits, and the checks of its outer envelope.
//
//   magic "VALIJAPK" | format version u8 | flags u8 (bit 0: encrypted) | body
//   plain body:      manifest length u32 | manifest (canonical JSON) | signature length u16 | Ed25519 signature
//                    | payload (gzip of JSON lines), exactly manifest.payload.length bytes
//                    | documents' files, each exactly manifest.files[i].bytes bytes, and nothing after
//   encrypted body:  log2(N) u8 | r u8 | p u8 | salt 16 | nonce 12 | AES-256-GCM(plain body) | tag 16
//                    with the key from scrypt(passphrase, salt, N, r, p)
//
// Each part is checked before the next, cheapest first; every length has a hard limit.

export const MAGIC = Buffer.from('VALIJAPK', 'ascii');
/**
 * 3: each author's signed head in the manifest, a package id derived from its content. 2 (one line per change
 * set) proved only who exported a package, not who wrote its changes: no longer read. 1 had a line per field.
 */
export const FORMAT_VERSION = 3;
export const FLAG_ENCRYPTED = 0b0000_0001;
export const HEADER_LENGTH = MAGIC.length + 2;

export const LIMITS = {
  /** The whole file (documents' files included; the package is read whole, so this bounds its memory too). */
  packageBytes: 1024 * 1024 * 1024,
  manifestBytes: 1024 * 1024,
  signatureBytes: 64,
  /** The payload once decompressed (a decompression bomb stops here). */
  payloadInflatedBytes: 1024 * 1024 * 1024,
  lineBytes: 1024 * 1024,
  changes: 5_000_000,
  /**
   * Changes dated further ahead of the importer's clock than this are refused (E_CLOCK_SKEW): a change from
   * the future would win every real edit of its field until then. An import may ask for more.
   */
  clockSkewMs: 10 * 60 * 1000,
  /**
   * What a package may ask of scrypt, read before anything in it is authenticated: at most 256 MiB of
   * memory (128·N·r bytes) and twice the work of the default, so a tiny file cannot cost gigabytes or minutes.
   */
  scrypt: { minLog2N: 10, maxMemoryBytes: 256 * 1024 * 1024, maxP: 2 },
} as const;

/** Current guidance for scrypt (N = 2^17, r = 8, p = 1: 128 MiB); the first format used N = 2^15, still read. */
export const SCRYPT_DEFAULT = { log2N: 17, r: 8, p: 1 } as const;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
