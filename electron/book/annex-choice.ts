// Which documents a book prints as annexes: by default every document of the meeting, then of its initiatives,
// then of its counterparts (each group by title); or none; or the ones named, in the order named. Whatever is
// not printed is returned too, so the book's summary can name it: a document is never left out silently.
import type { Db } from '../../db/connection.js';
import { createHash } from 'node:crypto';
import { documentsOn, fileContent } from '../../db/documents.js';
import { invalid } from '../../domain/errors.js';
import type { Classification, KindName } from '../../domain/kinds.js';
import type { DocumentInfo } from '../../domain/results.js';
import type { BookAnnex } from './model.js';

/** `all`, `none`, or document ids in print order. */
export type AnnexChoice = 'all' | 'none' | readonly string[];

export interface ChosenAnnexes {
  annexes: BookAnnex[];
  /** The meeting's documents (and its initiatives' and counterparts'), with where each belongs, not chosen. */
  leftOut: { document: DocumentInfo; kind: KindName; id: string }[];
}

/** The documents a meeting's book may print, in the default order. */
export function bookDocuments(
  db: Db,
  meeting: { id: string; initiativeIds: readonly string[]; partyIds: readonly string[] },
): { document: DocumentInfo; kind: KindName; id: string }[] {
  const targets: { kind: KindName; id: string }[] = [
    { kind: 'meeting', id: meeting.id },
    ...meeting.initiativeIds.map((id) => ({ kind: 'initiative' as const, id })),
    ...meeting.partyIds.map((id) => ({ kind: 'party' as const, id })),
  ];
  const seen = new Set<string>();
  return targets.flatMap((target) =>
    documentsOn(db, target)
      .filter((document) => !seen.has(document.id) && seen.add(document.id))
      .map((document) => ({ document, ...target })),
  );
}

export function chooseAnnexes(
  db: Db,
  meeting: { id: string; initiativeIds: readonly string[]; partyIds: readonly string[] },
  choice: AnnexChoice,
): ChosenAnnexes {
  const available = bookDocuments(db, meeting);
  let chosen: typeof available;
  if (choice === 'all') chosen = available;
  else if (choice === 'none') chosen = [];
  else {
    const byId = new Map(available.map((a) => [a.document.id, a]));
    const named = new Set<string>();
    chosen = choice.map((id) => {
      const found = byId.get(id);
      if (!found) {
        throw invalid(
          `document ${id} is not one of this meeting's documents (nor of its initiatives or counterparts); valija documents <kind> <id> lists them`,
        );
      }
      if (named.has(id)) throw invalid(`document ${id} is named twice`);
      named.add(id);
      return found;
    });
  }
  const printed = new Set(chosen.map((c) => c.document.id));
  return {
    annexes: chosen.map(({ document }) => annexOf(db, document)),
    leftOut: available.filter((a) => !printed.has(a.document.id)),
  };
}

function annexOf(db: Db, document: DocumentInfo): BookAnnex {
  const current = document.current;
  const stored = current ? fileContent(db, current.sha256) : undefined;
  // A stored file that no longer matches its sha256 is never printed as if it were the document.
  const damaged =
    stored !== undefined && createHash('sha256').update(stored).digest('hex') !== current!.sha256;
  const content = damaged ? undefined : stored;
  return {
    documentId: document.id,
    title: document.title,
    fileName: current?.fileName ?? '',
    mediaType: current?.mediaType ?? '',
    bytes: current?.bytes ?? 0,
    sha256: current?.sha256 ?? '',
    classification: document.classification as Classification,
    addedAt: current?.addedAt ?? document.addedAt,
    ...(damaged ? { damaged: true } : {}),
    ...(content ? { content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength) } : {}),
  };
}
