// The contract's native file dialogs, answered by the desktop shell: the page asks, the user chooses, and
// only the chosen path comes back (the page then attaches or saves through the ordinary calls).
import type { Handlers } from '../api/handlers.js';
import type { Dialogs } from './dialogs.js';

export function fileDialogHandlers(dialogs: Dialogs): Pick<Handlers, 'chooseFile' | 'chooseSaveFile'> {
  return {
    chooseFile: async ({ title }) => ({ file: (await dialogs.chooseDocumentFile(title)) ?? null }),
    chooseSaveFile: async ({ defaultName }) => ({
      // A name only: the dialog opens where the user last saved, never at a path the page chose.
      file: (await dialogs.chooseSaveFile(defaultName.replace(/[\\/]/g, '_'))) ?? null,
    }),
  };
}
