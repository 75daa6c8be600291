// A field's value checked in the browser with the store's own schemas (domain/kinds.ts), so the message next to
// the field is in the user's language; the store checks again on write.
import type { TFunction } from 'i18next';
import { patchSchemas, type KindName } from '../../../domain/kinds.js';
import { fromBridgedError } from '../api/errors.js';

export type FieldInput = 'text' | 'textarea' | 'select' | 'date' | 'datetime';

export function fieldError(
  kind: KindName,
  field: string,
  value: unknown,
  input: FieldInput,
  t: TFunction,
): string | null {
  const schema = patchSchemas[kind].shape[field];
  if (!schema) return null;
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (input === 'date') return t('errors.field.date');
  if (input === 'datetime') return t('errors.field.dateTime');
  switch (issue?.code) {
    case 'too_small':
      return t('errors.field.empty');
    case 'too_big':
      return t('errors.field.tooLong');
    case 'invalid_value':
      return t('errors.field.choice');
    case 'custom':
      return t('errors.field.empty');
    default:
      return t('errors.field.invalid');
  }
}

/** An E_INVALID answer about one field (`field "title": …`), as a message in the user's language. */
export function serverFieldError(error: unknown, t: TFunction): string {
  const { code, message } = fromBridgedError(error);
  if (code === 'E_INVALID') {
    if (/must not be empty/.test(message)) return t('errors.field.empty');
    return `${t('errors.field.invalid')} (${message})`;
  }
  return `${t(`errors.${code}`, { defaultValue: t('errors.E_INTERNAL') })} (${code})`;
}

/** `2025-11-20T09:00:00-05:00` as a datetime-local input shows it: the wall-clock time, its offset kept. */
export function toLocalInput(stored: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(stored);
  return match ? match[1]! : '';
}

export function fromLocalInput(input: string, stored: string, now = new Date()): string {
  if (!input) return '';
  const kept = /(Z|[+-]\d{2}:\d{2})$/.exec(stored)?.[1];
  return `${input}:00${kept ?? localOffset(now)}`;
}

function localOffset(now: Date): string {
  const minutes = -now.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
