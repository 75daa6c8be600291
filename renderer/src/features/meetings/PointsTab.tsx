// Points to make, grouped as the book prints them: certain, possible, defensive, press. Each group is
// ordered on its own.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TALKING_POINT_KINDS } from '../../../../domain/kinds.js';
import type { Meeting, TalkingPoint } from '../../api/records.js';
import { OrderedListEditor, useMeetingParts } from '../../components/OrderedListEditor.js';
import { TheirObjectives } from './TheirObjectives.js';

export function PointsTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const points = useMeetingParts<TalkingPoint>('talkingPoint', meeting.id);
  return (
    <Stack gap="lg" maw={900}>
      {points.errors}
      {TALKING_POINT_KINDS.map((kind) => {
        const groupLabel = t(`enums.talkingPoint.${kind}`);
        return (
          <section key={kind} aria-labelledby={`points-${kind}`} className="points-group" data-kind={kind}>
            <Title order={2} size="h4" id={`points-${kind}`} mb="xs">
              {groupLabel}
            </Title>
            <OrderedListEditor
              parts={points}
              items={points.all.filter((p) => p.kind === kind)}
              itemName={(point) => point.text.slice(0, 100)}
              empty={
                <Text size="sm" c="dimmed" mb="xs">
                  {t('meetings.noPoints')}
                </Text>
              }
              fields={[{ field: 'text', label: (index) => `${groupLabel} ${index + 1}`, multiline: true }]}
              add={{
                label: t('meetings.newPoint', { kind: groupLabel.toLowerCase() }),
                buttonLabel: t('meetings.addPoint'),
                multiline: true,
                record: (text) => ({ kind, text }),
              }}
            />
          </section>
        );
      })}
      <TheirObjectives meeting={meeting} />
    </Stack>
  );
}
