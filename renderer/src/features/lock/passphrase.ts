// The first run's checks before asking the store: long enough, and typed the same twice. Whether it is
// hard enough to guess is the store's call (zxcvbn, E_INVALID with its reason).
export const MIN_PASSPHRASE_LENGTH = 12;

export type PassphraseProblem = 'short' | 'mismatch';

export function passphraseProblem(passphrase: string, confirmation: string): PassphraseProblem | undefined {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'short';
  if (passphrase !== confirmation) return 'mismatch';
  return undefined;
}
