// Passphrases that resist offline guessing. A sealed package can be copied and attacked at leisure, so export
// refuses a passphrase shorter than 12 characters or one a strength estimator (zxcvbn-ts, with common,
// English and Spanish dictionaries) scores below 3 of 4.
import core from '@zxcvbn-ts/core';
import common from '@zxcvbn-ts/language-common';
import en from '@zxcvbn-ts/language-en';
import es from '@zxcvbn-ts/language-es-es';
import { ValijaError } from '../../domain/errors.js';

export const MIN_PASSPHRASE_LENGTH = 12;
const MIN_SCORE = 3;

let estimator: InstanceType<typeof core.ZxcvbnFactory> | undefined;

/** Built on first use: the dictionaries take a moment to load, and only sealing a package needs them. */
function strength(passphrase: string) {
  estimator ??= new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return estimator.check(passphrase, ['valija', 'embajada', 'cancilleria', 'ministerio']);
}

/** Refuses (E_INVALID) a passphrase too short or too easy to guess to seal a package with. */
export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ValijaError(
      'E_INVALID',
      `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters; four or five unrelated words are easy to say and hard to guess`,
    );
  }
  const result = strength(passphrase);
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
    throw new ValijaError(
      'E_INVALID',
      `the passphrase is too easy to guess${hint}; use four or five unrelated words, or a longer phrase of your own`,
    );
  }
}
