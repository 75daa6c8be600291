// Notes on a document's pages: each quotes the passage it is about and says where that passage is in the
// current version — on its page, "no longer found" (the note stays, on the page it was quoted from), or not
// yet known while the new version's text is read. A new note names its page and, optionally, the passage.
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, DocumentNote } from '../../../../domain/results.js';
import { api } from '../../api/client.js';
import { call, useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';

export function DocumentNotes({ doc }: { doc: DocumentInfo }) {
  const { t } = useTranslation();
  const notes = useQuery({
    queryKey: ['documentNotes', doc.id],
    queryFn: () => call(() => api().documentNotes({ documentId: doc.id })),
  });
  return (
    <section aria-label={t('documents.notes.of', { title: doc.title })} className="document-notes">
      <Text size="xs" fw={600} mt="xs">
        {t('documents.notes.title', { count: notes.data?.length ?? 0 })}
      </Text>
      {notes.error && <ErrorMessage error={notes.error} />}
      <Stack gap={6} component="ul" className="plain-list">
        {notes.data?.map((note) => (
          <NoteOnPage key={note.id} note={note} />
        ))}
      </Stack>
      <NewNoteOnPage doc={doc} />
    </section>
  );
}

function NoteOnPage({ note }: { note: DocumentNote }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper component="li" withBorder p="xs" className="document-note" data-status={note.status}>
      <Group gap={6}>
        {note.page > 0 && (
          <Badge size="sm" variant="light" className="document-note-page">
            {t('search.page', { page: note.page })}
          </Badge>
        )}
        {note.status === 'notFound' && (
          <Badge size="sm" color="orange" variant="light">
            {t('documents.notes.notFound', { page: note.quotedPage })}
          </Badge>
        )}
        {note.status === 'pending' && (
          <Badge size="sm" color="gray" variant="light">
            {t('documents.notes.pending')}
          </Badge>
        )}
        {note.visibility === 'private' && (
          <Badge size="sm" color="gray" variant="outline">
            {t('enums.visibility.private')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {note.author} · {formatDate(note.createdAt, i18n.language)}
        </Text>
      </Group>
      {note.quote && (
        <Text size="sm" fs="italic" className="document-note-quote" mt={4}>
          “{note.quote}”
        </Text>
      )}
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {note.body}
      </Text>
    </Paper>
  );
}

function NewNoteOnPage({ doc }: { doc: DocumentInfo }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [quote, setQuote] = useState('');
  const [page, setPage] = useState<number | string>(1);
  const [isPrivate, setPrivate] = useState(false);
  const write = useApiMutation(() =>
    api().annotate({
      kind: 'document',
      id: doc.id,
      text,
      private: isPrivate,
      page: Number(page) || undefined,
      quote: quote.trim() || undefined,
    }),
  );
  return (
    <form
      className="new-document-note"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        write.mutate(undefined, {
          onSuccess: () => {
            setText('');
            setQuote('');
          },
        });
      }}
    >
      <Group align="end" gap="xs" mt="xs" wrap="wrap">
        <NumberInput
          label={t('documents.notes.page')}
          min={1}
          max={Math.max(doc.pages, 1)}
          value={page}
          onChange={setPage}
          w={90}
          size="xs"
        />
        <TextInput
          label={t('documents.notes.quote')}
          value={quote}
          onChange={(event) => setQuote(event.currentTarget.value)}
          size="xs"
          style={{ flex: 1, minWidth: 180 }}
        />
      </Group>
      <Textarea
        label={t('documents.notes.write')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={2}
        size="xs"
        mt={4}
      />
      <Group justify="space-between" mt={4}>
        <Switch
          size="xs"
          label={t('notes.private')}
          checked={isPrivate}
          onChange={(event) => setPrivate(event.currentTarget.checked)}
        />
        <Button type="submit" size="compact-xs" loading={write.isPending} disabled={text.trim() === ''}>
          {t('documents.notes.add')}
        </Button>
      </Group>
      {write.error && <ErrorMessage error={write.error} />}
    </form>
  );
}
