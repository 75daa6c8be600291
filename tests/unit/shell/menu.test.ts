// The application menu: where each command is and its shortcut.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { installMenu, menuTemplate, type MenuActions } from '../../../electron/main/menu.js';

function actions() {
  const called: string[] = [];
  const record = (name: keyof MenuActions) => () => void called.push(name);
  const all: MenuActions = {
    importPackage: record('importPackage'),
    exportPackage: record('exportPackage'),
    buildBook: record('buildBook'),
    print: record('print'),
    about: record('about'),
    openDataFolder: record('openDataFolder'),
    lock: record('lock'),
  };
  return { all, called };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...items((item.submenu as MenuItemConstructorOptions[]) ?? [])]);
}

const byLabel = (template: MenuItemConstructorOptions[], label: string) =>
  items(template).find((item) => item.label === label);

describe('the application menu', () => {
  const { all, called } = actions();
  const template = menuTemplate(all, { platform: 'linux', appName: 'Valija', developer: false });

  it('has File, Edit, View and Help', () => {
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('gives File its commands with their shortcuts', () => {
    expect(byLabel(template, 'Import package…')?.accelerator).toBe('CmdOrCtrl+I');
    expect(byLabel(template, 'Export package…')?.accelerator).toBe('CmdOrCtrl+E');
    expect(byLabel(template, 'Build briefing book…')?.accelerator).toBe('CmdOrCtrl+B');
    expect(byLabel(template, 'Print…')?.accelerator).toBe('CmdOrCtrl+P');
    expect(byLabel(template, 'Lock')?.accelerator).toBe('CmdOrCtrl+L');
    expect(byLabel(template, 'Quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('runs the matching action on click', () => {
    for (const label of [
      'Import package…',
      'Export package…',
      'Build briefing book…',
      'Print…',
      'About Valija',
      'Open data folder',
    ]) {
      (byLabel(template, label)?.click as () => void)();
    }
    expect(called).toEqual([
      'importPackage',
      'exportPackage',
      'buildBook',
      'print',
      'about',
      'openDataFolder',
    ]);
  });

  it('has the standard editing roles and no developer tools in a release', () => {
    const roles = items(template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles).not.toContain('toggleDevTools');
    const dev = menuTemplate(all, { platform: 'linux', appName: 'Valija', developer: true });
    expect(items(dev).map((item) => item.role)).toContain('toggleDevTools');
  });

  it('on macOS starts with the app menu, whose Quit keeps Cmd+Q', () => {
    const mac = menuTemplate(all, { platform: 'darwin', appName: 'Valija', developer: false });
    expect(mac[0]).toMatchObject({ role: 'appMenu' });
  });

  it('is installed as the application menu', () => {
    let installed: unknown;
    installMenu(
      {
        buildFromTemplate: (t) => ({ built: t }) as never,
        setApplicationMenu: (menu) => void (installed = menu),
      },
      template,
    );
    expect(installed).toEqual({ built: template });
  });
});
