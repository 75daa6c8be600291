// Who attends, on our side and theirs, in protocol order.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SIDES } from '../../../../domain/kinds.js';
import type { Participant } from '../../api/records.js';
import { OrderedListEditor, useMeetingParts } from '../../components/OrderedListEditor.js';

export function ParticipantsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const people = useMeetingParts<Participant>('participant', meetingId);
  return (
    <Stack gap="md">
      {people.errors}
      <div className="two-columns">
        {SIDES.map((side) => (
          <section key={side} aria-labelledby={`side-${side}`}>
            <Title order={2} size="h4" id={`side-${side}`} mb="xs">
              {t(`enums.side.${side}`)}
            </Title>
            <OrderedListEditor
              parts={people}
              items={people.all.filter((p) => p.side === side)}
              itemName={(person) => person.name}
              numbered={false}
              empty={
                <Text size="sm" c="dimmed" mb="xs">
                  {t('common.empty')}
                </Text>
              }
              fields={[
                { field: 'name', label: t('fields.name') },
                { field: 'role', label: t('fields.role') },
              ]}
              add={{
                label: `${t('meetings.newParticipant')} — ${t(`enums.side.${side}`).toLowerCase()}`,
                record: (name) => ({ side, name }),
              }}
            />
          </section>
        ))}
      </div>
    </Stack>
  );
}
