// The programme: agenda items in order, each edited in place; add, move, delete.
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApiMutation, useList } from '../../api/queries.js';
import type { AgendaItem } from '../../api/records.js';
import { AddText } from '../../components/AddText.js';
import { EditableField } from '../../components/EditableField.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { moved, nextPosition } from '../../components/ordering.js';
import { RowActions } from '../../components/RowActions.js';

export function ProgrammeTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const items = useList<AgendaItem>('agendaItem', { meetingId });
  const write = useApiMutation((record: unknown) => api().put({ kind: 'agendaItem', record }));
  const remove = useApiMutation((id: string) => api().delete({ kind: 'agendaItem', id }));
  const list = items.data ?? [];
  const move = (index: number, delta: -1 | 1) => write.mutate(moved(list, index, delta));
  return (
    <Stack gap="sm" maw={900}>
      {items.error && <ErrorMessage error={items.error} />}
      {write.error && <ErrorMessage error={write.error} />}
      {items.isSuccess && list.length === 0 && <Text c="dimmed">{t('common.empty')}</Text>}
      <ol className="ordered-list">
        {list.map((item, index) => (
          <li key={item.id}>
            <Paper withBorder p="sm" className="part-card">
              <div className="part-head">
                <span className="part-number" aria-hidden>
                  {index + 1}
                </span>
                <div className="field-row grow">
                  <EditableField
                    kind="agendaItem"
                    id={item.id}
                    field="title"
                    value={item.title}
                    label={t('fields.title')}
                  />
                  <EditableField
                    kind="agendaItem"
                    id={item.id}
                    field="time"
                    value={item.time}
                    label={t('fields.time')}
                  />
                </div>
                <RowActions
                  name={item.title}
                  onUp={index > 0 ? () => move(index, -1) : null}
                  onDown={index < list.length - 1 ? () => move(index, 1) : null}
                  onDelete={() => remove.mutate(item.id)}
                />
              </div>
              <EditableField
                kind="agendaItem"
                id={item.id}
                field="notes"
                value={item.notes}
                label={t('fields.notes')}
                input="textarea"
                minRows={1}
              />
            </Paper>
          </li>
        ))}
      </ol>
      <AddText
        label={t('meetings.newAgendaItem')}
        onAdd={(title) => write.mutateAsync({ meetingId, title, position: nextPosition(list) })}
      />
    </Stack>
  );
}
