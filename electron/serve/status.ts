// The HTTP status for each error code the API answers with; the envelope in the body keeps the code itself.
import type { ErrorCode } from '../../domain/errors.js';

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  E_INVALID: 400,
  E_USAGE: 400,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403,
  E_LOCKED: 423,
  E_PASSPHRASE: 403,
  E_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_CANCELLED: 409,
  E_SCHEMA_TOO_NEW: 409,
  E_TOO_LARGE: 413,
  E_PACKAGE_CORRUPT: 422,
  E_SIGNATURE: 422,
  E_UNTRUSTED_SIGNER: 422,
  E_PACKAGE_CHANGED: 409,
  E_DECRYPT: 422,
  E_CLOCK_SKEW: 422,
  E_NOT_AVAILABLE: 501,
  E_IO: 500,
  E_UNSAFE_PATH: 500,
  E_STORE: 500,
  E_INTERNAL: 500,
};
