import { useTranslation } from 'react-i18next';
import { COMMITMENT_STATUSES } from '../../../../domain/kinds.js';
import type { Commitment } from '../../api/records.js';
import { EditableField } from '../../components/EditableField.js';
import { enumOptions } from '../../components/options.js';
import { usePartyOptions } from '../../components/parties.js';

/** A commitment's fields, edited in place: text, who owes it, due date, status. */
export function CommitmentFields({ commitment: c }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const parties = usePartyOptions();
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
          options={[{ value: '', label: t('common.none') }, ...parties]}
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
