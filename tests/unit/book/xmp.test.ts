// The PDF's XMP metadata stays well-formed XML whatever a meeting's title holds: pdfkit writes the title and
// counterpart into it as raw text, so "&" or "</dc:title>" in a title once broke (or injected into) it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderBook } from '../../../electron/book/render.js';
import { oneSectionBook } from './fixtures.js';

function xmpPacket(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const start = text.indexOf('<x:xmpmeta');
  const end = text.indexOf('</x:xmpmeta>');
  expect(start, 'the PDF carries XMP metadata').toBeGreaterThan(0);
  return Buffer.from(text.slice(start, end + '</x:xmpmeta>'.length), 'latin1').toString('utf8');
}

describe('book metadata', () => {
  it('keeps the XMP well-formed and the title as written, whatever it holds', async () => {
    const title = `Consultas & "acuerdos" <2026> 'Tumbes'`;
    const counterpart = 'Ecuador</rdf:li></rdf:Alt></dc:description><dc:rights>forged</dc:rights>';
    const { pdf } = await renderBook(
      oneSectionBook([{ type: 'paragraph', markdown: 'Texto.' }], { cover: { title, counterpart } }),
    );
    const xmp = xmpPacket(pdf);
    expect(XMLValidator.validate(xmp)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: true, processEntities: true }).parse(xmp);
    const descriptions = [parsed['x:xmpmeta']['rdf:RDF']['rdf:Description']].flat();
    const dc = descriptions.find((d: Record<string, unknown>) => 'dc:title' in d);
    expect(dc['dc:title']['rdf:Alt']['rdf:li']).toBe(title);
    expect(dc['dc:description']['rdf:Alt']['rdf:li']).toBe(counterpart);
    expect(Object.keys(dc)).not.toContain('dc:rights');
  });
});
