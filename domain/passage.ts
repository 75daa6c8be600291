// Finding a quoted passage in a page's text the way a reader would: accents, case and spacing ignored, so
// a passage re-typeset in a new version (other line breaks, "Declaracion" for "Declaración") is still found.

/** The passage's letters and digits only, accents removed and lower-cased. */
export function foldPassage(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The first page (1-based) whose text holds the passage, or 0 when none does. */
export function pageOfPassage(quote: string, pages: readonly string[]): number {
  const wanted = foldPassage(quote);
  if (wanted === '') return 0;
  const index = pages.findIndex((text) => foldPassage(text).includes(wanted));
  return index + 1;
}
