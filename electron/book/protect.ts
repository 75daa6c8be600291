// A protected copy of a book: the PDF encrypted with AES-256 (ISO 32000-2's standard security handler, via
// pdf-lib) under the reader's passphrase; printing allowed, copying text and editing not. The owner password,
// which would lift those restrictions, is random and kept nowhere. Encryption takes random salts, so a
// protected copy is the one output of `book` that is not byte-for-byte reproducible.
import { PDFDocument } from '@cantoo/pdf-lib';
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
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
