// Entry of the Electron main process (package.json "main" → dist/electron/main/index.js).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { startApp } from './app.js';

void startApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell },
  { env: process.env },
);
