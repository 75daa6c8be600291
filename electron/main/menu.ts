// The application menu: File (packages, the briefing book, print, quit), Edit, View, Help. What each item
// does lives in actions.ts; this file only says where it is and its shortcut.
import type { Menu as MenuNamespace, MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importPackage(): void;
  exportPackage(): void;
  buildBook(): void;
  print(): void;
  about(): void;
  openDataFolder(): void;
  lock(): void;
}

export function menuTemplate(
  actions: MenuActions,
  options: { platform: NodeJS.Platform; appName: string; developer: boolean },
): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ label: options.appName, role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Import package…', accelerator: 'CmdOrCtrl+I', click: () => actions.importPackage() },
        { label: 'Export package…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportPackage() },
        { type: 'separator' },
        { label: 'Build briefing book…', accelerator: 'CmdOrCtrl+B', click: () => actions.buildBook() },
        { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        mac ? { role: 'close' } : { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(options.developer ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: `About ${options.appName}`, click: () => actions.about() },
        { label: 'Open data folder', click: () => actions.openDataFolder() },
      ],
    },
  );
  return template;
}

export function installMenu(
  Menu: Pick<typeof MenuNamespace, 'buildFromTemplate' | 'setApplicationMenu'>,
  template: MenuItemConstructorOptions[],
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
