// One field of a record, edited in place: saved when it loses focus (a choice: when chosen), with a visible
// "Saved" state and the validation message next to the field, in the user's language.
import { NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindName } from '../../../domain/kinds.js';
import { usePut } from '../api/queries.js';
import { fieldError, fromLocalInput, serverFieldError, toLocalInput, type FieldInput } from './validation.js';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface EditableFieldProps {
  kind: KindName;
  id: string;
  field: string;
  value: string;
  label: string;
  input?: FieldInput;
  /** For selects: the values and their labels. */
  options?: { value: string; label: string }[];
  description?: string;
  placeholder?: string;
  minRows?: number;
  /** Turns the edited text into the stored value (e.g. '' for none in a reference). */
  toStored?: (text: string) => unknown;
  /** In a table row: the label is for screen readers only. */
  hideLabel?: boolean;
}

export function EditableField({
  kind,
  id,
  field,
  value,
  label,
  input = 'text',
  options = [],
  description,
  placeholder,
  minRows = 2,
  toStored = (text) => text,
  hideLabel = false,
}: EditableFieldProps) {
  const { t } = useTranslation();
  const shown = input === 'datetime' ? toLocalInput(value) : value;
  const [draft, setDraft] = useState(shown);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const put = usePut();
  const statusId = useId();

  // A change arriving from elsewhere (another tab, an import) replaces the draft unless it is being edited.
  useEffect(() => {
    if (state !== 'failed') setDraft(shown);
  }, [shown]);

  const save = (text: string) => {
    if (text === shown && state !== 'failed') return;
    const stored = input === 'datetime' ? fromLocalInput(text, value) : toStored(text);
    const problem = fieldError(kind, field, stored, input, t);
    if (problem) {
      setError(problem);
      setState('failed');
      return;
    }
    setError(null);
    setState('saving');
    put.mutate(
      { kind, record: { id, [field]: stored } },
      {
        onSuccess: () => setState('saved'),
        onError: (failure) => {
          setError(serverFieldError(failure, t));
          setState('failed');
        },
      },
    );
  };

  const common = {
    label,
    description,
    placeholder,
    error,
    'aria-describedby': statusId,
    className: 'editable-field',
    labelProps: hideLabel ? { className: 'visually-hidden' } : undefined,
    'data-field': field,
  };
  let control;
  if (input === 'select') {
    control = (
      <NativeSelect
        {...common}
        value={draft}
        data={options}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          save(event.currentTarget.value);
        }}
      />
    );
  } else if (input === 'textarea') {
    control = (
      <Textarea
        {...common}
        value={draft}
        autosize
        minRows={minRows}
        maxRows={16}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={() => save(draft)}
      />
    );
  } else {
    control = (
      <TextInput
        {...common}
        type={input === 'date' ? 'date' : input === 'datetime' ? 'datetime-local' : 'text'}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={() => save(draft)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save(draft);
        }}
      />
    );
  }
  return (
    <div className="field">
      {control}
      <Text
        id={statusId}
        size="xs"
        className="save-state"
        data-state={state}
        aria-live="polite"
        c={state === 'failed' ? 'red.8' : 'dimmed'}
      >
        {state === 'idle' ? '' : t(`save.${state}`)}
      </Text>
    </div>
  );
}
