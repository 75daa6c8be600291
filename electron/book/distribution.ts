// A distribution: one numbered copy of a meeting's book per recipient — its own copy number (continuing the
// meeting's distribution record), its recipient on every page, its own clearance — into one folder, each
// copy recorded in the book history as it is printed. The same for the command line, the app and the bridge.
import { join } from 'node:path';
import { booksOfMeeting } from '../../db/books.js';
import type { Store } from '../../db/store.js';
import type { BookRecord, DistributedCopy, Distribution } from '../../domain/results.js';
import type { Classification } from '../../domain/kinds.js';

type Recipient = DistributedCopy['recipient'];
import { makePrivateDir } from '../files.js';
import type { RenderProgress } from './model.js';
import { buildCopies, type BookJobOptions, type BookRequest } from './service.js';

export interface DistributionRequest extends Omit<
  BookRequest,
  'file' | 'copyFor' | 'copyNumber' | 'clearance'
> {
  recipients: DistributedCopy['recipient'][];
  outDir: string;
}

/** The next copy number for a meeting: one past the highest any copy in its history carries. */
export function nextCopyNumber(history: BookRecord[]): number {
  return history.reduce((highest, book) => Math.max(highest, book.copyNumber), 0) + 1;
}

/** The copy printed last (ids are time-ordered), which every copy of a distribution is compared with. */
function lastPrinted(history: BookRecord[]): string | undefined {
  return history.map((b) => b.id).reduce<string | undefined>((a, b) => (a && a > b ? a : b), undefined);
}

/** A file name from a recipient's name: ASCII letters and digits only, so it travels on any disk. */
export function slug(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return ascii.slice(0, 40) || 'copia';
}

export async function distributeBook(
  store: Store,
  request: DistributionRequest,
  options: BookJobOptions = {},
): Promise<Distribution> {
  const { recipients, outDir, ...book } = request;
  makePrivateDir(outDir);
  const history = booksOfMeeting(store.db, request.meetingId);
  let copyNumber = nextCopyNumber(history);
  // Every copy marks its changes against the same earlier copy, not against the recipient before it.
  const changes =
    book.changes === undefined || book.changes === 'last' ? (lastPrinted(history) ?? 'none') : book.changes;
  // Recipients of the same clearance, one after the other, share one layout (collected and laid out once).
  const groups: { clearance?: Classification; recipients: { recipient: Recipient; copyNumber: number }[] }[] =
    [];
  for (const recipient of recipients) {
    const last = groups[groups.length - 1];
    const entry = { recipient, copyNumber: copyNumber++ };
    if (last && last.clearance === recipient.clearance) last.recipients.push(entry);
    else groups.push({ clearance: recipient.clearance, recipients: [entry] });
  }
  const copies: DistributedCopy[] = [];
  for (const group of groups) {
    options.signal?.throwIfAborted();
    const done = copies.length;
    // Progress runs over the whole distribution: each copy is its share of it.
    const onProgress = (progress: RenderProgress) =>
      options.onProgress?.({
        ...progress,
        fraction: (done + progress.fraction * group.recipients.length) / recipients.length,
      });
    const files = group.recipients.map(({ recipient, copyNumber: number }) => ({
      file: join(outDir, `copia-${String(number).padStart(3, '0')}-${slug(recipient.name)}.pdf`),
      copyFor: [recipient.name, recipient.post].filter(Boolean).join(', '),
      copyNumber: number,
    }));
    const summaries = await buildCopies(
      store,
      { ...book, changes, ...(group.clearance ? { clearance: group.clearance } : {}) },
      files,
      { ...options, onProgress },
    );
    summaries.forEach((summary, n) => {
      const { recipient, copyNumber: number } = group.recipients[n]!;
      copies.push({
        recipient,
        copyNumber: number,
        bookId: summary.id,
        file: files[n]!.file,
        sha256: summary.sha256,
        pages: summary.pages,
        withheld: summary.withheld,
      });
    });
  }
  return { meetingId: request.meetingId, outDir, copies };
}
