// A list's filter: "all" (the empty value) or one value.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('common.all') }, ...options]}
      className="filter"
    />
  );
}
