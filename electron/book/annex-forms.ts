/**
 * An annex document's pages as form XObjects in the book, the work pdf-lib's embedPages does, done faster:
 * one object copier per document, so the fonts and images its pages share are copied once (embedPage called
 * page by page copies them for every page); and a page whose content is one Flate stream keeps its
 * compressed bytes as they are, where pdf-lib inflates and deflates every page again in JavaScript (most of
 * the time a 400-page annex took). Other content is inflated and joined as pdf-lib does, then deflated by
 * Node's zlib. Deterministic: the same document gives the same objects.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFEmbeddedPage,
  PDFName,
  PDFObjectCopier,
  PDFPageEmbedder,
  PDFRawStream,
  PDFStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFDocument,
  type PDFPage,
  type PDFPageLeaf,
  type PDFRef,
} from '@cantoo/pdf-lib';

/** The part of a page drawn, in its own user space. */
export interface PageBox {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** A page's content inflated (a hostile stream that inflates beyond this is refused, not followed). */
const MAX_CONTENT_BYTES = 256 * 1024 * 1024;

/** A stream compressed with Flate alone and no parameters: its bytes can go into a form as they are. */
function isPlainFlate(stream: PDFRawStream): boolean {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const plain =
    filter === PDFName.of('FlateDecode') ||
    (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of('FlateDecode'));
  return plain && stream.dict.get(PDFName.of('DecodeParms')) === undefined;
}

function inflated(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFRawStream) {
    if (isPlainFlate(stream)) return inflateSync(stream.contents, { maxOutputLength: MAX_CONTENT_BYTES });
    return decodePDFRawStream(stream).decode();
  }
  if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
  throw new Error('an annex page has content of an unknown kind');
}

/** The form XObject of one copied page, registered under `ref`. */
function formOfPage(context: PDFContext, page: PDFPageLeaf, box: PageBox, ref: PDFRef): PDFRef {
  // Read as the page has them: normalizedEntries would wrap the content in two streams more (q … Q), and a
  // page of one Flate stream would then be inflated and deflated again.
  const contents = context.lookup(page.get(PDFName.of('Contents')));
  const streams =
    contents instanceof PDFStream
      ? [contents]
      : contents instanceof PDFArray
        ? Array.from({ length: contents.size() }, (_, i) => contents.lookup(i, PDFStream))
        : [];
  if (streams.length === 0) throw new Error('an annex page has no content');
  const Resources = context.lookup(page.getInheritableAttribute(PDFName.of('Resources'))) ?? context.obj({});
  const dict = {
    Type: 'XObject',
    Subtype: 'Form',
    FormType: 1,
    BBox: [box.left, box.bottom, box.right, box.top],
    Matrix: [1, 0, 0, 1, -box.left, -box.bottom],
    Resources: Resources as PDFDict,
    Filter: 'FlateDecode',
  };
  const only = streams.length === 1 ? streams[0] : undefined;
  const bytes =
    only instanceof PDFRawStream && isPlainFlate(only)
      ? only.contents
      : deflateSync(Buffer.concat(streams.flatMap((s) => [inflated(s), Buffer.from('\n')])));
  context.assign(ref, context.stream(bytes, dict));
  return ref;
}

/** The given pages of `source` embedded in `book`, in order, each clipped to its box. */
export async function embedAnnexPages(
  book: PDFDocument,
  source: PDFDocument,
  pages: readonly { page: PDFPage; box: PageBox }[],
): Promise<PDFEmbeddedPage[]> {
  const copy = PDFObjectCopier.for(source.context, book.context).copy;
  const embedded: PDFEmbeddedPage[] = [];
  for (const { page, box } of pages) {
    const node = copy(page.node);
    const embedder = await PDFPageEmbedder.for(node, box);
    embedder.embedIntoContext = (context: PDFContext, ref?: PDFRef) =>
      Promise.resolve(formOfPage(context, node, box, ref ?? context.nextRef()));
    const one = PDFEmbeddedPage.of(book.context.nextRef(), book, embedder);
    await one.embed();
    embedded.push(one);
  }
  return embedded;
}
