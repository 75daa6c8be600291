// PDF bytes drawn with pdf.js one page at a time, fitted to the width, with previous / next: the page viewer a
// document's preview uses (pdf.js loads on demand, as for the book's preview).
import { Alert, Button, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from '../features/book/pdf.js';

const loadPdfJs = () => import('../features/book/pdf.js');

export function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { ref: frame, width } = useElementSize();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let open: PDFDocumentProxy | undefined;
    let gone = false;
    setPdf(null);
    setFailure(null);
    setPage(1);
    // pdf.js takes the buffer over (it moves it to its worker): hand it a copy.
    loadPdfJs()
      .then(({ openPdf }) => openPdf(bytes.slice()))
      .then((doc) => {
        open = doc;
        if (gone) void doc.destroy();
        else setPdf(doc);
      })
      .catch((error: unknown) => gone || setFailure(String((error as Error)?.message ?? error)));
    return () => {
      gone = true;
      void open?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!pdf || !canvas.current || width <= 0) return;
    let drawing: { cancel(): void } | undefined;
    let gone = false;
    void loadPdfJs().then(({ renderPage }) => {
      if (gone || !canvas.current) return;
      const current = renderPage(pdf, page, canvas.current, Math.floor(width));
      drawing = current;
      current.done.catch((error: unknown) => {
        if (!gone && (error as Error)?.name !== 'RenderingCancelledException')
          setFailure(String((error as Error)?.message ?? error));
      });
    });
    return () => {
      gone = true;
      drawing?.cancel();
    };
  }, [pdf, page, width]);

  const pages = pdf?.numPages ?? 0;
  return (
    <div>
      {failure && (
        <Alert color="red" role="alert" title={t('book.preview.failed')}>
          <Text size="xs">{failure}</Text>
        </Alert>
      )}
      <Group gap="xs" mb="xs">
        <Button
          variant="default"
          size="xs"
          onClick={() => setPage((p) => Math.max(1, p - 1))}
          disabled={!pdf || page <= 1}
        >
          {t('book.preview.previous')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('book.preview.pageOf', { page, pages })}
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={() => setPage((p) => Math.min(pages, p + 1))}
          disabled={!pdf || page >= pages}
        >
          {t('book.preview.next')}
        </Button>
      </Group>
      <div className="book-preview-frame">
        <div ref={frame}>
          <canvas
            ref={canvas}
            role="img"
            aria-label={t('book.preview.pageImage', { page, pages })}
            className="book-preview-page-canvas"
          />
        </div>
      </div>
    </div>
  );
}
