// pdf.js for the book preview, loaded only when a preview opens (its own chunk). The worker is bundled as a
// same-origin file (the CSP allows workers from 'self' only), and nothing is evaluated from strings.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

/** Opens PDF bytes already in memory: no fetching, no eval, no system or remote fonts. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    // Warnings (e.g. about fonts) would reach the console; the book embeds its fonts.
    verbosity: 0,
  }).promise;
}

export interface PageDrawing {
  done: Promise<void>;
  /** Stops drawing (a canvas takes one drawing at a time); `done` then rejects. */
  cancel(): void;
}

/** Draws one page into a canvas, scaled to a CSS width, sharp on high-density screens. */
export function renderPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  pixelRatio = window.devicePixelRatio || 1,
): PageDrawing {
  let cancelled = false;
  let cancelTask = () => {};
  const done = pdf.getPage(pageNumber).then((page) => {
    if (cancelled) throw Object.assign(new Error('cancelled'), { name: 'RenderingCancelledException' });
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * pixelRatio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / pixelRatio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / pixelRatio)}px`;
    const task = page.render({ canvas, viewport });
    cancelTask = () => task.cancel();
    return task.promise;
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      cancelTask();
    },
  };
}

/** base64 (how bookPdf carries the bytes across IPC and the bridge's JSON) to bytes. */
export function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
