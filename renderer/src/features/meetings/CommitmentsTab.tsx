// The commitments made at this meeting, on both sides.
import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApiMutation, useList } from '../../api/queries.js';
import type { Commitment } from '../../api/records.js';
import { AddText } from '../../components/AddText.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { CommitmentFields } from '../records/CommitmentFields.js';

export function CommitmentsTab({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const commitments = useList<Commitment>('commitment', { meetingId });
  const write = useApiMutation((record: unknown) => api().put({ kind: 'commitment', record }));
  const list = commitments.data ?? [];
  return (
    <Stack gap="sm" maw={900}>
      {commitments.error && <ErrorMessage error={commitments.error} />}
      {commitments.isSuccess && list.length === 0 && <Text c="dimmed">{t('common.empty')}</Text>}
      {list.map((c) => (
        <Paper withBorder p="sm" key={c.id} className="part-card">
          <CommitmentFields commitment={c} />
        </Paper>
      ))}
      <AddText
        label={t('meetings.newCommitment')}
        multiline
        onAdd={(text) => write.mutateAsync({ meetingId, text })}
      />
    </Stack>
  );
}
