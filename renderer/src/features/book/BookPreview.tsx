// A printed book's pages, in the app: the bytes as recorded (bookPdf refuses a file changed since), drawn
// with pdf.js one page at a time, fitted to the width. "Save a copy" downloads the same bytes in a browser
// (in the desktop app the file is already on disk, so it shows where); "Print" prints the drawn pages.
import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { api, isDesktop } from '../../api/client.js';
import { call } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { loadPdfJs, PdfPageView } from '../../components/PdfPages.js';
import type { PDFDocumentProxy } from './pdf.js';

/** The last part of a path, on any platform. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || 'book.pdf';
}

export function BookPreview({ bookId, onClose }: { bookId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const book = useQuery({
    queryKey: ['bookPdf', bookId],
    queryFn: () => call(() => api().bookPdf({ bookId })),
    staleTime: Infinity,
  });
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [printing, setPrinting] = useState<string[] | null>(null);

  // Open the document once per book's bytes; close it when they change or the preview goes away.
  const base64 = book.data?.base64;
  useEffect(() => {
    if (!base64) return;
    let open: PDFDocumentProxy | undefined;
    let gone = false;
    setPdf(null);
    setFailure(null);
    setPage(1);
    loadPdfJs()
      .then(({ openPdf, bytesOf }) => openPdf(bytesOf(base64)))
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
  }, [base64]);

  const pages = pdf?.numPages ?? book.data?.pages ?? 0;
  const file = book.data?.file ?? '';

  const saveCopy = () => {
    if (!base64) return;
    void loadPdfJs().then(({ bytesOf }) => {
      const url = URL.createObjectURL(new Blob([bytesOf(base64) as BlobPart], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(file);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  };

  // Print what the reader sees: every page drawn as an image into a print-only sheet, then the browser's
  // (or the desktop window's) print dialog. The sheet is removed once printing is over.
  const print = async () => {
    if (!pdf) return;
    const images: string[] = [];
    setPrinting(images);
    try {
      const { renderPage } = await loadPdfJs();
      const sheet = document.createElement('canvas');
      for (let n = 1; n <= pdf.numPages; n++) {
        await renderPage(pdf, n, sheet, 794, 2).done;
        images.push(sheet.toDataURL('image/png'));
        setPrinting([...images]);
      }
    } catch (error) {
      setPrinting(null);
      setFailure(String((error as Error)?.message ?? error));
      return;
    }
    // Let React put the last images in place before the dialog takes its snapshot; window.print() returns
    // once the dialog is closed, and the sheet goes away with it.
    requestAnimationFrame(() => {
      document.body.classList.add('printing-book');
      try {
        window.print();
      } finally {
        document.body.classList.remove('printing-book');
        setPrinting(null);
      }
    });
  };
  const preparing = printing !== null && printing.length < pages;

  return (
    <Paper
      withBorder
      p="md"
      className="book-preview"
      aria-labelledby="book-preview-title"
      component="section"
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="book-preview-title">
          {t('book.preview.title')}
        </Title>
        <Button variant="subtle" size="xs" onClick={onClose}>
          {t('book.preview.close')}
        </Button>
      </Group>
      {book.isPending && <Loading />}
      {book.error && <ErrorMessage error={book.error} />}
      {failure && (
        <Alert color="red" role="alert" title={t('book.preview.failed')}>
          <Text size="xs">{failure}</Text>
        </Alert>
      )}
      <PdfPageView
        pdf={pdf}
        page={page}
        onPage={setPage}
        pages={book.data?.pages}
        hidden={!book.data}
        onFailure={setFailure}
        tools={
          <>
            <span className="spacer" />
            {isDesktop() ? null : (
              <Button variant="default" size="xs" onClick={saveCopy}>
                {t('book.preview.save')}
              </Button>
            )}
            <Button
              variant="default"
              size="xs"
              onClick={() => void print()}
              disabled={!pdf}
              loading={preparing}
            >
              {t('book.preview.print')}
            </Button>
          </>
        }
        below={
          <>
            <Text size="xs" c="dimmed" className="path" mb="xs">
              {t('book.preview.onDisk', { file })}
            </Text>
            {preparing && (
              <Text size="xs" aria-live="polite">
                {t('book.preview.preparing', { page: printing.length, pages })}
              </Text>
            )}
          </>
        }
      />
      {printing &&
        createPortal(
          <div className="print-pages">
            {printing.map((src, i) => (
              <img key={i} src={src} alt="" />
            ))}
          </div>,
          document.body,
        )}
    </Paper>
  );
}
