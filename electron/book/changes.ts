/**
 * What changed since an earlier copy. Every printed book records what it contained (`BookContents`: per
 * section, per item, its stable key, a title and a hash of what was printed), kept in the book history; a
 * reissue compares its own contents with those of the copy it replaces — never with the store's later
 * state — and marks its new and changed items (a bar in the margin) and lists the rest on the changes page.
 */
import { createHash } from 'node:crypto';
import type { Block, BookAnnex, BookSection, SectionId } from './model.js';

/** The annexed documents are compared as one more section of the book. */
export const DOCUMENTS = 'documents';
export type ComparedSection = SectionId | typeof DOCUMENTS;

export interface PrintedItem {
  key: string;
  title: string;
  /** Of the item's printed content, as the model gives it (text, labels, dates). */
  hash: string;
}

export interface PrintedSection {
  id: SectionId;
  items: PrintedItem[];
}

/** What a book printed, as stored with it in the history. */
export interface BookContents {
  sections: PrintedSection[];
  /** Its annexed documents, each by the sha256 of the version printed; absent in copies recorded before. */
  documents?: PrintedItem[];
}

export interface SectionChanges {
  id: ComparedSection;
  /** Titles, in print order (removed: in the earlier copy's order). */
  added: string[];
  changed: string[];
  removed: string[];
}

export interface BookChanges {
  /** Only the sections with a change, new copy's order first, then sections it no longer has. */
  sections: SectionChanges[];
  /** Keys of the items to mark, by section. */
  marked: Map<SectionId, Set<string>>;
}

/** The card repeats the points, so its items would be listed twice: it is left out of the record. */
const NOT_RECORDED: ReadonlySet<SectionId> = new Set(['card']);

function itemContents(block: Block): unknown[] {
  switch (block.type) {
    case 'heading':
      return [];
    case 'paragraph':
      return [block.markdown];
    case 'numberedList':
    case 'bulletList':
      return block.items;
    case 'table':
      return block.rows;
    case 'keyValue':
      return block.items;
    case 'note':
      return [{ author: block.author, date: block.date, target: block.target, body: block.body }];
  }
}

const hashOf = (content: unknown): string =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);

/** The record of what a book's sections print (after portion marks: they are printed too), and its annexes. */
export function bookContents(
  sections: readonly BookSection[],
  annexes: readonly BookAnnex[] = [],
): BookContents {
  return {
    documents: annexes.map((a) => ({ key: `document:${a.documentId}`, title: a.title, hash: a.sha256 })),
    sections: sections
      .filter((s) => !NOT_RECORDED.has(s.id))
      .map((section) => ({
        id: section.id,
        items: section.blocks.flatMap((block) => {
          if (block.type === 'heading' || !block.refs) return [];
          const contents = itemContents(block);
          return block.refs.flatMap((ref, i) =>
            i < contents.length ? [{ key: ref.key, title: ref.title, hash: hashOf(contents[i]) }] : [],
          );
        }),
      }))
      .filter((s) => s.items.length > 0),
  };
}

/** Contents as stored; undefined for a book printed before contents were recorded (or unreadable). */
export function parseBookContents(stored: string): BookContents | undefined {
  if (!stored) return undefined;
  try {
    const parsed = JSON.parse(stored) as BookContents;
    return Array.isArray(parsed.sections) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export interface CompareOptions {
  /**
   * The new copy prints private notes. If not, the earlier copy's private notes are not listed as removed:
   * their words would otherwise reach a copy printed without them.
   */
  privateNotes: boolean;
}

/** What `after` adds, changes and removes since `before`, section by section, items matched by key. */
export function compareContents(
  before: BookContents,
  after: BookContents,
  options: CompareOptions,
): BookChanges {
  const sections: SectionChanges[] = [];
  const marked = new Map<SectionId, Set<string>>();
  const earlier = new Map(before.sections.map((s) => [s.id, s]));
  for (const section of after.sections) {
    const was = new Map((earlier.get(section.id)?.items ?? []).map((i) => [i.key, i]));
    const is = new Set(section.items.map((i) => i.key));
    const change: SectionChanges = { id: section.id, added: [], changed: [], removed: [] };
    const keys = new Set<string>();
    for (const item of section.items) {
      const old = was.get(item.key);
      if (old && old.hash === item.hash) continue;
      (old ? change.changed : change.added).push(item.title);
      keys.add(item.key);
    }
    for (const item of earlier.get(section.id)?.items ?? [])
      if (!is.has(item.key)) change.removed.push(item.title);
    if (keys.size) marked.set(section.id, keys);
    if (change.added.length || change.changed.length || change.removed.length) sections.push(change);
  }
  const now = new Set(after.sections.map((s) => s.id));
  for (const section of before.sections) {
    if (now.has(section.id) || (section.id === 'privateNotes' && !options.privateNotes)) continue;
    sections.push({ id: section.id, added: [], changed: [], removed: section.items.map((i) => i.title) });
  }
  // A copy recorded before books kept their annexes is not compared on them (every annex would read as new).
  if (before.documents) {
    const documents = compareItems(DOCUMENTS, before.documents, after.documents ?? []);
    if (documents) sections.push(documents);
  }
  return { sections, marked };
}

/** Added, changed (another version printed) and removed items of one list, matched by key; none: no change. */
function compareItems(
  id: ComparedSection,
  before: readonly PrintedItem[],
  after: readonly PrintedItem[],
): SectionChanges | undefined {
  const was = new Map(before.map((i) => [i.key, i]));
  const is = new Set(after.map((i) => i.key));
  const change: SectionChanges = { id, added: [], changed: [], removed: [] };
  for (const item of after) {
    const old = was.get(item.key);
    if (!old) change.added.push(item.title);
    else if (old.hash !== item.hash) change.changed.push(item.title);
  }
  for (const item of before) if (!is.has(item.key)) change.removed.push(item.title);
  return change.added.length || change.changed.length || change.removed.length ? change : undefined;
}

/** The sections with each new or changed item flagged (`changed`), for the renderer's margin bars. */
export function markChanges(sections: readonly BookSection[], changes: BookChanges): BookSection[] {
  return sections.map((section) => {
    // The card repeats the points (it is not recorded on its own): it marks what they mark.
    const keys = changes.marked.get(section.id === 'card' ? 'points' : section.id);
    if (!keys) return section;
    return {
      ...section,
      blocks: section.blocks.map((block) => {
        if (block.type === 'heading' || !block.refs) return block;
        const changed = block.refs.flatMap((ref, i) => (keys.has(ref.key) ? [i] : []));
        return changed.length ? { ...block, changed } : block;
      }),
    };
  });
}
