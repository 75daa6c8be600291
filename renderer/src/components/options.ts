import type { TFunction } from 'i18next';

/** A stored enum's values with their labels in the user's language (i18n key `enums.<group>.<value>`). */
export function enumOptions(values: readonly string[], group: string, t: TFunction) {
  return values.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));
}
