// A field holding references to other records (a meeting's counterparts, its initiatives): chosen from a
// searchable list, saved as soon as the choice changes.
import { MultiSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS, type KindName } from '../../../db/kinds.js';
import { useList, usePut } from '../api/queries.js';
import { serverFieldError } from './validation.js';

export function RefsField({
  kind,
  id,
  field,
  value,
  label,
  refKind,
}: {
  kind: KindName;
  id: string;
  field: string;
  value: string[];
  label: string;
  refKind: KindName;
}) {
  const { t } = useTranslation();
  const options = useList(refKind);
  const put = usePut();
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const titleField = KINDS[refKind].titleField;
  const data = (options.data ?? []).map((r) => ({ value: r.id, label: String(r[titleField] ?? '') }));
  return (
    <div className="field">
      <MultiSelect
        label={label}
        data={data}
        value={value}
        searchable
        clearable
        error={error}
        onChange={(next) => {
          setState('saving');
          put.mutate(
            { kind, record: { id, [field]: next } },
            {
              onSuccess: () => (setState('saved'), setError(null)),
              onError: (failure) => (setState('failed'), setError(serverFieldError(failure, t))),
            },
          );
        }}
        comboboxProps={{ withinPortal: true }}
      />
      <Text size="xs" className="save-state" data-state={state} aria-live="polite" c="dimmed">
        {state === 'idle' ? '' : t(`save.${state}`)}
      </Text>
    </div>
  );
}
