// Counterparts as the screens name them: a name for an id, and the choices of a counterpart select, sorted
// in the user's language (the store sorts by name without regard to accents).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../api/queries.js';
import type { Party } from '../api/records.js';

/** Each counterpart's name by its id. */
export function usePartyNames(): Map<string, string> {
  const parties = useList<Party>('party');
  return useMemo(() => new Map((parties.data ?? []).map((p) => [p.id, p.name])), [parties.data]);
}

/** Every counterpart as a select's option, by name in the user's language. */
export function usePartyOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const parties = useList<Party>('party');
  return useMemo(
    () =>
      (parties.data ?? [])
        .map((p) => ({ value: p.id, label: p.name }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [parties.data, i18n.language],
  );
}
