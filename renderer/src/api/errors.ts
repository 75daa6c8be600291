// An API failure as the UI sees it: the stable code (E_NOT_FOUND, E_INVALID, …) and a sentence to show.
import type { ApiError } from '../../../electron/api/contract.js';

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: ApiError['code'] | 'E_BRIDGE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Errors crossing Electron's contextBridge keep only their message, so the preload writes the code into
 * it as "[CODE] message"; this turns such an error back into an ApiCallError.
 */
export function fromBridgedError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const message = String((error as Error)?.message ?? error);
  const match = /\[(E_[A-Z_]+)\] ([\s\S]*)$/.exec(message);
  return match
    ? new ApiCallError(match[1] as ApiError['code'], match[2]!)
    : new ApiCallError('E_INTERNAL', message);
}
