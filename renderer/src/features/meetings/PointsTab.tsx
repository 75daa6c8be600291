// Points to make, grouped as the book prints them: certain, possible, defensive, press. Each group is
// ordered on its own.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TALKING_POINT_KINDS } from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import { useApiMutation, useList } from '../../api/queries.js';
import type { Meeting, TalkingPoint } from '../../api/records.js';
import { AddText } from '../../components/AddText.js';
import { EditableField } from '../../components/EditableField.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { moved, nextPosition } from '../../components/ordering.js';
import { RowActions } from '../../components/RowActions.js';
import { TheirObjectives } from './TheirObjectives.js';

export function PointsTab({ meeting }: { meeting: Meeting }) {
  const meetingId = meeting.id;
  const { t } = useTranslation();
  const points = useList<TalkingPoint>('talkingPoint', { meetingId });
  const write = useApiMutation((record: unknown) => api().put({ kind: 'talkingPoint', record }));
  const remove = useApiMutation((id: string) => api().delete({ kind: 'talkingPoint', id }));
  const all = points.data ?? [];
  return (
    <Stack gap="lg" maw={900}>
      {points.error && <ErrorMessage error={points.error} />}
      {write.error && <ErrorMessage error={write.error} />}
      {TALKING_POINT_KINDS.map((kind) => {
        const group = all.filter((p) => p.kind === kind);
        const groupLabel = t(`enums.talkingPoint.${kind}`);
        return (
          <section key={kind} aria-labelledby={`points-${kind}`} className="points-group" data-kind={kind}>
            <Title order={2} size="h4" id={`points-${kind}`} mb="xs">
              {groupLabel}
            </Title>
            {points.isSuccess && group.length === 0 && (
              <Text size="sm" c="dimmed" mb="xs">
                {t('meetings.noPoints')}
              </Text>
            )}
            <ol className="ordered-list">
              {group.map((point, index) => (
                <li key={point.id}>
                  <Paper withBorder p="xs" className="part-card">
                    <div className="part-head">
                      <span className="part-number" aria-hidden>
                        {index + 1}
                      </span>
                      <div className="grow">
                        <EditableField
                          kind="talkingPoint"
                          id={point.id}
                          field="text"
                          value={point.text}
                          label={`${groupLabel} ${index + 1}`}
                          input="textarea"
                          minRows={1}
                        />
                      </div>
                      <RowActions
                        name={point.text.slice(0, 100)}
                        onUp={index > 0 ? () => write.mutate(moved(group, index, -1)) : null}
                        onDown={index < group.length - 1 ? () => write.mutate(moved(group, index, 1)) : null}
                        onDelete={() => remove.mutate(point.id)}
                      />
                    </div>
                  </Paper>
                </li>
              ))}
            </ol>
            <AddText
              multiline
              label={t('meetings.newPoint', { kind: groupLabel.toLowerCase() })}
              buttonLabel={t('meetings.addPoint')}
              onAdd={(text) => write.mutateAsync({ meetingId, kind, text, position: nextPosition(all) })}
            />
          </section>
        );
      })}
      <TheirObjectives meeting={meeting} />
    </Stack>
  );
}
