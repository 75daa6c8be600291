// A calendar (.ics) or contacts (.vcf) file read in two steps, as a package is: a dry run that writes nothing
// (the preview), then the same file applied. In a browser the picked file is uploaded once and both steps
// name its upload; in the desktop app the file is a path on its disk (its file dialog takes no filter).
import { useRef, useState } from 'react';
import type { Results } from '../../../../electron/api/contract.js';
import type { BridgeInput, UploadPurpose } from '../../../../electron/api/bridge-files.js';
import type { ValijaBridge } from '../../../../electron/api/progress.js';
import { api, bridgeFiles, type BridgeFiles } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';

export type FileImportMethod = 'calendarImport' | 'contactsImport';

/**
 * Reads a file with an import method: a path in the desktop app, a picked file in a browser (uploaded once
 * for its preview and its apply; applying consumes the upload on the server, so a second import uploads again).
 */
export function fileImporter<M extends FileImportMethod>(
  method: M,
  purpose: UploadPurpose,
  files: BridgeFiles | null,
  desktop: ValijaBridge,
) {
  let uploaded: { file: File; upload: string } | null = null;
  return async (source: File | string, dryRun: boolean): Promise<Results[M]> => {
    if (typeof source === 'string' || !files) {
      if (typeof source !== 'string') throw new Error('the desktop app reads a file by its path');
      const read = desktop[method] as (input: { file: string; dryRun: boolean }) => Promise<Results[M]>;
      return read({ file: source, dryRun });
    }
    if (uploaded?.file !== source) {
      uploaded = { file: source, upload: (await files.upload(source, purpose, source.name)).upload };
    }
    const input = { upload: uploaded.upload, dryRun } as BridgeInput<M>;
    const result = (await files.call(method, input)) as Results[M];
    if (!dryRun) uploaded = null;
    return result;
  };
}

export function useFileImport<M extends FileImportMethod>(method: M, purpose: UploadPurpose) {
  const files = bridgeFiles();
  const [path, setPath] = useState('');
  const [picked, setPicked] = useState<File | null>(null);
  const importer = useRef<ReturnType<typeof fileImporter<M>>>(null);
  const run = (dryRun: boolean) => {
    importer.current ??= fileImporter(method, purpose, files, api());
    if (files && !picked) throw new Error(`no ${purpose} file picked`);
    return importer.current(files ? picked! : path, dryRun);
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
