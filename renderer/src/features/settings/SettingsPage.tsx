// Settings: this device's author identity (name and post, written on notes and packages) and its key
// fingerprint; the UI's language; locking (idle minutes, whether the store is encrypted); where the store
// lives; and its backups, with a way to make one now.
import {
  Button,
  Code,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useApiMutation, useIdentity, useStorage } from '../../api/queries.js';
import { formatDate } from '../../components/format.js';
import { setLanguage, type Language } from '../../i18n/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { useSession } from '../lock/SessionGate.js';

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
    <Page title={t('settings.title')}>
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
      <LanguageSettings />
      <LockSettings />
      <StorageSettings />
    </Page>
  );
}

function LanguageSettings() {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" maw={560} mt="md">
      <Title order={2} size="h4" mb="sm" id="language-title">
        {t('settings.language')}
      </Title>
      <SegmentedControl
        aria-labelledby="language-title"
        value={i18n.language}
        onChange={(value) => setLanguage(value as Language)}
        data={[
          { value: 'es', label: 'Español' },
          { value: 'en', label: 'English' },
        ]}
      />
      <Text size="sm" mt="xs" c="dimmed">
        {t('settings.languageHint')}
      </Text>
    </Paper>
  );
}

/** The idle lock's choices, in minutes (0: never). */
const IDLE_LOCK_CHOICES = [0, 1, 5, 15, 30, 60];

function LockSettings() {
  const { t } = useTranslation();
  const { status, update } = useSession();
  const [error, setError] = useState<unknown>();
  const choices = IDLE_LOCK_CHOICES.includes(status.idleLockMinutes)
    ? IDLE_LOCK_CHOICES
    : [...IDLE_LOCK_CHOICES, status.idleLockMinutes].sort((a, b) => a - b);
  const choose = async (minutes: number) => {
    setError(undefined);
    try {
      update(await api().setIdleLock({ minutes }));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Paper withBorder p="md" maw={560} mt="md">
      <Title order={2} size="h4" mb="sm">
        {t('settings.lock')}
      </Title>
      <Stack gap="sm">
        <NativeSelect
          label={t('settings.idleLock')}
          value={String(status.idleLockMinutes)}
          onChange={(e) => void choose(Number(e.currentTarget.value))}
          data={choices.map((minutes) => ({
            value: String(minutes),
            label: minutes === 0 ? t('settings.idleNever') : t('settings.idleMinutes', { count: minutes }),
          }))}
          w="fit-content"
        />
        {error !== undefined && <ErrorMessage error={error} />}
        <Text size="sm" data-testid="encryption">
          {status.encrypted ? t('settings.encrypted') : t('settings.plaintext')}
        </Text>
        {!status.encrypted && (
          <Text size="sm" c="dimmed">
            {t('settings.encryptHow')} <Code>valija encrypt --new-passphrase-env VAR</Code>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const megabytes = (bytes: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 2 ** 20);

function StorageSettings() {
  const { t, i18n } = useTranslation();
  const storage = useStorage();
  const backUp = useApiMutation(() => api().backUp({}));
  return (
    <Paper withBorder p="md" maw={720} mt="md">
      <Title order={2} size="h4" mb="sm">
        {t('settings.data')}
      </Title>
      {storage.error && <ErrorMessage error={storage.error} />}
      {storage.isPending && <Loading />}
      {storage.data && (
        <Stack gap="sm">
          <Text size="sm">
            {t('settings.storeFile')}: <Code data-testid="store-file">{storage.data.file}</Code>
          </Text>
          <Text size="sm">
            {t('settings.backupsDir')}: <Code>{storage.data.backupsDir}</Code>
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.backupsHint')}
          </Text>
          {storage.data.backups.length === 0 ? (
            <Text size="sm">{t('settings.noBackups')}</Text>
          ) : (
            <Table data-testid="backups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.backupWhen')}</Table.Th>
                  <Table.Th scope="col">{t('settings.backupFile')}</Table.Th>
                  <Table.Th scope="col">{t('settings.backupSize')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {storage.data.backups.map((backup) => (
                  <Table.Tr key={backup.file}>
                    <Table.Td>{formatDate(backup.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Code>{backup.file.split(/[\\/]/).pop()}</Code>
                    </Table.Td>
                    <Table.Td>{megabytes(backup.bytes, i18n.language)} MB</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Button w="fit-content" loading={backUp.isPending} onClick={() => backUp.mutate(undefined)}>
            {t('settings.backUpNow')}
          </Button>
          {backUp.isSuccess && (
            <Text size="sm" c="teal.9" role="status">
              {t('settings.backedUp')}
            </Text>
          )}
          {backUp.error && <ErrorMessage error={backUp.error} />}
        </Stack>
      )}
    </Paper>
  );
}
