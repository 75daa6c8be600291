// Portion marks (`book --portion-marks`): every paragraph, list item, row and note carries the classification
// of the record it comes from — (P) (R) (C) (S) in Spanish, (U) (R) (C) (S) in English — its own where the
// record has one (an initiative, what hangs from it, a note on it), the meeting's otherwise. Headings and
// fixed labels are not marked. The marks are text prefixed to the content, so layout needs no change.
import type { Classification } from '../../domain/kinds.js';
import type { Lang } from '../../domain/results.js';
import type { Block, BookSection, Text } from './model.js';

const ABBREVIATIONS: Record<Lang, Record<Classification, string>> = {
  es: { public: 'P', restricted: 'R', confidential: 'C', secret: 'S' },
  en: { public: 'U', restricted: 'R', confidential: 'C', secret: 'S' },
};

export function portionMark(lang: Lang, level: Classification): string {
  return `(${ABBREVIATIONS[lang][level]})`;
}

/** Markdown that opens with a block of its own (a list, a heading, a quote, code) keeps it: the mark goes first. */
const OPENS_A_BLOCK = /^\s*([-*+]\s|\d+[.)]\s|#|>|```|~~~|\|)/;

function markMarkdown(mark: string, markdown: string): string {
  return OPENS_A_BLOCK.test(markdown) ? `${mark}\n\n${markdown}` : `${mark} ${markdown}`;
}

function markText(mark: string, text: Text): Text {
  // A no-break space: a cell's leading space would be trimmed away.
  return [`${mark}\u00a0`, ...(Array.isArray(text) ? text : [text])];
}

function markBlock(block: Block, lang: Lang, meetingLevel: Classification): Block {
  const mark = (level?: Classification) => portionMark(lang, level ?? meetingLevel);
  switch (block.type) {
    case 'heading':
      return block;
    case 'paragraph':
      return { ...block, markdown: markMarkdown(mark(), block.markdown) };
    case 'numberedList':
    case 'bulletList':
      return { ...block, items: block.items.map((item) => `${mark()} ${item}`) };
    case 'keyValue':
      return {
        ...block,
        items: block.items.map((item) => ({ ...item, value: markText(mark(), item.value) })),
      };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row, i) =>
          row.map((cell, column) => (column === 0 ? markText(mark(block.rowLevels?.[i]), cell) : cell)),
        ),
      };
    case 'note':
      return { ...block, body: markMarkdown(mark(block.level), block.body) };
  }
}

export function markPortions(
  sections: BookSection[],
  lang: Lang,
  meetingLevel: Classification,
): BookSection[] {
  return sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) => markBlock(block, lang, meetingLevel)),
  }));
}
