// Calling a method by name with untrusted input: validate against the contract, run the handler, and
// answer with the envelope every adapter shares. Expected errors keep their code; anything else is
// E_INTERNAL, logged once, never leaked as a stack trace.
import { isValijaError } from '../../domain/errors.js';
import { describeIssues } from '../../db/validation.js';
import { contract, isMethodName, type Envelope, type MethodName, type Results } from './contract.js';
import type { Handlers } from './handlers.js';

export async function dispatch(
  handlers: Partial<Handlers>,
  method: string,
  input: unknown,
  onInternalError: (error: unknown) => void = (error) => console.error(error),
): Promise<Envelope<Results[MethodName]>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'E_NOT_FOUND', message: `no API method ${JSON.stringify(method)}` } };
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'E_INVALID', message: `invalid ${method} request: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[method] as
      ((input: unknown) => Results[MethodName] | Promise<Results[MethodName]>) | undefined;
    if (!handler) {
      return {
        ok: false,
        error: { code: 'E_NOT_AVAILABLE', message: `${method} is answered by the app, not here` },
      };
    }
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isValijaError(error)) {
      const { code, message, details } = error;
      return { ok: false, error: details ? { code, message, details } : { code, message } };
    }
    if ((error as Error)?.name === 'AbortError') {
      return {
        ok: false,
        error: { code: 'E_CANCELLED', message: `${method} was cancelled; nothing was changed` },
      };
    }
    onInternalError(error);
    return {
      ok: false,
      error: {
        code: 'E_INTERNAL',
        message: `internal error in ${method}: ${String((error as Error)?.message ?? error)}`,
      },
    };
  }
}
