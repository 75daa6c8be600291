// Which fields a record page shows for each kind, and how each is edited.
import {
  AREAS,
  CLASSIFICATIONS,
  INITIATIVE_STATUSES,
  PARTY_KINDS,
  PRIORITIES,
  type KindName,
} from '../../../../domain/kinds.js';
import type { FieldInput } from '../../components/validation.js';

export interface FieldView {
  field: string;
  input: FieldInput;
  /** For selects: the enum's values and its i18n group (`enums.<group>.<value>`). */
  values?: readonly string[];
  group?: string;
}

const text = (field: string): FieldView => ({ field, input: 'text' });
const area = (field: string): FieldView => ({ field, input: 'textarea' });
const choice = (field: string, values: readonly string[], group: string): FieldView => ({
  field,
  input: 'select',
  values,
  group,
});

export const RECORD_FIELDS: Partial<Record<KindName, FieldView[]>> = {
  party: [
    text('name'),
    choice('kind', PARTY_KINDS, 'partyKind'),
    text('isoCode'),
    text('region'),
    area('profile'),
    area('relationship'),
  ],
  person: [text('name'), text('role'), area('biography'), area('protocolNotes')],
  initiative: [
    text('title'),
    area('summary'),
    choice('area', AREAS, 'area'),
    choice('status', INITIATIVE_STATUSES, 'initiativeStatus'),
    choice('priority', PRIORITIES, 'priority'),
    choice('classification', CLASSIFICATIONS, 'classification'),
    { field: 'startDate', input: 'date' },
    { field: 'endDate', input: 'date' },
    text('leadUnit'),
  ],
};
