// `valija book <meeting> --distribution FILE --out-dir DIR`: one numbered copy per recipient — its own copy
// number (continuing the meeting's distribution record), its recipient on every page, its own clearance —
// each recorded in the book history as it is printed.
import { join } from 'node:path';
import type { BookRecord, BookSummary } from '../../domain/results.js';
import { makePrivateDir } from '../files.js';
import { readRecipients, type Recipient } from './recipients.js';

export interface DistributedCopy {
  recipient: Recipient;
  copyNumber: number;
  file: string;
  sha256: string;
  pages: number;
  withheld: number;
}

type Call = (method: 'book' | 'bookHistory', input: unknown) => Promise<unknown>;

/** The next copy number for a meeting: one past the highest any copy in its history carries. */
export function nextCopyNumber(history: BookRecord[]): number {
  return history.reduce((highest, book) => Math.max(highest, book.copyNumber), 0) + 1;
}

/** The copy printed last (ids are time-ordered), which every copy of a distribution is compared with. */
function lastPrinted(history: BookRecord[]): string | undefined {
  return history.map((b) => b.id).reduce<string | undefined>((a, b) => (a && a > b ? a : b), undefined);
}

/** A file name from a recipient's name: ASCII letters and digits only, so it travels on any disk. */
function slug(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return ascii.slice(0, 40) || 'copia';
}

export async function distributeBook(
  call: Call,
  request: { meetingId: string; distribution: string; outDir: string; book: Record<string, unknown> },
): Promise<{ meetingId: string; copies: DistributedCopy[] }> {
  const recipients = readRecipients(request.distribution);
  makePrivateDir(request.outDir);
  const history = (await call('bookHistory', { meetingId: request.meetingId })) as BookRecord[];
  let copyNumber = nextCopyNumber(history);
  // Every copy marks its changes against the same earlier copy, not against the recipient before it.
  const changes =
    request.book.changes === undefined || request.book.changes === 'last'
      ? (lastPrinted(history) ?? 'none')
      : request.book.changes;
  const copies: DistributedCopy[] = [];
  for (const recipient of recipients) {
    const file = join(
      request.outDir,
      `copia-${String(copyNumber).padStart(3, '0')}-${slug(recipient.name)}.pdf`,
    );
    const summary = (await call('book', {
      ...request.book,
      changes,
      meetingId: request.meetingId,
      file,
      copyFor: [recipient.name, recipient.post].filter(Boolean).join(', '),
      copyNumber,
      ...(recipient.clearance ? { clearance: recipient.clearance } : {}),
    })) as BookSummary;
    copies.push({
      recipient,
      copyNumber,
      file,
      sha256: summary.sha256,
      pages: summary.pages,
      withheld: summary.withheld,
    });
    copyNumber++;
  }
  return { meetingId: request.meetingId, copies };
}
