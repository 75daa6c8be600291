// A record's documents: each with its kind, classification, language, size, who added it and when, and its
// versions; add one by choosing a file or dropping it, replace it with a new version, download it, preview a
// PDF (pdf.js) or an image. In a browser the file is uploaded to `valija serve` and downloads come back once;
// in the desktop app the app's own dialogs choose the file and where a download goes (document-files.ts).
import { Alert, Badge, Button, Group, Input, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DOCUMENT_TARGETS } from '../../../../domain/kinds.js';
import type { DocumentInfo } from '../../../../domain/results.js';
import { api, bridgeFiles } from '../../api/client.js';
import { browserDocumentFiles, desktopDocumentFiles, NoFilePath } from './document-files.js';
import { call, useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';
import { useJobProgress } from '../../components/JobProgress.js';
import { Loading } from '../../components/Loading.js';
import { PdfPages } from '../../components/PdfPages.js';
import { DocumentNotes } from './DocumentNotes.js';

/** A size as people read it: bytes, KiB or MiB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

type DocumentTarget = (typeof DOCUMENT_TARGETS)[number];
type Preview = { documentId: string; mediaType: string; bytes: Uint8Array; dataUrl?: string };

export function useDocuments(targetKind: DocumentTarget, targetId: string) {
  return useQuery({
    queryKey: ['documents', targetKind, targetId],
    queryFn: () => call(() => api().documents({ targetKind, targetId })),
  });
}

export function DocumentsPanel({ kind, id }: { kind: DocumentTarget; id: string }) {
  const { t, i18n } = useTranslation();
  const ways = useMemo(() => {
    const files = bridgeFiles();
    return files ? browserDocumentFiles(files) : desktopDocumentFiles(api());
  }, []);
  const documents = useDocuments(kind, id);
  const [preview, setPreview] = useState<Preview | null>(null);
  const pickerId = useId();
  // Once a new file's text is read, pages, statuses and where each note's passage now is are known.
  const client = useQueryClient();
  const [textJob] = useJobProgress('text');
  useEffect(() => {
    if (textJob?.phase !== 'done') return;
    void client.invalidateQueries({ queryKey: ['documents'] });
    void client.invalidateQueries({ queryKey: ['documentNotes'] });
  }, [textJob, client]);

  const noPath = (error: unknown) => {
    throw error instanceof NoFilePath ? new Error(t('documents.noPath')) : error;
  };
  const attach = useApiMutation((file?: File) =>
    ways.attach({ targetKind: kind, targetId: id }, file).catch(noPath),
  );
  const replace = useApiMutation(({ documentId, file }: { documentId: string; file?: File }) =>
    ways.replace(documentId, file).catch(noPath),
  );
  const download = useApiMutation(
    ({ documentId, version, fileName }: { documentId: string; version: number; fileName: string }) =>
      ways.download(documentId, version, fileName),
  );
  const open = useApiMutation(async (doc: DocumentInfo) => {
    const { mediaType, bytes } = await ways.bytes(doc.id);
    const shown: Preview = { documentId: doc.id, mediaType, bytes };
    if (mediaType.startsWith('image/')) shown.dataUrl = await dataUrlOf(bytes, mediaType);
    setPreview(shown);
    return shown;
  });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) attach.mutate(file);
  };
  const failure = attach.error ?? replace.error ?? download.error ?? open.error;

  return (
    <section aria-labelledby={`${pickerId}-title`} className="documents-panel">
      <Title order={2} size="h4" id={`${pickerId}-title`} mb="xs">
        {t('documents.title')}
      </Title>
      <Paper
        withBorder
        p="sm"
        mb="sm"
        className="documents-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        {ways.picksOnPage ? (
          <Input.Wrapper
            label={t('documents.add')}
            description={t('documents.dropHint')}
            labelProps={{ htmlFor: pickerId }}
          >
            <input
              id={pickerId}
              type="file"
              disabled={attach.isPending}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) attach.mutate(file);
                e.currentTarget.value = '';
              }}
            />
          </Input.Wrapper>
        ) : (
          <Group align="center">
            <Button onClick={() => attach.mutate(undefined)} loading={attach.isPending}>
              {t('documents.choose')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('documents.dropHint')}
            </Text>
          </Group>
        )}
      </Paper>
      {failure && <ErrorMessage error={failure} />}
      {documents.isPending && <Loading />}
      {documents.error && <ErrorMessage error={documents.error} />}
      {documents.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('documents.none')}
        </Text>
      )}
      <Stack gap="sm" component="ul" className="plain-list">
        {documents.data?.map((doc) => (
          <Paper component="li" withBorder p="sm" key={doc.id} aria-label={doc.title}>
            <Group justify="space-between" align="start">
              <div>
                <Text fw={600}>{doc.title}</Text>
                <Group gap={6} mt={4}>
                  <Badge variant="light">{t(`enums.documentKind.${doc.docKind}`)}</Badge>
                  <Badge variant="light" color="gray">
                    {t(`enums.classification.${doc.classification}`)}
                  </Badge>
                  {doc.language && <Badge variant="outline">{doc.language.toUpperCase()}</Badge>}
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {formatSize(doc.bytes)}
                  {doc.pages > 0 && ` · ${t('documents.pages', { count: doc.pages })}`} ·{' '}
                  {t('documents.addedBy', {
                    name: doc.addedByName || doc.addedBy,
                    date: formatDate(doc.addedAt, i18n.language),
                  })}
                </Text>
              </div>
              <Group gap={6}>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => open.mutate(doc)}
                  loading={open.isPending && open.variables?.id === doc.id}
                >
                  {t('documents.preview')}
                </Button>
                {ways.picksOnPage ? (
                  <Input.Wrapper
                    label={t('documents.replace')}
                    labelProps={{ htmlFor: `${pickerId}-${doc.id}` }}
                  >
                    <input
                      id={`${pickerId}-${doc.id}`}
                      type="file"
                      onChange={(e) => {
                        const file = e.currentTarget.files?.[0];
                        if (file) replace.mutate({ documentId: doc.id, file });
                        e.currentTarget.value = '';
                      }}
                    />
                  </Input.Wrapper>
                ) : (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => replace.mutate({ documentId: doc.id })}
                    loading={replace.isPending && replace.variables?.documentId === doc.id}
                  >
                    {t('documents.replace')}
                  </Button>
                )}
              </Group>
            </Group>
            <Text size="xs" fw={600} mt="xs">
              {t('documents.versions', { count: doc.versions.length })}
            </Text>
            <ul className="document-versions">
              {doc.versions.map((version) => (
                <li key={version.id}>
                  <Group gap={6}>
                    <Text size="xs">
                      {t('documents.version', {
                        version: version.version,
                        date: formatDate(version.addedAt, i18n.language),
                      })}{' '}
                      · {version.fileName} · {formatSize(version.bytes)}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        download.mutate({
                          documentId: doc.id,
                          version: version.version,
                          fileName: version.fileName,
                        })
                      }
                      aria-label={t('documents.downloadVersion', { version: version.version })}
                    >
                      {t('documents.download')}
                    </Button>
                  </Group>
                </li>
              ))}
            </ul>
            <DocumentNotes doc={doc} />
            {preview?.documentId === doc.id && (
              <Paper withBorder p="xs" mt="xs" aria-label={t('documents.previewOf', { title: doc.title })}>
                <Group justify="end">
                  <Button size="xs" variant="subtle" onClick={() => setPreview(null)}>
                    {t('book.preview.close')}
                  </Button>
                </Group>
                {preview.mediaType === 'application/pdf' ? (
                  <PdfPages bytes={preview.bytes} />
                ) : preview.dataUrl ? (
                  <img src={preview.dataUrl} alt={doc.title} className="document-image" />
                ) : (
                  <Alert color="gray">{t('documents.noPreview')}</Alert>
                )}
              </Paper>
            )}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

/** An image as a data: URL (the CSP allows images from 'self' and data: only). */
function dataUrlOf(bytes: Uint8Array, mediaType: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(new Blob([bytes as BlobPart], { type: mediaType }));
  });
}
