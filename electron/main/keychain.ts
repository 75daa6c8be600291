// The OS keychain through Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service or
// KWallet on Linux): it wraps the store's key so the desktop app opens with no prompt. On a Linux desktop
// without a keyring safeStorage falls back to a fixed, public key ('basic_text'): that protects nothing, so
// it counts as no keychain and the recovery passphrase is asked instead.
import type { SafeStorage } from 'electron';
import type { Keychain } from '../keys/wrap.js';

export function createKeychain(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  platform: NodeJS.Platform,
): Keychain {
  return {
    unavailable: () => {
      if (!safeStorage.isEncryptionAvailable()) return 'no system keychain is available';
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
        return 'this Linux desktop has no keyring (GNOME Keyring or KWallet)';
      }
      return undefined;
    },
    seal: (key) => safeStorage.encryptString(key.toString('hex')).toString('base64'),
    open: (sealed) => {
      const hex = safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('the keychain returned something else');
      return Buffer.from(hex, 'hex');
    },
  };
}
