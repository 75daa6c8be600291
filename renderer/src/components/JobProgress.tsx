// A heavy job's progress while it runs (a book, a package import or export), with a Cancel button: the app
// stops the job at its next safe point, and the call that started it then fails with E_CANCELLED.
import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind, ProgressEvent } from '../../../electron/api/progress.js';
import { api } from '../api/client.js';
import { call } from '../api/queries.js';

/** The latest progress of jobs of these kinds, and a way to forget it before starting a new one. */
export function useJobProgress(...kinds: JobKind[]): [ProgressEvent | null, () => void] {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const key = kinds.join(',');
  // Listening from the moment the screen opens, so the stream is connected before a job starts.
  useEffect(
    () =>
      api().onProgress((event) => {
        if (key.split(',').includes(event.kind)) setProgress(event);
      }),
    [key],
  );
  return [progress, () => setProgress(null)];
}

export function JobProgress({ progress, label }: { progress: ProgressEvent | null; label: string }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState<string | null>(null);
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const jobId = progress?.phase === 'running' ? progress.jobId : undefined;
  const cancel = () => {
    if (!jobId) return;
    setCancelling(jobId);
    call(() => api().cancelJob({ jobId })).catch(() => setCancelling(null));
  };
  return (
    <Paper withBorder p="md" className="job-progress">
      <Progress.Root size="lg">
        <Progress.Section value={percent} aria-label={label} animated />
      </Progress.Root>
      <Group justify="space-between" mt={6} wrap="nowrap">
        <Text size="xs" c="dimmed" aria-live="polite">
          {percent}% {progress?.message ?? ''}
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={cancel}
          disabled={!jobId}
          loading={!!jobId && cancelling === jobId}
        >
          {t('common.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}
