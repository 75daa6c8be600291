// A protected copy of a book: the PDF encrypted with AES-256 (ISO 32000-2's standard security handler, via
// pdf-lib) under the reader's passphrase; printing allowed, copying text and editing not. The owner password,
// which would lift those restrictions, is random and kept nowhere. Encryption takes random salts, so a
// protected copy is the one output of `book` that is not byte-for-byte reproducible.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { randomBytes } from 'node:crypto';

export async function protectPdf(pdf: Buffer, passphrase: string): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.encrypt({
    algorithm: 'AES-256',
    userPassword: passphrase,
    ownerPassword: randomBytes(32).toString('base64url'),
    permissions: {
      printing: 'highResolution',
      modifying: false,
      copying: false,
      annotating: false,
      fillingForms: false,
      // Screen readers may still read it aloud (PDF's accessibility permission).
      contentAccessibility: true,
      documentAssembly: false,
    },
  });
  encryptStrings(doc);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * pdf-lib's writer encrypts streams only. A reader decrypts every string too (7.6.2), so the strings left as
 * written — the title, the language, the named destinations the contents and the bookmarks jump to, the
 * structure's text alternatives — would read as noise: encrypt them, each under its object's key.
 */
function encryptStrings(doc: PDFDocument): void {
  const { context } = doc;
  const security = context.security;
  if (!security) throw new Error('the document is not set up for encryption');
  const skip = context.trailerInfo.Encrypt; // the security handler's own dictionary stays as it is
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (skip instanceof PDFRef && ref === skip) continue;
    const encryptFn = security.getEncryptFn(ref.objectNumber, ref.generationNumber);
    const seal = (value: PDFObject): PDFObject | undefined => {
      if (value instanceof PDFString || value instanceof PDFHexString) {
        return PDFHexString.of(Buffer.from(encryptFn(value.asBytes())).toString('hex'));
      }
      if (value instanceof PDFDict) sealDict(value);
      else if (value instanceof PDFArray) {
        for (let i = 0; i < value.size(); i++) {
          const sealed = seal(value.get(i));
          if (sealed) value.set(i, sealed);
        }
      }
      return undefined;
    };
    const sealDict = (dict: PDFDict): void => {
      for (const [key, value] of dict.entries()) {
        const sealed = seal(value);
        if (sealed) dict.set(key, sealed);
      }
    };
    if (object instanceof PDFStream) sealDict(object.dict);
    else {
      const sealed = seal(object);
      if (sealed) context.assign(ref, sealed);
    }
  }
}
