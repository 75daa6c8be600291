// The PDF's document information. pdfkit copies it into the XMP packet as raw text, so a title holding "&",
// "<" or "</dc:title>" would break that XML or inject into it: the copy it writes there is escaped, while
// the Info dictionary keeps the text as written.
import type PDFDocument from 'pdfkit';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** pdfkit's internals this relies on (0.20): `_addInfo` writes `info` into the XMP packet at `end()`. */
interface WithXmpInfo {
  info: Record<string, unknown>;
  _addInfo: () => void;
}

/** Makes `doc` write its XMP from an escaped copy of its info (call once, before `end()`). */
export function escapeXmpMetadata(doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>): void {
  const target = doc as unknown as WithXmpInfo;
  const addInfo = target._addInfo;
  if (typeof addInfo !== 'function') throw new Error('pdfkit no longer writes XMP through _addInfo');
  target._addInfo = function (this: WithXmpInfo) {
    const plain = this.info;
    this.info = Object.fromEntries(
      Object.entries(plain).map(([key, value]) => [
        key,
        typeof value === 'string' ? escapeXml(value) : value,
      ]),
    );
    try {
      addInfo.call(this);
    } finally {
      this.info = plain;
    }
  };
}
