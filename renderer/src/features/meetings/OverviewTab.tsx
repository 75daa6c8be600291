import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, MEETING_KINDS } from '../../../../domain/kinds.js';
import type { Meeting } from '../../api/records.js';
import { EditableField } from '../../components/EditableField.js';
import { enumOptions } from '../../components/options.js';
import { RefsField } from '../../components/RefsField.js';

export function OverviewTab({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const field = (name: keyof Meeting & string) => ({
    kind: 'meeting' as const,
    id: m.id,
    field: name,
    value: String(m[name] ?? ''),
    label: t(`fields.${name}`),
  });
  return (
    <Stack gap="sm" maw={900}>
      <EditableField {...field('title')} />
      <div className="field-row">
        <EditableField
          {...field('kind')}
          input="select"
          options={enumOptions(MEETING_KINDS, 'meetingKind', t)}
        />
        <EditableField
          {...field('classification')}
          input="select"
          options={enumOptions(CLASSIFICATIONS, 'classification', t)}
        />
        <EditableField {...field('place')} />
      </div>
      <div className="field-row">
        <EditableField {...field('start')} input="datetime" description={t('meetings.dateHint')} />
        <EditableField {...field('end')} input="datetime" description={t('meetings.dateHint')} />
        <EditableField {...field('timeZone')} placeholder="America/Lima" />
      </div>
      <RefsField
        kind="meeting"
        id={m.id}
        field="partyIds"
        value={m.partyIds}
        label={t('fields.partyIds')}
        refKind="party"
      />
      <EditableField {...field('purpose')} input="textarea" />
      <EditableField {...field('objectives')} input="textarea" minRows={3} />
      <EditableField {...field('background')} input="textarea" />
      <EditableField {...field('logistics')} input="textarea" />
      <EditableField {...field('outcome')} input="textarea" />
      <RefsField
        kind="meeting"
        id={m.id}
        field="initiativeIds"
        value={m.initiativeIds}
        label={t('fields.initiativeIds')}
        refKind="initiative"
      />
    </Stack>
  );
}
