// An API failure as the UI sees it: the stable code (E_NOT_FOUND, E_INVALID, …) and a sentence to show.
import type { ApiError } from '../../../electron/api/contract.js';

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: ApiError['code'] | 'E_BRIDGE',
    message: string,
    /** What the error says as data (a package's signer): show these, never values read from the message. */
    readonly details?: ApiError['details'],
  ) {
    super(message);
  }
}

function decodeDetails(encoded: string | undefined): ApiError['details'] {
  if (encoded === undefined) return undefined;
  try {
    return JSON.parse(decodeURIComponent(encoded)) as ApiError['details'];
  } catch {
    return undefined;
  }
}

/**
 * Errors crossing Electron's contextBridge keep only their message, so the preload writes the code into
 * it as "[CODE] message", and the details as URI-encoded JSON: "[CODE details=…] message"; this turns such
 * an error back into an ApiCallError. The first bracket is the preload's (anything the message says comes
 * after it), and its encoded details hold no ']'.
 */
export function fromBridgedError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const message = String((error as Error)?.message ?? error);
  const match = /\[(E_[A-Z_]+)(?: details=([^\]\s]*))?\] ([\s\S]*)$/.exec(message);
  return match
    ? new ApiCallError(match[1] as ApiError['code'], match[3]!, decodeDetails(match[2]))
    : new ApiCallError('E_INTERNAL', message);
}
