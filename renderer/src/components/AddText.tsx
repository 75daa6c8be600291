// A small form that adds one record from one text: Enter or the button adds, the box empties, a failure
// shows next to the box.
import { Button, Group, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverFieldError } from './validation.js';

export function AddText({
  label,
  onAdd,
  multiline = false,
  buttonLabel,
}: {
  label: string;
  onAdd: (text: string) => Promise<unknown>;
  multiline?: boolean;
  buttonLabel?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') {
      setError(t('errors.field.empty'));
      return;
    }
    setBusy(true);
    try {
      await onAdd(text.trim());
      setText('');
      setError(null);
    } catch (failure) {
      setError(serverFieldError(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const Input = multiline ? Textarea : TextInput;
  return (
    <form onSubmit={(event) => void submit(event)} className="add-form">
      <Group align="start" gap="xs" wrap="nowrap">
        <Input
          label={label}
          value={text}
          error={error}
          onChange={(event: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) =>
            setText(event.currentTarget.value)
          }
          onKeyDown={(event: React.KeyboardEvent) => {
            if (multiline && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
          }}
          className="add-input"
          {...(multiline ? { autosize: true, minRows: 2 } : {})}
        />
        <Button type="submit" loading={busy} className="add-button" variant="light">
          {buttonLabel ?? t('common.add')}
        </Button>
      </Group>
    </form>
  );
}
