// A record's documents: each with its kind, classification, language, size, who added it and when, and its
// versions; add one by choosing a file or dropping it, replace it with a new version, download it, preview a
// PDF (pdf.js) or an image. In a browser the file is uploaded to `valija serve` and downloads come back once;
// in the desktop app a file is named by its path on this computer, and previews are not yet available there.
import { Alert, Badge, Button, Group, Input, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DOCUMENT_TARGETS } from '../../../../domain/kinds.js';
import type { DocumentInfo } from '../../../../domain/results.js';
import { api, bridgeFiles } from '../../api/client.js';
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
  const files = bridgeFiles();
  const documents = useDocuments(kind, id);
  const [path, setPath] = useState('');
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

  const attach = useApiMutation(async (file: File | string) => {
    if (typeof file === 'string') return api().attachDocument({ targetKind: kind, targetId: id, file });
    if (!files) throw new Error(t('documents.desktopPick'));
    const { upload } = await files.upload(file, 'document', file.name);
    return files.call('attachDocument', { targetKind: kind, targetId: id, upload });
  });
  const replace = useApiMutation(async ({ documentId, file }: { documentId: string; file: File }) => {
    if (!files) throw new Error(t('documents.desktopPick'));
    const { upload } = await files.upload(file, 'document', file.name);
    return files.call('replaceDocument', { documentId, upload });
  });
  const download = useApiMutation(
    async ({ documentId, version }: { documentId: string; version: number }) => {
      if (!files) throw new Error(t('documents.desktopNotYet'));
      const saved = await files.call('saveDocument', { documentId, version });
      await files.save(saved.download, saved.fileName);
      return saved;
    },
  );
  const open = useApiMutation(async (doc: DocumentInfo) => {
    if (!files) throw new Error(t('documents.desktopNotYet'));
    const saved = await files.call('saveDocument', { documentId: doc.id });
    const bytes = await files.fetchBytes(saved.download);
    const shown: Preview = { documentId: doc.id, mediaType: saved.mediaType, bytes };
    if (saved.mediaType.startsWith('image/')) shown.dataUrl = await dataUrlOf(bytes, saved.mediaType);
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
        {files ? (
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
          <Group align="end">
            <TextInput
              label={t('documents.addPath')}
              value={path}
              onChange={(e) => setPath(e.currentTarget.value)}
            />
            <Button onClick={() => attach.mutate(path)} disabled={!path} loading={attach.isPending}>
              {t('documents.attach')}
            </Button>
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
                {files && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => open.mutate(doc)}
                    loading={open.isPending && open.variables?.id === doc.id}
                  >
                    {t('documents.preview')}
                  </Button>
                )}
                {files && (
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
                    {files && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => download.mutate({ documentId: doc.id, version: version.version })}
                        aria-label={t('documents.downloadVersion', { version: version.version })}
                      >
                        {t('documents.download')}
                      </Button>
                    )}
                  </Group>
                </li>
              ))}
            </ul>
            {!files && (
              <Text size="xs" c="dimmed">
                {t('documents.desktopNotYet')}
              </Text>
            )}
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
