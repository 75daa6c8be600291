// The one window: created hidden with the secure preferences, shown when ready, at its remembered place.
import type { BrowserWindow as BrowserWindowClass, BrowserWindowConstructorOptions } from 'electron';
import { APP_URL } from './origin.js';
import { secureWebPreferences } from './security.js';
import { saveWindowState, type WindowState } from './windowState.js';

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindowClass;

export function mainWindowOptions(
  state: WindowState,
  preload: string,
  options: { icon?: string; devTools?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Valija',
    backgroundColor: '#f7f7f5',
    icon: options.icon,
    webPreferences: secureWebPreferences(preload, { devTools: options.devTools }),
  };
}

export function createMainWindow(
  BrowserWindow: BrowserWindowCtor,
  options: { state: WindowState; stateFile: string; preload: string; icon?: string; devTools?: boolean },
): BrowserWindowClass {
  const window = new BrowserWindow(mainWindowOptions(options.state, options.preload, options));
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () =>
    saveWindowState(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  void window.loadURL(APP_URL);
  return window;
}
