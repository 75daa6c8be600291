import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, runsText, type MdBlock } from '../../../electron/book/markdown.js';

const style = (src: string) =>
  parseInline(src).map((r) => [r.text, r.bold ? 'b' : '', r.italic ? 'i' : ''].join('|'));

describe('inline Markdown', () => {
  it('prints bold, italic and bold italic', () => {
    expect(style('a **b** c')).toEqual(['a ||', 'b|b|', ' c||']);
    expect(style('a *b* c')).toEqual(['a ||', 'b||i', ' c||']);
    expect(style('_b_ and __c__')).toEqual(['b||i', ' and ||', 'c|b|']);
    expect(style('***x***')).toEqual(['x|b|i']);
    expect(style('**bold *both* bold**')).toEqual(['bold |b|', 'both|b|i', ' bold|b|']);
  });

  it('leaves unmatched or spaced delimiters as literal text', () => {
    expect(runsText(parseInline('2 * 3 * 4'))).toBe('2 * 3 * 4');
    expect(runsText(parseInline('**open only'))).toBe('**open only');
    expect(style('snake_case_name')).toEqual(['snake_case_name||']);
    expect(runsText(parseInline('\\*not italic\\*'))).toBe('*not italic*');
  });

  it('prints raw HTML literally', () => {
    expect(runsText(parseInline('<script>alert(1)</script> & <b>x</b>'))).toBe(
      '<script>alert(1)</script> & <b>x</b>',
    );
  });

  it('shows links as "label (url)" and never as a live link', () => {
    expect(runsText(parseInline('See [the declaration](https://example.org/q?a=1) now'))).toBe(
      'See the declaration (https://example.org/q?a=1) now',
    );
    expect(runsText(parseInline('[https://x.org](https://x.org)'))).toBe('https://x.org');
    expect(style('[**bold** label](u)')).toEqual(['bold|b|', ' label (u)||']);
    expect(runsText(parseInline('[not a link] (x)'))).toBe('[not a link] (x)');
  });

  it('prints code spans plainly', () => {
    expect(runsText(parseInline('use `a *b* c` here'))).toBe('use a *b* c here');
  });
});

const shape = (blocks: MdBlock[]): unknown =>
  blocks.map((b) =>
    b.type === 'list'
      ? { list: b.ordered ? `ol${b.start}` : 'ul', items: b.items.map(shape) }
      : { [b.type]: runsText(b.runs) },
  );

describe('block Markdown', () => {
  it('splits paragraphs on blank lines and joins soft breaks', () => {
    expect(shape(parseMarkdown('one\ntwo\n\nthree'))).toEqual([
      { paragraph: 'one two' },
      { paragraph: 'three' },
    ]);
  });

  it('keeps hard line breaks', () => {
    expect(shape(parseMarkdown('one  \ntwo\\\nthree'))).toEqual([{ paragraph: 'one\ntwo\nthree' }]);
  });

  it('reads bullet and numbered lists, with nesting and lazy continuation', () => {
    const blocks = parseMarkdown('Intro:\n- a\n- b\n  - b1\n  - b2\ncontinued\n\n3. three\n4. four');
    expect(shape(blocks)).toEqual([
      { paragraph: 'Intro:' },
      {
        list: 'ul',
        items: [
          [{ paragraph: 'a' }],
          [
            { paragraph: 'b' },
            { list: 'ul', items: [[{ paragraph: 'b1' }], [{ paragraph: 'b2 continued' }]] },
          ],
        ],
      },
      { list: 'ol3', items: [[{ paragraph: 'three' }], [{ paragraph: 'four' }]] },
    ]);
  });

  it('does not take bold at the start of a line for a list marker', () => {
    expect(shape(parseMarkdown('**Nota:** texto'))).toEqual([{ paragraph: 'Nota: texto' }]);
  });

  it('reads headings', () => {
    expect(shape(parseMarkdown('## Título ##\ntexto'))).toEqual([
      { heading: 'Título' },
      { paragraph: 'texto' },
    ]);
  });

  it('keeps a multi-paragraph list item together', () => {
    expect(shape(parseMarkdown('1. first\n\n   more of first\n2. second'))).toEqual([
      {
        list: 'ol1',
        items: [[{ paragraph: 'first' }, { paragraph: 'more of first' }], [{ paragraph: 'second' }]],
      },
    ]);
  });
});
