// Opening a document's PDF with pdf.js the one way every reader of stored files does: no eval, no fonts
// loaded, nothing fetched, errors tolerated — the bytes came from anyone.

/** pdf.js's loading task for `content` (copied: pdf.js takes ownership of, and may detach, its buffer). */
export async function openPdf(content: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: new Uint8Array(content),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
}
