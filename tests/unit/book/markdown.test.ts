import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import {
  parseInline,
  parseMarkdown,
  runsText,
  runsWithoutParser,
  type InlineRun,
  type MdBlock,
} from '../../../electron/book/markdown.js';

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

  it('reads as CommonMark where the old hand-written reader did not', () => {
    expect(style('&#42;foo&#42;')).toEqual(['*foo*||']);
    expect(style('*foo**bar*')).toEqual(['foo**bar||i']);
    expect(style('**foo*bar*baz**')).toEqual(['foo|b|', 'bar|b|i', 'baz|b|']);
    expect(style('`code\\`')).toEqual(['code\\||']);
    expect(style('AT&amp;T &copy; &#x41;')).toEqual(['AT&T © A||']);
  });

  it('prints images as their alt text, and autolinks once', () => {
    expect(runsText(parseInline('![the *map*](m.png) <https://x.org> <a@b.org>'))).toBe(
      'the map https://x.org a@b.org',
    );
  });

  it('reads block syntax in a cell or a heading as text', () => {
    expect(runsText(parseInline('# 1. not a list'))).toBe('# 1. not a list');
    expect(runsText(parseInline('one\n\ntwo'))).toBe('one\ntwo');
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

  it('takes a line holding only * after a paragraph line for text, not a bullet', () => {
    expect(shape(parseMarkdown('foo\n*'))).toEqual([{ paragraph: 'foo *' }]);
    expect(shape(parseMarkdown('foo\n*\nbar'))).toEqual([{ paragraph: 'foo * bar' }]);
  });

  it('prints raw HTML blocks as the text the screen shows', () => {
    expect(shape(parseMarkdown('<div>\n<script>alert(1)</script>\n</div>'))).toEqual([
      { paragraph: '<div> <script>alert(1)</script> </div>' },
    ]);
  });

  it('prints code blocks line by line, quotes in line and rules as asterisks', () => {
    expect(shape(parseMarkdown('```\na  b\nc\n```\n\n> quoted\n\n---\n\nafter'))).toEqual([
      { paragraph: 'a  b\nc' },
      { paragraph: 'quoted' },
      { paragraph: '* * *' },
      { paragraph: 'after' },
    ]);
  });

  it('reads setext headings and numbered lists from any start', () => {
    expect(shape(parseMarkdown('Título\n===\n\n0. cero'))).toEqual([
      { heading: 'Título' },
      { list: 'ol0', items: [[{ paragraph: 'cero' }]] },
    ]);
  });

  it('prints reference links with the URL of their definition', () => {
    expect(shape(parseMarkdown('[ref] and [x][ref]\n\n[ref]: /u'))).toEqual([
      { paragraph: 'ref (/u) and x (/u)' },
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

describe('parsing cost', () => {
  it('skips the parser only where it would read the same', () => {
    // The parser's reading, where it is one paragraph of text, strong and emphasis words.
    const parsed = (source: string): InlineRun[] | null => {
      const [paragraph, ...rest] = fromMarkdown(source).children;
      if (paragraph?.type !== 'paragraph' || rest.length > 0) return null;
      const runs: InlineRun[] = [];
      for (const node of paragraph.children) {
        const [inner, ...more] = 'children' in node ? node.children : [];
        if (node.type === 'text') runs.push({ text: node.value, bold: false, italic: false });
        else if (
          (node.type === 'strong' || node.type === 'emphasis') &&
          inner?.type === 'text' &&
          !more.length
        )
          runs.push({ text: inner.value, bold: node.type === 'strong', italic: node.type === 'emphasis' });
        else return null;
      }
      return runs;
    };
    const word = fc.constantFrom('ab', 'é', '1', 'Año');
    const delimiter = fc.constantFrom('*', '**', '_', '__', '***');
    const token = fc.oneof(
      { arbitrary: word, weight: 4 },
      { arbitrary: fc.constantFrom(' ', '.', ',', ')', '(', '!', ':'), weight: 4 },
      { arbitrary: fc.tuple(delimiter, word).map(([d, w]) => d + w + d), weight: 3 },
      { arbitrary: delimiter, weight: 1 },
      {
        arbitrary: fc.constantFrom(...'\t\n\r#-+=~>`\\[]<&\u00a0\u0000'.split(''), '1.', '&amp;'),
        weight: 1,
      },
    );
    let styledReadings = 0;
    fc.assert(
      // Tokens run together or apart (apart, most delimiters are where they may open and close).
      fc.property(fc.array(token, { maxLength: 10 }), fc.boolean(), (tokens, apart) => {
        const source = tokens.join(apart ? ' ' : '');
        const runs = runsWithoutParser(source);
        if (runs === null) return;
        if (runs.some((r) => r.bold || r.italic)) styledReadings++;
        expect(runs).toEqual(parsed(source));
      }),
      { numRuns: 5_000 },
    );
    expect(styledReadings).toBeGreaterThan(300);
    for (const s of ['Perú', '2026-01-15', 'Tema 1: diálogo (técnico).', 'El **Plan** y *la* _acción_.'])
      expect(runsWithoutParser(s)).not.toBeNull();
    for (const s of [
      '1. a',
      '# a',
      '- a',
      'a*b',
      'a **b **c',
      '**Nota:** x',
      ' a',
      'a ',
      'a\nb',
      '&amp;',
      '',
    ])
      expect(runsWithoutParser(s)).toBeNull();
  });

  it('parses a source once and shares the frozen result', () => {
    const source = 'A **shared** note\n\n- one\n- two';
    const first = parseMarkdown(source);
    expect(parseMarkdown(source)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    expect(() => {
      (first[0] as { type: string }).type = 'heading';
    }).toThrow(TypeError);
    expect(parseInline('`cell`')).toBe(parseInline('`cell`'));
  });
});
