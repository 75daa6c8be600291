// Extracting documents' text into the store and the search index: the files not read yet, or every PDF
// version of one document again. Runs as the 'text' job (off the window's thread), one file at a time, each
// kept as soon as it is read, so a cancelled run keeps what it finished and the next one goes on from there.
import { documentInfo, fileContent, keepDocumentText } from '../../db/documents.js';
import { documentsShowing, pendingFiles } from '../../db/document-text.js';
import type { Db } from '../../db/connection.js';
import { ValijaError } from '../../domain/errors.js';
import type { TextExtraction } from '../../domain/results.js';
import { DEFAULT_LIMITS, ExtractionCancelled, extractPdfText, type ExtractLimits } from './text.js';

export interface ExtractOptions {
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
  limits?: Omit<ExtractLimits, 'cancelled' | 'onPage'>;
  now?: () => number;
}

const cancelled = () => new ValijaError('E_CANCELLED', 'extracting the text was cancelled');

/** The files to read: one document's PDF versions (read again), or every PDF file not read yet. */
function filesToRead(db: Db, documentId: string | undefined): string[] {
  if (documentId === undefined) return pendingFiles(db);
  const versions = documentInfo(db, documentId).versions;
  const pdfs = versions.filter((version) => version.mediaType === 'application/pdf' && version.available);
  return [...new Set(pdfs.map((version) => version.sha256))];
}

export async function extractDocumentText(
  db: Db,
  request: { documentId?: string },
  options: ExtractOptions = {},
): Promise<TextExtraction> {
  const files = filesToRead(db, request.documentId);
  const result: TextExtraction = { files: [] };
  for (const [index, sha256] of files.entries()) {
    if (options.signal?.aborted) throw cancelled();
    const content = fileContent(db, sha256);
    if (!content) continue;
    let read;
    try {
      read = await extractPdfText(content, {
        ...DEFAULT_LIMITS,
        ...options.limits,
        cancelled: () => options.signal?.aborted === true,
        onPage: (page, of) =>
          options.onProgress?.(index, files.length, `${index + 1}/${files.length}: page ${page}/${of}`),
      });
    } catch (error) {
      if (error instanceof ExtractionCancelled) throw cancelled();
      throw error;
    }
    keepDocumentText(db, sha256, read, new Date(options.now?.() ?? Date.now()).toISOString());
    result.files.push({
      sha256,
      text: read.status,
      pages: read.pages.length,
      reason: read.reason,
      documentIds: documentsShowing(db, sha256),
    });
    options.onProgress?.(index + 1, files.length);
  }
  return result;
}
