// The book reads Markdown as CommonMark does: every example of the specification (commonmark-spec)
// prints the text the specification's HTML shows, with the same words in bold and in italic. Links
// print "label (url)", images their alt text and thematic breaks "* * *", so the expected HTML is
// rewritten that way first. Raw HTML prints as text, as the screen (react-markdown) shows it: the 72
// examples holding some are compared with the screen's rendering instead. No example is left out.
import { createRequire } from 'node:module';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, type InlineRun, type MdBlock } from '../../../electron/book/markdown.js';

interface SpecExample {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] };

/**
 * The text as printed, its bold and its italic parts (each joined without separators), and the
 * shape of its lists and headings: `ol3( li … )` for a list numbered from 3, `h2` for a heading.
 */
interface Printed {
  text: string;
  bold: string;
  italic: string;
  shape: string;
}

function normalise(p: Printed): Printed {
  const clean = (s: string): string =>
    decodePercent(s)
      .replace(/[ \t\r\n]+/g, ' ')
      .trim();
  return { text: clean(p.text), bold: clean(p.bold), italic: clean(p.italic), shape: p.shape.trim() };
}

/** Percent-escapes decoded, on both sides: the HTML's hrefs are encoded, the book prints URLs as written. */
function decodePercent(s: string): string {
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

function decodeEntities(s: string): string {
  return s.replace(/&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot));/g, (_, hex, dec, name) => {
    if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
    if (dec) return String.fromCodePoint(parseInt(dec as string, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"' }[name as 'amp' | 'lt' | 'gt' | 'quot'];
  });
}

const INLINE_TAGS = new Set(['em', 'strong', 'code', 'a', 'span']);

/** What an HTML document prints, with links, images and rules rewritten as the book prints them. */
function htmlPrinted(html: string): Printed {
  const textOf = (fragment: string): string => decodeEntities(fragment.replace(/<[^>]*>/g, ''));
  const rewritten = html
    .replace(/<img src="[^"]*" alt="([^"]*)"(?: title="[^"]*")? \/>/g, '$1')
    .replace(/<a href="([^"]*)"(?: title="[^"]*")?>([\s\S]*?)<\/a>/g, (_, href: string, label: string) => {
      const url = decodePercent(decodeEntities(href));
      const text = decodePercent(textOf(label));
      return url === '' || url === text || url === `mailto:${text}` ? label : `${label} (${href})`;
    })
    .replace(/<hr \/>/g, ' * * * ');
  const out: Printed = { text: '', bold: '', italic: '', shape: '' };
  let strong = 0;
  let em = 0;
  // An empty heading prints nothing in the book: it leaves no heading in the shape either.
  const parts = rewritten.replace(/<h[1-6]><\/h[1-6]>/g, ' ').split(/(<[^>]*>)/);
  for (const part of parts) {
    const tag = /^<(\/?)([a-z0-9]+)(?: start="(\d+)")?/.exec(part);
    if (tag) {
      const step = tag[1] ? -1 : 1;
      const name = tag[2]!;
      if (name === 'ul' || name === 'ol')
        out.shape += step > 0 ? `${name}${tag[3] ?? (name === 'ol' ? 1 : '')}( ` : ') ';
      else if (name === 'li' && step > 0) out.shape += 'li ';
      else if (/^h[1-6]$/.test(name) && step > 0) out.shape += `${name} `;
      if (name === 'strong') strong += step;
      else if (name === 'em') em += step;
      else if (!INLINE_TAGS.has(name)) out.text += ' '; // a block's edge (or <br />)
      continue;
    }
    const text = decodeEntities(part);
    out.text += text;
    if (strong > 0) out.bold += text;
    if (em > 0) out.italic += text;
  }
  return normalise(out);
}

/** What the book prints for Markdown: its blocks' runs, blocks apart (or inline Markdown's runs). */
function bookPrinted(markdown: string, inline = false): Printed {
  const out: Printed = { text: '', bold: '', italic: '', shape: '' };
  const run = (r: InlineRun): void => {
    out.text += r.text;
    if (r.bold) out.bold += r.text;
    if (r.italic) out.italic += r.text;
  };
  const blocks = (list: readonly MdBlock[]): void => {
    for (const b of list) {
      if (b.type === 'list') {
        out.shape += `${b.ordered ? `ol${b.start}` : 'ul'}( `;
        for (const item of b.items) {
          out.shape += 'li ';
          blocks(item);
        }
        out.shape += ') ';
      } else {
        if (b.type === 'heading') out.shape += `h${b.level} `;
        b.runs.forEach(run);
      }
      out.text += ' ';
    }
  };
  if (inline) parseInline(markdown).forEach(run);
  else blocks(parseMarkdown(markdown));
  return normalise(out);
}

/** The screen's Markdown component, loaded at run time (its JSX is the renderer's to compile). */
const SCREEN_MARKDOWN = '../../../renderer/src/components/Markdown.tsx';
const screen = (await import(/* @vite-ignore */ SCREEN_MARKDOWN)) as {
  Markdown: (props: { children: string }) => unknown;
};

function screenHtml(markdown: string): string {
  return renderToStaticMarkup(createElement(screen.Markdown as never, { children: markdown }));
}

function holdsHtml(markdown: string): boolean {
  const walk = (node: { type: string; children?: unknown[] }): boolean =>
    node.type === 'html' || (node.children ?? []).some((c) => walk(c as typeof node));
  return walk(fromMarkdown(markdown));
}

const examples = spec.tests.map((e) => ({
  ...e,
  markdown: e.markdown.replace(/→/g, '\t'),
  html: e.html.replace(/→/g, '\t'),
}));

describe('the book prints every CommonMark example as the specification shows it', () => {
  const sections = [...new Set(examples.map((e) => e.section))];
  for (const section of sections) {
    describe(section, () => {
      for (const e of examples.filter((x) => x.section === section)) {
        it(`example ${e.number}: ${JSON.stringify(e.markdown)}`, () => {
          // Raw HTML is never interpreted: the book prints the text the screen shows instead.
          const expected = holdsHtml(e.markdown) ? htmlPrinted(screenHtml(e.markdown)) : htmlPrinted(e.html);
          expect(bookPrinted(e.markdown)).toEqual(expected);
          // A table cell or a heading reads the same inline Markdown: one paragraph prints the same.
          if (/^<p>(?:(?!<\/?p>)[\s\S])*<\/p>\n$/.test(e.html) && !/^ {0,3}\[/m.test(e.markdown))
            expect(bookPrinted(e.markdown, true)).toEqual(expected);
        });
      }
    });
  }
});
