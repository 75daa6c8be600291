// Every security setting of the window, in one place: what a page may do (webPreferences), where it may
// go (nowhere: navigation, redirects, new windows and <webview> refused), what it may ask for (nothing:
// permissions denied) and what it may load (only app://; any http(s) or ws request is cancelled).
import type { App, Event, Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './origin.js';

export function secureWebPreferences(preload: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Keeps a page where it is: only a reload of the app itself is a navigation it may make. */
export function hardenWebContents(contents: Contents): void {
  const refuseUnlessApp = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseUnlessApp);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', refuseUnlessApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every web contents the app ever creates (windows, devtools, frames) gets the same rules. */
export function hardenAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** Schemes a page may request: its own files, inline images, devtools. Everything else is the network. */
export function isLocalRequest(url: string): boolean {
  return isAppUrl(url) || /^(data|devtools|chrome-extension|blob):/i.test(url);
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  setDevicePermissionHandler?: Session['setDevicePermissionHandler'];
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export function lockDownSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) =>
    callback({ cancel: !isLocalRequest(details.url) }),
  );
}
