// The parts both imports' reports share: whether anything was written yet and the counts, and a titled list
// (events or cards skipped, people or organizations the store does not know).
import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** "Nothing written yet" (a preview) or "done", then each count under its label. */
export function ImportCounts({ dryRun, counts }: { dryRun: boolean; counts: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600}>
        {dryRun ? t('calendar.previewNote') : t('calendar.doneNote')}
      </Text>
      <dl className="import-counts">
        {Object.entries(counts).map(([count, value]) => (
          <div key={count}>
            <dt>{t(`calendar.counts.${count}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** A heading, an optional hint under it, and its items (shown only when there are some). */
export function ReportList({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children: ReactNode[];
}) {
  if (children.length === 0) return null;
  return (
    <>
      <Title order={3} size="h5">
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <ul className="import-list">{children}</ul>
    </>
  );
}
