// What the other side will likely seek, each with our response — one list stored on the meeting, saved
// whole when a box loses focus.
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePut } from '../../api/queries.js';
import type { Meeting } from '../../api/records.js';
import { serverFieldError } from '../../components/validation.js';
import { RowActions } from '../../components/RowActions.js';

type Pair = Meeting['theirObjectives'][number];

export function TheirObjectives({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const stored = meeting.theirObjectives ?? [];
  const [pairs, setPairs] = useState<Pair[]>(stored);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const put = usePut();
  const storedJson = JSON.stringify(stored);
  useEffect(() => setPairs(JSON.parse(storedJson) as Pair[]), [storedJson]);

  const save = (next: Pair[]) => {
    setPairs(next);
    if (JSON.stringify(next) === storedJson) return;
    setState('saving');
    put.mutate(
      { kind: 'meeting', record: { id: meeting.id, theirObjectives: next } },
      {
        onSuccess: () => (setState('saved'), setError(null)),
        onError: (failure) => (setState('failed'), setError(serverFieldError(failure, t))),
      },
    );
  };
  const edit = (index: number, key: keyof Pair, value: string) =>
    setPairs(pairs.map((pair, i) => (i === index ? { ...pair, [key]: value } : pair)));

  return (
    <section aria-labelledby="their-objectives" className="points-group">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id="their-objectives">
          {t('meetings.theirObjectives')}
        </Title>
        <Text
          size="xs"
          c={state === 'failed' ? 'red.8' : 'dimmed'}
          aria-live="polite"
          className="save-state-inline"
        >
          {state === 'idle' ? '' : t(`save.${state}`)}
        </Text>
      </Group>
      {error && (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      )}
      <Stack gap="xs" mb="xs">
        {pairs.map((pair, index) => (
          <Paper withBorder p="xs" key={index} className="part-card">
            <div className="part-head">
              <div className="two-columns grow tight">
                <Textarea
                  label={t('meetings.objective', { n: index + 1 })}
                  value={pair.objective}
                  autosize
                  minRows={1}
                  onChange={(e) => edit(index, 'objective', e.currentTarget.value)}
                  onBlur={() => save(pairs)}
                />
                <Textarea
                  label={t('meetings.response', { n: index + 1 })}
                  value={pair.response}
                  autosize
                  minRows={1}
                  onChange={(e) => edit(index, 'response', e.currentTarget.value)}
                  onBlur={() => save(pairs)}
                />
              </div>
              <RowActions
                name={t('meetings.objective', { n: index + 1 })}
                onDelete={() => save(pairs.filter((_, i) => i !== index))}
              />
            </div>
          </Paper>
        ))}
      </Stack>
      <Button variant="light" onClick={() => setPairs([...pairs, { objective: '', response: '' }])}>
        {t('meetings.addObjective')}
      </Button>
    </section>
  );
}
