// The example device: the author of fixed records (the demo store), so that every laptop loading them holds
// the very same change sets and can relay them with a signed head like any other author's. Its key is derived
// from a published seed — anyone can sign as it — so its changes prove nothing about a person: its notes are
// shown as example data, never under a name its head claims.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { deviceIdOf } from './device.js';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function exampleKeys(): { publicKey: string; privateKey: string } {
  const seed = createHash('sha256').update('valija example records').digest();
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return {
    privateKey: der.toString('base64'),
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

const keys = exampleKeys();

export const EXAMPLE_DEVICE = {
  ...keys,
  deviceId: deviceIdOf(keys.publicKey),
  name: 'Valija demo',
} as const;
