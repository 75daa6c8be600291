// Who attends, on our side and theirs, in protocol order.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIDES } from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import { useApiMutation, useList } from '../../api/queries.js';
import type { Participant } from '../../api/records.js';
import { AddText } from '../../components/AddText.js';
import { EditableField } from '../../components/EditableField.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { moved, nextPosition } from '../../components/ordering.js';
import { RowActions } from '../../components/RowActions.js';

export function ParticipantsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const people = useList<Participant>('participant', { meetingId });
  const write = useApiMutation((record: unknown) => api().put({ kind: 'participant', record }));
  const remove = useApiMutation((id: string) => api().delete({ kind: 'participant', id }));
  const all = people.data ?? [];
  return (
    <Stack gap="md">
      {people.error && <ErrorMessage error={people.error} />}
      {write.error && <ErrorMessage error={write.error} />}
      <div className="two-columns">
        {SIDES.map((side) => {
          const group = all.filter((p) => p.side === side);
          return (
            <section key={side} aria-labelledby={`side-${side}`}>
              <Title order={2} size="h4" id={`side-${side}`} mb="xs">
                {t(`enums.side.${side}`)}
              </Title>
              {people.isSuccess && group.length === 0 && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('common.empty')}
                </Text>
              )}
              <ol className="ordered-list">
                {group.map((person, index) => (
                  <li key={person.id}>
                    <Paper withBorder p="xs" className="part-card">
                      <div className="part-head">
                        <div className="field-row grow">
                          <EditableField
                            kind="participant"
                            id={person.id}
                            field="name"
                            value={person.name}
                            label={t('fields.name')}
                          />
                          <EditableField
                            kind="participant"
                            id={person.id}
                            field="role"
                            value={person.role}
                            label={t('fields.role')}
                          />
                        </div>
                        <RowActions
                          name={person.name}
                          onUp={index > 0 ? () => write.mutate(moved(group, index, -1)) : null}
                          onDown={
                            index < group.length - 1 ? () => write.mutate(moved(group, index, 1)) : null
                          }
                          onDelete={() => remove.mutate(person.id)}
                        />
                      </div>
                    </Paper>
                  </li>
                ))}
              </ol>
              <AddText
                label={`${t('meetings.newParticipant')} — ${t(`enums.side.${side}`).toLowerCase()}`}
                onAdd={(name) => write.mutateAsync({ meetingId, side, name, position: nextPosition(all) })}
              />
            </section>
          );
        })}
      </div>
    </Stack>
  );
}
