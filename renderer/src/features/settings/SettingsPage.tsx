// This device's author identity (name and post, written on notes and packages) and its key fingerprint.
import { Button, Code, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApiMutation, useIdentity } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';

export function SettingsPage() {
  const { t } = useTranslation();
  const identity = useIdentity();
  const [name, setName] = useState('');
  const [post, setPost] = useState('');
  const save = useApiMutation(() => api().identity({ name, post }));
  useEffect(() => {
    if (identity.data) {
      setName(identity.data.name);
      setPost(identity.data.post);
    }
  }, [identity.data]);
  return (
    <section aria-labelledby="page-title">
      <Title order={1} id="page-title" className="page-title">
        {t('settings.title')}
      </Title>
      {identity.error && <ErrorMessage error={identity.error} />}
      {identity.isPending && <Loading />}
      {identity.data && (
        <Paper
          withBorder
          p="md"
          maw={560}
          component="form"
          onSubmit={(e: React.FormEvent) => (e.preventDefault(), save.mutate())}
        >
          <Title order={2} size="h4" mb="sm">
            {t('settings.identity')}
          </Title>
          <Stack gap="sm">
            <TextInput
              label={t('settings.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label={t('settings.post')}
              value={post}
              onChange={(e) => setPost(e.currentTarget.value)}
            />
            <Text size="sm">
              {t('settings.device')}: <Code>{identity.data.deviceId}</Code>
            </Text>
            <Text size="sm">
              {t('settings.fingerprint')}: <Code>{identity.data.fingerprint}</Code>
            </Text>
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('common.save')}
            </Button>
            {save.isSuccess && (
              <Text size="sm" c="teal.9" role="status">
                {t('settings.saved')}
              </Text>
            )}
            {save.error && <ErrorMessage error={save.error} />}
          </Stack>
        </Paper>
      )}
    </section>
  );
}
