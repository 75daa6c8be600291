// The desktop app's lifecycle, wired from the small modules next to this file. It takes the Electron API
// as a parameter (index.ts passes the real one), so tests can run all of it against a fake.
import type * as Electron from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../api/handlers.js';
import { PROGRESS_CHANNEL, type ProgressEvent } from '../api/progress.js';
import { pendingFiles } from '../../db/document-text.js';
import { createCaller } from '../jobs/calls.js';
import { APP_NAME, defaultStoreFile, userDataDir } from '../paths.js';
import { createActions } from './actions.js';
import { gateCalls, sessionHandlers } from '../keys/gate.js';
import { StoreSession } from '../keys/session.js';
import { createKeychain } from './keychain.js';
import { createDialogs } from './dialogs.js';
import { fileDialogHandlers } from './file-dialogs.js';
import { registerIpc, type Call } from './ipc.js';
import { installMenu, menuTemplate } from './menu.js';
import { requireNativeBinding } from './nativeModule.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { hardenAllWebContents, lockDownSession } from './security.js';
import { createMainWindow } from './window.js';
import { loadWindowState, WINDOW_STATE_FILE } from './windowState.js';

export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'ipcMain'
  | 'Menu'
  | 'protocol'
  | 'session'
  | 'dialog'
  | 'shell'
  | 'screen'
  | 'safeStorage'
>;

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  resourcesPath?: string;
  /** Where better-sqlite3 for Electron is (tests: undefined, the Node build). */
  nativeBinding?: () => string | undefined;
}

export interface StartedApp {
  window: () => Electron.BrowserWindow | undefined;
  storeFile: string;
}

export async function startApp(
  electron: ElectronApi,
  options: StartOptions,
): Promise<StartedApp | undefined> {
  const { app } = electron;
  const env = options.env;
  const platform = options.platform ?? process.platform;
  const resourcesPath = options.resourcesPath ?? process.resourcesPath;

  // Before ready: the app:// scheme, sandboxing for every renderer, rules for every web contents.
  registerAppScheme(electron.protocol);
  app.enableSandbox();
  hardenAllWebContents(app);
  app.setName(APP_NAME);
  const dataDir = userDataDir(env, platform);
  app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  let window: Electron.BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  try {
    const appRoot = app.getAppPath();
    // Installed: fonts, demo data and the native module sit in resources/ (electron-builder extraResources).
    if (app.isPackaged && !env.VALIJA_RESOURCES) env.VALIJA_RESOURCES = resourcesPath;
    const nativeBinding = (
      options.nativeBinding ??
      (() => requireNativeBinding({ isPackaged: app.isPackaged, resourcesPath, packageRoot: appRoot }))
    )();
    const storeFile = defaultStoreFile(env);
    // Opened at once when the keychain holds its key (or it is plaintext); else the window asks for the
    // recovery passphrase, or, on the first run, for a new one to create the store with.
    const session = new StoreSession(storeFile, {
      keychain: createKeychain(electron.safeStorage, platform),
      nativeBinding,
    });
    session.start();
    app.on('will-quit', () => session.close());

    lockDownSession(electron.session.defaultSession);
    serveAppProtocol(electron.protocol, join(appRoot, 'dist', 'renderer'));

    const dialogs = createDialogs(electron.dialog, () => window);
    const sendProgress = (event: ProgressEvent) => window?.webContents.send(PROGRESS_CHANNEL, event);
    const call: Call = gateCalls(
      session,
      (store) =>
        createCaller({
          handlers: {
            ...createHandlers(store),
            ...sessionHandlers(session),
            ...fileDialogHandlers(dialogs),
          },
          storeFile,
          storeKey: store.key,
          nativeBinding,
          textPending: () => pendingFiles(store.db).length > 0,
          onProgress: sendProgress,
        }).call,
    );
    const job = (method: 'exportPackage' | 'previewImport' | 'applyImport', input: unknown) =>
      call(method, input);
    registerIpc(electron.ipcMain, { call, expectedFrame: () => window?.webContents.mainFrame });

    const actions = createActions({
      dialogs,
      runJob: job,
      print: () => window?.webContents.print(),
      screen: {
        current: () => (window ? new URL(window.webContents.getURL()).hash : ''),
        // A fragment change is an in-page navigation: the app's router follows it.
        show: (hash) => void window?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`),
      },
      openPath: (path) => electron.shell.openPath(path),
      // Nothing of the store stays in the window: it starts again, on the unlock screen.
      lock: () => {
        session.lock();
        window?.webContents.reload();
      },
      userDataDir: dataDir,
      about: { version: app.getVersion(), versions: process.versions, storeFile },
    });
    installMenu(
      electron.Menu,
      menuTemplate(actions, { platform, appName: APP_NAME, developer: !app.isPackaged }),
    );

    const stateFile = join(dataDir, WINDOW_STATE_FILE);
    const workAreas = electron.screen.getAllDisplays().map((display) => display.workArea);
    window = createMainWindow(electron.BrowserWindow, {
      state: loadWindowState(stateFile, workAreas),
      stateFile,
      preload: join(appRoot, 'dist', 'electron', 'preload.cjs'),
      icon: app.isPackaged ? undefined : join(appRoot, 'resources', 'icons', 'icon.png'),
      devTools: !app.isPackaged,
    });
    window.on('closed', () => (window = undefined));
    return { window: () => window, storeFile };
  } catch (error) {
    electron.dialog.showErrorBox('Valija cannot start', String((error as Error)?.message ?? error));
    app.exit(1);
    return undefined;
  }
}
