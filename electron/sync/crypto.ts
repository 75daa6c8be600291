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
import { chunksOf, type PackageBytes } from './source.js';

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

/** The head of a sealed body: scrypt's parameters, the salt and the nonce. */
const SEALED_HEAD_BYTES = 3 + SALT_BYTES + NONCE_BYTES;

/** Encrypting a body as it is written, a chunk at a time: `head`, then every `update`, then `final`. */
export class Sealer {
  readonly head: Buffer;
  private readonly cipher;

  constructor(passphrase: string) {
    const { log2N, r, p } = SCRYPT_DEFAULT;
    const salt = randomBytes(SALT_BYTES);
    const nonce = randomBytes(NONCE_BYTES);
    this.cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, log2N, r, p), nonce);
    this.head = Buffer.concat([Buffer.from([log2N, r, p]), salt, nonce]);
  }

  update(plain: Buffer): Buffer {
    return this.cipher.update(plain);
  }

  /** The last of the ciphertext and the tag. */
  final(): Buffer {
    return Buffer.concat([this.cipher.final(), this.cipher.getAuthTag()]);
  }

  static readonly overhead = SEALED_HEAD_BYTES + TAG_BYTES;
}

export function encrypt(plain: Buffer, passphrase: string): Buffer {
  const sealer = new Sealer(passphrase);
  return Buffer.concat([sealer.head, sealer.update(plain), sealer.final()]);
}

interface SealedHead {
  key: Buffer;
  nonce: Buffer;
}

/** Reads a sealed body's head, checks scrypt's parameters against the limits, and derives the key. */
function openHead(head: Buffer, size: number, passphrase: string | undefined): SealedHead {
  if (size < SEALED_HEAD_BYTES + TAG_BYTES)
    throw new ValijaError('E_PACKAGE_CORRUPT', 'the encrypted package is truncated');
  const [log2N, r, p] = [head[0]!, head[1]!, head[2]!];
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
  const salt = head.subarray(3, 3 + SALT_BYTES);
  return { key: deriveKey(passphrase, salt, log2N, r, p), nonce: head.subarray(3 + SALT_BYTES) };
}

const wrongPassphrase = () =>
  new ValijaError('E_DECRYPT', 'cannot decrypt the package: wrong passphrase, or the file was altered');

export function decrypt(sealed: Buffer, passphrase: string | undefined): Buffer {
  const { key, nonce } = openHead(sealed.subarray(0, SEALED_HEAD_BYTES), sealed.length, passphrase);
  const body = sealed.subarray(SEALED_HEAD_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw wrongPassphrase();
  }
}

/**
 * A sealed body opened for reading ranges, without ever holding it whole: the tag is checked first, over the
 * whole ciphertext a chunk at a time (a wrong passphrase or any altered byte is E_DECRYPT here); then any
 * range decrypts on its own, since GCM encrypts block i of the body with AES-CTR at counter nonce‖(2 + i).
 */
export function openSealed(sealed: PackageBytes, passphrase: string | undefined): PackageBytes {
  const head = sealed.read(0, Math.min(SEALED_HEAD_BYTES, sealed.size));
  const { key, nonce } = openHead(head, sealed.size, passphrase);
  const size = sealed.size - SEALED_HEAD_BYTES - TAG_BYTES;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(sealed.read(sealed.size - TAG_BYTES, TAG_BYTES));
    for (const chunk of chunksOf(sealed, SEALED_HEAD_BYTES, size)) decipher.update(chunk);
    decipher.final();
  } catch {
    throw wrongPassphrase();
  }
  return {
    size,
    read(offset, length) {
      const block = Math.floor(offset / 16);
      const skip = offset - block * 16;
      const counter = Buffer.alloc(16);
      nonce.copy(counter);
      counter.writeUInt32BE(2 + block, 12);
      const decipher = createDecipheriv('aes-256-ctr', key, counter);
      const plain = decipher.update(sealed.read(SEALED_HEAD_BYTES + block * 16, skip + length));
      return plain.subarray(skip);
    },
  };
}
