// The window's security settings and the rules every web contents gets, against a fake Electron.
import { describe, expect, it } from 'vitest';
import {
  hardenAllWebContents,
  hardenWebContents,
  lockDownSession,
  secureWebPreferences,
} from '../../../electron/main/security.js';
import { isAppUrl } from '../../../electron/main/origin.js';
import { Emitter, FakeSession, FakeWebContents, fakeEvent } from './fakes.js';

function navigate(contents: FakeWebContents, name: string, url: string) {
  const event = fakeEvent({ url });
  contents.emit(name, event, url);
  return event.defaultPrevented;
}

describe('the window security settings', () => {
  it('turn on isolation and the sandbox, and turn off every way into Node or insecure content', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
      devTools: false,
    });
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('a hardened web contents', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never);

  it('is not navigated to a remote page, nor to a look-alike app:// host', () => {
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://bundle.evil/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://evil/bundle/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://user@bundle/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-frame-navigate', 'https://example.org/')).toBe(true);
  });

  it('may reload the app itself', () => {
    expect(navigate(contents, 'will-navigate', 'app://bundle/index.html')).toBe(false);
  });

  it('follows no redirect away from the app and attaches no <webview>', () => {
    expect(navigate(contents, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(navigate(contents, 'will-attach-webview', 'app://bundle/')).toBe(true);
  });

  it('opens no new window', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/' })).toEqual({ action: 'deny' });
  });

  it('is what every web contents the app creates becomes', () => {
    const app = new Emitter();
    hardenAllWebContents(app as never);
    const created = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), created);
    expect(created.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(navigate(created, 'will-navigate', 'https://example.org/')).toBe(true);
  });
});

describe('the session', () => {
  const session = new FakeSession();
  lockDownSession(session as never);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      session.permissionRequest?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(session.permissionCheck?.({}, permission, 'app://bundle')).toBe(false);
    }
    expect(session.devicePermission?.({})).toBe(false);
  });

  it('cancels any request to the network, and lets the app load its own files', () => {
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      session.beforeRequest?.({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled('https://example.org/font.woff2')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/api/list')).toBe(true);
    expect(cancelled('ws://example.org/')).toBe(true);
    expect(cancelled('app://bundle/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });
});

describe('the app origin', () => {
  it('is compared by protocol and host, not by URL.origin (which is "null" for app://)', () => {
    expect(new URL('app://bundle/x').origin).toBe('null');
    expect(isAppUrl('app://bundle/x')).toBe(true);
    expect(isAppUrl('app://bundle.evil/x')).toBe(false);
    expect(isAppUrl('app://bundle:81/x')).toBe(false);
    expect(isAppUrl('https://bundle/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});
