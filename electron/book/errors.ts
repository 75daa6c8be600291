/** Errors from the book renderer: a stable code and a sentence a user can act on. */
export type BookErrorCode = 'E_CANCELLED' | 'E_INVALID' | 'E_NOT_FOUND';

export class BookError extends Error {
  readonly code: BookErrorCode;

  constructor(code: BookErrorCode, message: string) {
    super(message);
    this.name = 'BookError';
    this.code = code;
  }
}

export function cancelledError(): BookError {
  return new BookError('E_CANCELLED', 'The briefing book was cancelled before it was finished.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
