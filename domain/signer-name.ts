// A device's name travels in every package it signs and is shown to whoever imports one, beside the key's
// fingerprint. It is the signer's own claim, so it must not be able to pass for anything else: no control
// characters (a terminal's escape sequences among them), no line breaks, no bidirectional controls, short.
import { z } from 'zod';

export const SIGNER_NAME_MAX = 80;

// C0, DEL and C1 controls; line and paragraph separators; LRM, RLM, ALM; embeddings, overrides and isolates.
const UNSAFE = /[\p{Cc}\u2028\u2029\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;

/** Why a signer's name cannot be used, or undefined when it can. Never repeats the name itself. */
export function signerNameProblem(name: string): string | undefined {
  if (UNSAFE.test(name)) {
    return 'it holds a control character, a line break or a bidirectional text control';
  }
  if ([...name].length > SIGNER_NAME_MAX) return `it is longer than ${SIGNER_NAME_MAX} characters`;
  return undefined;
}

/** A signer's name as a package carries it (an exporter's, an author's head): refused with the reason. */
export const signerNameSchema = z.string().refine((name) => signerNameProblem(name) === undefined, {
  error: (issue) => `not a name a package may carry: ${signerNameProblem(issue.input as string)}`,
});
