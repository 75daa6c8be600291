import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES } from '../../../../domain/kinds.js';
import { useList } from '../../api/queries.js';
import type { Commitment, Party } from '../../api/records.js';
import { EditableField } from '../../components/EditableField.js';
import { enumOptions } from '../../components/options.js';

/** A commitment's fields, edited in place: text, who owes it, due date, status. */
export function CommitmentFields({ commitment: c }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const parties = useList<Party>('party');
  const base = { kind: 'commitment' as const, id: c.id };
  return (
    <>
      <EditableField
        {...base}
        field="text"
        value={c.text}
        label={t('fields.text')}
        input="textarea"
        minRows={1}
      />
      <div className="field-row">
        <EditableField
          {...base}
          field="owingPartyId"
          value={c.owingPartyId ?? ''}
          label={t('fields.owingPartyId')}
          input="select"
          options={[
            { value: '', label: t('common.none') },
            ...(parties.data ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          toStored={(value) => value || null}
        />
        <EditableField {...base} field="dueDate" value={c.dueDate} label={t('fields.dueDate')} input="date" />
        <EditableField
          {...base}
          field="status"
          value={c.status}
          label={t('fields.status')}
          input="select"
          options={enumOptions(COMMITMENT_STATUSES, 'commitmentStatus', t)}
        />
      </div>
    </>
  );
}
