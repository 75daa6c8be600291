// The commands about the store file itself: create it (encrypted when given a recovery passphrase), encrypt
// a plaintext one, change its key. Each opens the store itself, unlocking it as the command line says.
import { ValijaError } from '../../domain/errors.js';
import { encryptStore, rekeyStore } from '../keys/convert.js';
import { newPassphraseFrom, type Command } from './command.js';
import { initStore } from './init.js';

export const STORE_COMMANDS: Record<string, Command> = {
  init: {
    synopsis: ['init [--demo] [--new-passphrase-env VAR]'],
    summary: [
      'create the store; --demo loads the demo data; with a recovery',
      'passphrase (from the variable VAR) the store is encrypted',
    ],
    calls: [],
    options: { demo: { type: 'boolean' }, 'new-passphrase-env': { type: 'string' } },
    positionals: [],
    own: ({ file, options, io, unlock }) =>
      initStore({
        file,
        demo: options.demo === true,
        passphrase: newPassphraseFrom(options, io, false),
        warn: (line) => io.stderr(`${line}\n`),
        unlock,
      }),
  },
  encrypt: {
    synopsis: ['encrypt --new-passphrase-env VAR'],
    summary: [
      'encrypt a plaintext store and its backups (one crash-safe step);',
      'VAR holds the recovery passphrase to set',
    ],
    calls: [],
    options: { 'new-passphrase-env': { type: 'string' } },
    positionals: [],
    own: ({ file, options, io }) => encryptStore(file, { passphrase: newPassphraseFrom(options, io, true)! }),
  },
  rekey: {
    synopsis: ['rekey --new-passphrase-env VAR'],
    summary: [
      "change an encrypted store's key and recovery passphrase",
      '(unlocked with --unlock-env OLD); crash-safe like encrypt',
    ],
    calls: [],
    options: { 'new-passphrase-env': { type: 'string' } },
    positionals: [],
    own: async ({ file, options, io, unlock }) => {
      const passphrase = newPassphraseFrom(options, io, true)!;
      const key = await unlock();
      if (!key) {
        throw new ValijaError('E_CONFLICT', `${file} is not encrypted; encrypt it with \`valija encrypt\``);
      }
      return rekeyStore(file, key, { passphrase });
    },
  },
};
