// Deleting a main record from its page: a confirmation in place, then the delete (which can be undone: the
// store keeps the record and `restore` brings it back), then the record's list with an Undo offer.
import { Button, Group, Paper, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindName } from '../../../domain/kinds.js';
import { api } from '../api/client.js';
import { call } from '../api/queries.js';
import { setLastDeleted } from '../app/deleted.js';
import { ErrorMessage } from './ErrorMessage.js';

export function DeleteRecord({
  kind,
  id,
  title,
  afterDelete,
}: {
  kind: KindName;
  id: string;
  title: string;
  /** Where to go once deleted (the record's list). */
  afterDelete: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const client = useQueryClient();
  // Leave the page and refresh everything but what is about the deleted record itself — the record, its
  // related lists, its documents — which is gone (its page, still mounted until the route changes, would
  // ask for them again and be told so).
  const remove = useMutation({
    mutationFn: () => call(() => api().delete({ kind, id })),
    onSuccess: () => {
      setLastDeleted({ kind, id, title });
      afterDelete();
      void client.invalidateQueries({
        predicate: ({ queryKey: [, , recordId] }) => recordId !== id,
      });
    },
  });
  const confirm = () => remove.mutate();
  return (
    <div className="delete-record">
      {!confirming && (
        <Button
          variant="subtle"
          color="red"
          size="xs"
          onClick={() => setConfirming(true)}
          aria-label={t('records.delete.named', { title })}
        >
          {t('records.delete.button')}
        </Button>
      )}
      {confirming && (
        <Paper withBorder p="sm" role="group" aria-label={t('records.delete.confirm', { title })}>
          <Text size="sm">{t('records.delete.confirm', { title })}</Text>
          <Group gap="xs" mt="xs">
            <Button color="red" size="xs" onClick={confirm} loading={remove.isPending} autoFocus>
              {t('common.delete')}
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Paper>
      )}
      {remove.error && <ErrorMessage error={remove.error} />}
    </div>
  );
}
