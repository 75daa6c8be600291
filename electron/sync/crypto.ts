// Signing and passphrase encryption of packages (Node's crypto: Ed25519, scrypt, AES-256-GCM).
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  scryptSync,
  sign,
  verify,
} from 'node:crypto';
import { ValijaError } from '../../domain/errors.js';
import { LIMITS, NONCE_BYTES, SALT_BYTES, SCRYPT_DEFAULT, TAG_BYTES } from './format.js';

export function signBytes(privateKeyDer: string, bytes: Buffer): Buffer {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, bytes, key);
}

export function verifySignature(publicKeyDer: string, bytes: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

function deriveKey(passphrase: string, salt: Buffer, log2N: number, r: number, p: number): Buffer {
  const N = 2 ** log2N;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

export function encrypt(plain: Buffer, passphrase: string): Buffer {
  const { log2N, r, p } = SCRYPT_DEFAULT;
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, log2N, r, p), nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([log2N, r, p]), salt, nonce, body, cipher.getAuthTag()]);
}

export function decrypt(sealed: Buffer, passphrase: string | undefined): Buffer {
  const minimum = 3 + SALT_BYTES + NONCE_BYTES + TAG_BYTES;
  if (sealed.length < minimum)
    throw new ValijaError('E_PACKAGE_CORRUPT', 'the encrypted package is truncated');
  const [log2N, r, p] = [sealed[0]!, sealed[1]!, sealed[2]!];
  const { minLog2N, maxMemoryBytes, maxP } = LIMITS.scrypt;
  const memory = 128 * 2 ** log2N * r;
  if (log2N < minLog2N || r < 1 || p < 1 || p > maxP || memory > maxMemoryBytes) {
    throw new ValijaError(
      'E_PACKAGE_CORRUPT',
      'the package asks for key-derivation parameters outside the allowed bounds',
    );
  }
  if (passphrase === undefined || passphrase === '') {
    throw new ValijaError(
      'E_DECRYPT',
      'the package is encrypted; give its passphrase (--passphrase-env VAR)',
    );
  }
  const salt = sealed.subarray(3, 3 + SALT_BYTES);
  const nonce = sealed.subarray(3 + SALT_BYTES, 3 + SALT_BYTES + NONCE_BYTES);
  const body = sealed.subarray(3 + SALT_BYTES + NONCE_BYTES, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt, log2N, r, p), nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new ValijaError(
      'E_DECRYPT',
      'cannot decrypt the package: wrong passphrase, or the file was altered',
    );
  }
}
