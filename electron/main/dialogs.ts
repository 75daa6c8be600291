// Native dialogs: choosing package files, confirming, and telling the user plainly what happened.
import type {
  BrowserWindow,
  Dialog,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import type { ApiError } from '../api/contract.js';

export const PACKAGE_FILTERS = [
  { name: 'Valija package', extensions: ['valija'] },
  { name: 'All files', extensions: ['*'] },
];

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;

export interface Dialogs {
  chooseImportFile(): Promise<string | undefined>;
  chooseExportFile(defaultName: string): Promise<string | undefined>;
  /** A file to attach to a record: any kind (what cannot be printed still travels and is kept). */
  chooseDocumentFile(title?: string): Promise<string | undefined>;
  /** Where to save a file, offered under its own name. */
  chooseSaveFile(defaultName: string): Promise<string | undefined>;
  info(message: string, detail?: string): Promise<void>;
  error(title: string, error: ApiError): Promise<void>;
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  notYetAvailable(feature: string, detail?: string): Promise<void>;
}

export function createDialogs(dialog: DialogApi, window: () => BrowserWindow | undefined): Dialogs {
  const box = async (options: MessageBoxOptions) => {
    const parent = window();
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  };
  const open = async (options: OpenDialogOptions) => {
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
  const save = async (options: SaveDialogOptions) => {
    const parent = window();
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options);
    return result.canceled ? undefined : result.filePath;
  };
  return {
    chooseImportFile: () =>
      open({ title: 'Import package', properties: ['openFile'], filters: PACKAGE_FILTERS }),
    chooseExportFile: (defaultName) =>
      save({ title: 'Export package', defaultPath: defaultName, filters: PACKAGE_FILTERS }),
    chooseDocumentFile: (title = 'Attach a document') => open({ title, properties: ['openFile'] }),
    chooseSaveFile: (defaultName) => save({ title: 'Save', defaultPath: defaultName }),
    async info(message, detail) {
      await box({ type: 'info', message, detail, buttons: ['OK'] });
    },
    async error(title, error) {
      await box({
        type: 'error',
        message: title,
        detail: `${error.message}\n\n(${error.code})`,
        buttons: ['OK'],
      });
    },
    async confirm(message, detail, action) {
      const { response } = await box({
        type: 'question',
        message,
        detail,
        buttons: [action, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      });
      return response === 0;
    },
    async notYetAvailable(feature, detail) {
      await box({
        type: 'info',
        message: `${feature} is not yet available`,
        detail:
          detail ??
          'This version of Valija does not do it yet; it is being built and will arrive in an update.',
        buttons: ['OK'],
      });
    },
  };
}
