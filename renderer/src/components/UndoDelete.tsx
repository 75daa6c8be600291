// After a record was deleted from its page: "«title» deleted" with Undo, which restores it and opens it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useApiMutation } from '../api/queries.js';
import { setLastDeleted, useLastDeleted } from '../app/deleted.js';
import { openRecord } from '../app/openRecord.js';
import { ErrorMessage } from './ErrorMessage.js';

export function UndoDelete() {
  const { t } = useTranslation();
  const deleted = useLastDeleted();
  const restore = useApiMutation(() => api().restore({ kind: deleted!.kind, id: deleted!.id }));
  if (!deleted) return null;
  const undo = () =>
    restore.mutate(undefined, {
      onSuccess: () => {
        setLastDeleted(null);
        void openRecord(deleted.kind, deleted.id);
      },
    });
  return (
    <Alert color="gray" variant="light" role="status" className="undo-delete" mb="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('records.delete.done', { title: deleted.title })}</Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={undo} loading={restore.isPending}>
            {t('common.undo')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setLastDeleted(null)}>
            {t('common.close')}
          </Button>
        </Group>
      </Group>
      {restore.error && <ErrorMessage error={restore.error} />}
    </Alert>
  );
}
