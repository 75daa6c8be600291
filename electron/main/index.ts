// Entry of the Electron main process (package.json "main" → dist/electron/main/index.js).
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { startApp } from './app.js';

// A belt to the explicit modes: whatever the app and Electron write (store, logs, caches) is the user's alone.
process.umask(0o077);

void startApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell },
  { env: process.env },
);
