// The programme: agenda items in order, each edited in place; add, move, delete.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../api/records.js';
import { OrderedListEditor, useMeetingParts } from '../../components/OrderedListEditor.js';

export function ProgrammeTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const items = useMeetingParts<AgendaItem>('agendaItem', meetingId);
  return (
    <Stack gap="sm" maw={900}>
      {items.errors}
      <OrderedListEditor
        parts={items}
        items={items.all}
        itemName={(item) => item.title}
        padding="sm"
        empty={<Text c="dimmed">{t('common.empty')}</Text>}
        fields={[
          { field: 'title', label: t('fields.title') },
          { field: 'time', label: t('fields.time') },
        ]}
        below={{ field: 'notes', label: t('fields.notes'), multiline: true }}
        add={{ label: t('meetings.newAgendaItem'), record: (title) => ({ title }) }}
      />
    </Stack>
  );
}
