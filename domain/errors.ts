// Expected failures are values with a stable code; the CLI, the bridge and the UI map the same codes.
export const ERROR_CODES = [
  'E_INVALID',
  'E_NOT_FOUND',
  'E_CONFLICT',
  'E_USAGE',
  'E_IO',
  'E_STORE',
  'E_SCHEMA_TOO_NEW',
  'E_NOT_AVAILABLE',
  'E_CANCELLED',
  'E_PACKAGE_CORRUPT',
  'E_SIGNATURE',
  'E_UNTRUSTED_SIGNER',
  'E_DECRYPT',
  'E_CLOCK_SKEW',
  'E_TOO_LARGE',
  'E_UNAUTHORIZED',
  'E_FORBIDDEN',
  'E_INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class ValijaError extends Error {
  override readonly name = 'ValijaError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isValijaError(error: unknown): error is ValijaError {
  return error instanceof ValijaError;
}

export const invalid = (message: string) => new ValijaError('E_INVALID', message);
export const notFound = (message: string) => new ValijaError('E_NOT_FOUND', message);
