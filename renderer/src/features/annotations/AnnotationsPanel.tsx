// Notes on a record (any kind): read them (Markdown, raw HTML shown as text), see which were written before
// the record last changed, write one (private or shared), edit (the store keeps the old version under the
// new one) and delete with Undo.
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindName } from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import { useApiMutation, useIdentity, useList } from '../../api/queries.js';
import type { Annotation } from '../../api/records.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';
import { Markdown } from '../../components/Markdown.js';

export function AnnotationsPanel({
  kind,
  id,
  targetVersion,
  headingLevel = 2,
  compact = false,
}: {
  kind: KindName;
  id: string;
  /** The target's current version: notes written on an older one are marked as such. */
  targetVersion: string;
  headingLevel?: 2 | 3;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const notes = useList<Annotation>('annotation', { targetKind: kind, targetId: id });
  const identity = useIdentity();
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useApiMutation((noteId: string) => api().delete({ kind: 'annotation', id: noteId }));
  const restore = useApiMutation((noteId: string) => api().restore({ kind: 'annotation', id: noteId }));
  const sorted = [...(notes.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const headingId = `notes-${compact ? 'side' : 'main'}`;
  return (
    <section aria-labelledby={headingId} className="annotations">
      <Title order={headingLevel} size="h4" id={headingId} mb="xs">
        {t('notes.title')}
      </Title>
      <NewNote kind={kind} id={id} compact={compact} />
      {deleted && (
        <Alert color="gray" variant="light" mt="sm" className="undo-bar" role="status">
          <Group justify="space-between">
            <Text size="sm">{t('notes.deleted')}</Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => restore.mutate(deleted, { onSuccess: () => setDeleted(null) })}
            >
              {t('common.undo')}
            </Button>
          </Group>
        </Alert>
      )}
      {notes.error && <ErrorMessage error={notes.error} />}
      {remove.error && <ErrorMessage error={remove.error} />}
      {restore.error && <ErrorMessage error={restore.error} />}
      <Stack gap="xs" mt="sm" component="ul" className="plain-list">
        {notes.isSuccess && sorted.length === 0 && (
          <Text size="sm" c="dimmed" component="li">
            {t('notes.none')}
          </Text>
        )}
        {sorted.map((note) => (
          <NoteCard
            key={note.id}
            note={note}
            mine={note.authorDevice === identity.data?.deviceId}
            stale={targetVersion > note.targetVersion}
            onDelete={() => remove.mutate(note.id, { onSuccess: () => setDeleted(note.id) })}
          />
        ))}
      </Stack>
    </section>
  );
}

function NewNote({ kind, id, compact }: { kind: KindName; id: string; compact: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const write = useApiMutation(() => api().annotate({ kind, id, text, private: isPrivate }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setError(t('errors.field.empty'));
    setError(null);
    write.mutate(undefined, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} className="new-note">
      <Textarea
        label={t('notes.write')}
        description={compact ? undefined : t('notes.body')}
        value={text}
        error={error}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={10}
      />
      <Group justify="space-between" mt="xs">
        <Switch
          size="sm"
          label={t('notes.private')}
          checked={isPrivate}
          onChange={(event) => setPrivate(event.currentTarget.checked)}
        />
        <Button type="submit" size="compact-sm" loading={write.isPending}>
          {t('notes.add')}
        </Button>
      </Group>
      {write.error && <ErrorMessage error={write.error} />}
    </form>
  );
}

function NoteCard({
  note,
  mine,
  stale,
  onDelete,
}: {
  note: Annotation;
  mine: boolean;
  stale: boolean;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const edit = useApiMutation((body: string) =>
    api().put({ kind: 'annotation', record: { id: note.id, body } }),
  );
  return (
    <Paper withBorder p="sm" component="li" className="note" data-visibility={note.visibility}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" fw={600}>
          {t('notes.by', {
            author: note.author || t('notes.unknownAuthor'),
            date: formatDate(note.createdAt, i18n.language),
          })}
        </Text>
        <Group gap={4}>
          {mine && (
            <Badge size="xs" variant="light" color="indigo">
              {t('notes.mine')}
            </Badge>
          )}
          <Badge size="xs" variant="light" color={note.visibility === 'private' ? 'grape' : 'teal'}>
            {t(`enums.visibility.${note.visibility}`)}
          </Badge>
        </Group>
      </Group>
      {stale && (
        <Text size="xs" fw={600} c="orange.9" mb={4} className="note-stale">
          {mine ? t('notes.changed') : t('notes.changedOther')}
        </Text>
      )}
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() === '') return;
            edit.mutate(draft, { onSuccess: () => setEditing(false) });
          }}
        >
          <Textarea
            label={t('notes.editNote')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group gap="xs" mt="xs">
            <Button type="submit" size="compact-sm" loading={edit.isPending}>
              {t('common.save')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
          {edit.error && <ErrorMessage error={edit.error} />}
        </form>
      ) : (
        <Markdown>{note.body}</Markdown>
      )}
      {!editing && (
        <Group gap="xs" mt={4}>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              setDraft(note.body);
              setEditing(true);
            }}
          >
            {t('common.edit')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete}>
            {t('common.delete')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
