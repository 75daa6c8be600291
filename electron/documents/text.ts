// Reading a PDF's text page by page with pdf.js, for search and for finding quoted passages. Every byte is
// hostile: pdf.js runs without eval and without font loading, pages and time are bounded, and anything that
// goes wrong becomes a status — never an exception.
import { openPdf } from './pdf.js';
import type { TextStatus } from '../../domain/results.js';

export interface ExtractedText {
  status: Extract<TextStatus, 'indexed' | 'scanned' | 'failed'>;
  /** Each page's text (1-based page n is pages[n - 1]); empty unless status is 'indexed'. */
  pages: string[];
  /** Why it failed, or what was left out; '' otherwise. */
  reason: string;
}

export interface ExtractLimits {
  /** Pages read at most; a longer document is indexed up to here (and says so). */
  maxPages: number;
  /** Characters kept per page, and in all (past it, the rest of the document is left unread). */
  maxPageChars: number;
  maxTotalChars?: number;
  /** Milliseconds for the whole document; past it, it fails with a reason. */
  maxMs: number;
  /** Asked between pages: true stops the reading (the job was cancelled). */
  cancelled?: () => boolean;
  /** Told after each page. */
  onPage?: (page: number, of: number) => void;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxPages: 5_000,
  maxPageChars: 100_000,
  maxTotalChars: 20_000_000,
  maxMs: 120_000,
};

export class ExtractionCancelled extends Error {}

interface TextItemLike {
  str?: unknown;
  hasEOL?: unknown;
}

/** A page's text items as lines: a space between runs, a line break where pdf.js saw one. */
function pageText(items: readonly TextItemLike[], maxChars: number): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str === 'string') text += item.str;
    text += item.hasEOL === true ? '\n' : ' ';
    if (text.length > maxChars) break;
  }
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim()
    .slice(0, maxChars);
}

function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new Error('took too long'));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('took too long')), left);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The text of a PDF, page by page; a PDF whose pages hold no text at all is 'scanned'. */
export async function extractPdfText(
  content: Uint8Array,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Promise<ExtractedText> {
  const deadline = Date.now() + limits.maxMs;
  const task = await openPdf(content);
  try {
    const pdf = await withDeadline(task.promise, deadline);
    const count = Math.min(pdf.numPages, limits.maxPages);
    const pages: string[] = [];
    let total = 0;
    for (let n = 1; n <= count; n++) {
      if (limits.cancelled?.()) throw new ExtractionCancelled();
      if (total > (limits.maxTotalChars ?? Infinity)) break;
      const page = await withDeadline(pdf.getPage(n), deadline);
      const content = await withDeadline(page.getTextContent(), deadline);
      pages.push(pageText(content.items as TextItemLike[], limits.maxPageChars));
      total += pages.at(-1)!.length;
      page.cleanup();
      limits.onPage?.(n, count);
    }
    if (pages.every((text) => text === '')) return { status: 'scanned', pages: [], reason: '' };
    const reason =
      pdf.numPages > pages.length
        ? `only the first ${pages.length} of its ${pdf.numPages} pages were read`
        : '';
    return { status: 'indexed', pages, reason };
  } catch (error) {
    if (error instanceof ExtractionCancelled) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'failed', pages: [], reason: message.slice(0, 300) || 'pdf.js could not read it' };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
