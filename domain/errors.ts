// Expected failures are values with a stable code; the CLI, the bridge and the UI map the same codes.
export const ERROR_CODES = [
  'E_INVALID',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_USAGE',
  'E_IO',
  'E_UNSAFE_PATH',
  'E_STORE',
  'E_SCHEMA_TOO_NEW',
  'E_NOT_AVAILABLE',
  'E_CANCELLED',
  'E_PACKAGE_CORRUPT',
  'E_SIGNATURE',
  'E_UNTRUSTED_SIGNER',
  'E_PACKAGE_CHANGED',
  'E_DECRYPT',
  'E_CLOCK_SKEW',
  'E_TOO_LARGE',
  'E_UNAUTHORIZED',
  'E_FORBIDDEN',
  'E_LOCKED',
  'E_PASSPHRASE',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A package's signer as the importer saw it: the fingerprint is computed here; the name is its own claim. */
export interface SignerDetails {
  /** sha256 of the raw public key, in groups of four hex characters: what users read to each other. */
  fingerprint: string;
  /** The name the signer gave itself; unchecked, shown only labelled as its claim. */
  claimedName: string;
  /** The raw Ed25519 public key, hex. */
  keyId: string;
}

/** What an error says as data, for screens and commands to show apart from its sentence. */
export interface ErrorDetails {
  signer?: SignerDetails;
}

export class ValijaError extends Error {
  override readonly name = 'ValijaError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export function isValijaError(error: unknown): error is ValijaError {
  return error instanceof ValijaError;
}

export const invalid = (message: string) => new ValijaError('E_INVALID', message);
export const notFound = (message: string) => new ValijaError('E_NOT_FOUND', message);
