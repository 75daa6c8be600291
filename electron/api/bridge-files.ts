// The local browser bridge's way with files, derived from the API contract: which methods read or write a
// file (a page names an upload or gets a download instead of a path), and their inputs and results as a page
// sends and receives them.
import type { Input, Results } from './contract.js';

/**
 * The methods whose input names a file on the computer that runs the store. Through the bridge a browser
 * page never names one (a `file` is refused with E_FORBIDDEN): it uploads a package or a document's file
 * (`POST /api/upload`, the raw bytes) and names the upload's id; an export or a saved document is written
 * into the bridge's private folder and fetched once from `GET /api/download/<id>`; a book goes into the
 * serving store's `books` folder, which its preview shows and saves.
 */
export const FILE_METHODS = [
  'exportPackage',
  'previewImport',
  'applyImport',
  'book',
  'distributeBook',
  'attachDocument',
  'replaceDocument',
  'saveDocument',
  'calendarImport',
  'calendarExport',
  'contactsImport',
  'contactsExport',
] as const;
export type FileMethod = (typeof FILE_METHODS)[number];

export function isFileMethod(name: string): name is FileMethod {
  return (FILE_METHODS as readonly string[]).includes(name);
}

/** What an upload to the bridge is for: a package to import, a document's file to attach, or a calendar. */
export type UploadPurpose = 'package' | 'document' | 'calendar' | 'contacts';

/** A file method's input as a page sends it to the bridge: no `file`; an import or an attach names its upload. */
export type BridgeInput<M extends FileMethod> = Omit<Input<M>, 'file' | 'fileName' | 'outDir'> &
  (M extends
    | 'previewImport'
    | 'applyImport'
    | 'attachDocument'
    | 'replaceDocument'
    | 'calendarImport'
    | 'contactsImport'
    ? { upload: string }
    : unknown);

/** A file method's result through the bridge: an export or a saved document also names its download. */
export type BridgeResult<M extends FileMethod> = M extends
  'exportPackage' | 'saveDocument' | 'calendarExport' | 'contactsExport'
  ? Results[M] & { download: string }
  : Results[M];

/** What `POST /api/upload` answers: the id an import names, and the bytes received. */
export interface Upload {
  upload: string;
  size: number;
}
