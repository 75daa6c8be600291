// A calendar (.ics) or contacts (.vcf) file read in two steps, as a package is: a dry run that writes nothing
// (the preview), then the same file applied. In a browser the picked file is uploaded once and both steps
// name its upload; in the desktop app the file is a path on its disk (its file dialog takes no filter).
import { useRef, useState } from 'react';
import type { BridgeInput, Results, UploadPurpose } from '../../../../electron/api/contract.js';
import { api, bridgeFiles } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';

export type FileImportMethod = 'calendarImport' | 'contactsImport';

export function useFileImport<M extends FileImportMethod>(method: M, purpose: UploadPurpose) {
  const files = bridgeFiles();
  const [path, setPath] = useState('');
  const [picked, setPicked] = useState<File | null>(null);
  const uploaded = useRef<{ file: File; upload: string } | null>(null);
  const run = async (dryRun: boolean): Promise<Results[M]> => {
    if (!files) {
      const read = api()[method] as (input: { file: string; dryRun: boolean }) => Promise<Results[M]>;
      return read({ file: path, dryRun });
    }
    if (!picked) throw new Error(`no ${purpose} file picked`);
    if (uploaded.current?.file !== picked) {
      uploaded.current = { file: picked, upload: (await files.upload(picked, purpose, picked.name)).upload };
    }
    const input = { upload: uploaded.current.upload, dryRun } as BridgeInput<M>;
    const result = (await files.call(method, input)) as Results[M];
    // Applying consumes the upload on the server: a second import uploads the file again.
    if (!dryRun) uploaded.current = null;
    return result;
  };
  const preview = useApiMutation(() => run(true));
  const apply = useApiMutation(() => run(false));
  const discard = () => {
    preview.reset();
    apply.reset();
  };
  return {
    /** Null in a browser, where the file is picked from this computer instead of named by its path. */
    path: files ? null : path,
    setPath: (value: string) => (discard(), setPath(value)),
    pick: files ? (file: File | null) => (discard(), setPicked(file)) : undefined,
    preview,
    apply,
    discard,
  };
}
