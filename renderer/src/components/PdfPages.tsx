// A PDF's pages drawn with pdf.js one page at a time, fitted to the width, with previous / next: the page
// viewer of the book's preview (`PdfPageView`, given the open document) and of a document's (`PdfPages`, given
// its bytes). pdf.js loads on demand, in its own chunk.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from '../features/book/pdf.js';

export const loadPdfJs = () => import('../features/book/pdf.js');

const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * One page of an open document and the bar to turn pages (`tools` at its end). The canvas is always in place,
 * so its width is measured before the document opens.
 */
export function PdfPageView(props: {
  pdf: PDFDocumentProxy | null;
  page: number;
  onPage: (page: number) => void;
  /** Known before the document opens (a book's recorded pages). */
  pages?: number;
  hidden?: boolean;
  onFailure: (message: string) => void;
  tools?: ReactNode;
  below?: ReactNode;
}) {
  const { t } = useTranslation();
  const { pdf, page, onPage, onFailure } = props;
  const { ref: frame, width } = useElementSize();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!pdf || !canvas.current || width <= 0) return;
    let drawing: { cancel(): void } | undefined;
    let gone = false;
    void loadPdfJs().then(({ renderPage }) => {
      if (gone || !canvas.current) return;
      const current = renderPage(pdf, page, canvas.current, Math.floor(width));
      drawing = current;
      current.done.catch((error: unknown) => {
        if (!gone && (error as Error)?.name !== 'RenderingCancelledException') onFailure(messageOf(error));
      });
    });
    return () => {
      gone = true;
      drawing?.cancel();
    };
  }, [pdf, page, width, onFailure]);

  const pages = pdf?.numPages ?? props.pages ?? 0;
  return (
    <>
      {!props.hidden && (
        <>
          <Group gap="xs" mb="xs" className="book-preview-bar">
            <Button
              variant="default"
              size="xs"
              onClick={() => onPage(Math.max(1, page - 1))}
              disabled={!pdf || page <= 1}
            >
              {t('book.preview.previous')}
            </Button>
            <Text size="sm" aria-live="polite" className="book-preview-page">
              {t('book.preview.pageOf', { page, pages })}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => onPage(Math.min(pages, page + 1))}
              disabled={!pdf || page >= pages}
            >
              {t('book.preview.next')}
            </Button>
            {props.tools}
          </Group>
          {props.below}
        </>
      )}
      <div className="book-preview-frame" hidden={props.hidden}>
        <div ref={frame}>
          <canvas
            ref={canvas}
            role="img"
            aria-label={t('book.preview.pageImage', { page, pages })}
            className="book-preview-page-canvas"
          />
        </div>
      </div>
    </>
  );
}

/** A PDF held in memory (a document's file), opened once per bytes and closed when they change. */
export function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const { t } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(1);

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
      .catch((error: unknown) => gone || setFailure(messageOf(error)));
    return () => {
      gone = true;
      void open?.destroy();
    };
  }, [bytes]);

  return (
    <div>
      {failure && (
        <Alert color="red" role="alert" title={t('book.preview.failed')}>
          <Text size="xs">{failure}</Text>
        </Alert>
      )}
      <PdfPageView pdf={pdf} page={page} onPage={setPage} onFailure={setFailure} />
    </div>
  );
}
