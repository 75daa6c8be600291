// A field holding references to other records (a meeting's counterparts, its initiatives): chosen from a
// searchable list, saved as soon as the choice changes. Kinds that run to thousands of records are not
// listed whole: their choices are what the store's search finds for the text typed.
import { MultiSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KINDS, type KindName } from '../../../domain/kinds.js';
import { api } from '../api/client.js';
import { call, usePut } from '../api/queries.js';
import { serverFieldError } from './validation.js';

const SEARCHED_KINDS: readonly KindName[] = ['initiative', 'meeting'];

interface Choice {
  value: string;
  label: string;
}

/** The choices to offer: every record of a small kind; for a large one, those chosen and those found. */
function useChoices(refKind: KindName, chosen: string[], typed: string): Choice[] {
  const searched = SEARCHED_KINDS.includes(refKind);
  const titleField = KINDS[refKind].titleField;
  const label = (r: Record<string, unknown>) => String(r[titleField] ?? '');
  const all = useQuery({
    queryKey: ['list', refKind, {}],
    queryFn: () => call(() => api().list({ kind: refKind })),
    enabled: !searched,
  });
  const named = useQueries({
    queries: (searched ? chosen : []).map((id) => ({
      queryKey: ['get', refKind, id],
      queryFn: () => call(() => api().get({ kind: refKind, id })),
    })),
  });
  const [query] = useDebouncedValue(typed.trim(), 150);
  const found = useQuery({
    queryKey: ['search', query, refKind],
    queryFn: () => call(() => api().search({ query, limit: 50, kind: refKind as 'initiative' | 'meeting' })),
    enabled: searched && query !== '',
  });
  if (!searched) return (all.data ?? []).map((r) => ({ value: r.id, label: label(r) }));
  const choices = new Map<string, string>();
  chosen.forEach((id, i) => choices.set(id, named[i]?.data ? label(named[i].data) : id));
  for (const hit of found.data ?? []) if (!choices.has(hit.id)) choices.set(hit.id, hit.title);
  return [...choices].map(([value, text]) => ({ value, label: text }));
}

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
  const [typed, setTyped] = useState('');
  const data = useChoices(refKind, value, typed);
  const put = usePut();
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <MultiSelect
        label={label}
        data={data}
        value={value}
        searchable
        searchValue={typed}
        onSearchChange={setTyped}
        // The store's search already matched (accents and case folded): show what it found.
        filter={SEARCHED_KINDS.includes(refKind) ? ({ options }) => options : undefined}
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
