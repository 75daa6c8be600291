// A fake of the parts of Electron the main process uses: it records every call and lets a test fire the
// events Electron would. Enough to run electron/main against it without the Electron binary.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  removeListener(name: string, listener: Listener) {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

/** An Electron-like event: emit it and ask whether a listener prevented it. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true), ...extra };
  return event;
}

export class FakeWebContents extends Emitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  readonly mainFrame = { url: 'app://bundle/' };
  readonly sent: [string, unknown][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  reloads = 0;
  reload() {
    this.reloads++;
  }
  print() {}
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  /** Electron's app emits web-contents-created for every new window; the fake app sets this. */
  static onCreate: (window: FakeBrowserWindow) => void = () => {};
  readonly webContents = new FakeWebContents();
  loadedUrl?: string;
  shown = false;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onCreate(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 10, y: 20, width: this.options.width as number, height: this.options.height as number };
  }
}

export class FakeSession {
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
  devicePermission?: (...args: unknown[]) => boolean;
  beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']) {
    this.devicePermission = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (_filter: unknown, handler: FakeSession['beforeRequest']) =>
      (this.beforeRequest = handler),
  };
}

/**
 * Electron's safeStorage as the OS keychain behaves: what one keyring sealed only that keyring opens (another
 * machine, or a keyring reset, cannot: decryptString throws, as Electron's does).
 */
export interface FakeKeychainOptions {
  keyring?: string;
  available?: boolean;
  backend?: string;
}

export function fakeSafeStorage(options: FakeKeychainOptions = {}) {
  const keyring = options.keyring ?? 'keyring-1';
  const secret = createHash('sha256').update(keyring).digest();
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text: string) => {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, nonce);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([nonce, body, cipher.getAuthTag()]);
    },
    decryptString: (sealed: Buffer) => {
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        return Buffer.concat([
          decipher.update(sealed.subarray(12, sealed.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
}

export function fakeElectron(options: {
  appPath: string;
  singleInstance?: boolean;
  keychain?: FakeKeychainOptions;
}) {
  FakeBrowserWindow.instances = [];
  const calls: string[] = [];
  const handlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: { url: string; method: string }) => Response>();
  const schemes: unknown[] = [];
  const session = new FakeSession();
  let menu: unknown;
  let exitCode: number | undefined;
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    enableSandbox: () => calls.push('enableSandbox'),
    setName: (name: string) => calls.push(`setName:${name}`),
    setPath: (name: string, path: string) => calls.push(`setPath:${name}:${path}`),
    requestSingleInstanceLock: () => options.singleInstance ?? true,
    quit: () => calls.push('quit'),
    exit: (code: number) => (exitCode = code),
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    getAppPath: () => options.appPath,
    getVersion: () => '0.1.0',
  });
  FakeBrowserWindow.onCreate = (window) => app.emit('web-contents-created', fakeEvent(), window.webContents);
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => handlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (built: unknown) => (menu = built),
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => {
        calls.push('registerSchemesAsPrivileged');
        schemes.push(...list);
      },
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Response) =>
        protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession: session },
    dialog: {
      showErrorBox: (title: string, message: string) => calls.push(`showErrorBox:${title}:${message}`),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    shell: { openPath: () => Promise.resolve('') },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    safeStorage: fakeSafeStorage(options.keychain),
  };
  return {
    electron,
    calls,
    handlers,
    protocolHandlers,
    schemes,
    session,
    menu: () => menu as { template: unknown[] } | undefined,
    exitCode: () => exitCode,
  };
}
