// The screens before the store opens: the first run's recovery passphrase (which creates the encrypted
// store with the demo data) and the unlock screen. Neither shows anything of the store.
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../../domain/results.js';
import { api } from '../../api/client.js';
import { fromBridgedError } from '../../api/errors.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { passphraseProblem, type PassphraseProblem } from './passphrase.js';

function LockFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="locked lock-screen" id="main">
      <Paper withBorder p="lg">
        <Title order={1} className="page-title">
          {title}
        </Title>
        {children}
      </Paper>
    </main>
  );
}

/** E_PASSPHRASE and a passphrase too easy to guess are one line under the field; anything else in full. */
function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { code, message } = fromBridgedError(error);
  if (code === 'E_PASSPHRASE' || code === 'E_INVALID') {
    return (
      <Alert color="red" variant="light" role="alert" className="error-message">
        <Text size="sm">{code === 'E_PASSPHRASE' ? t('errors.E_PASSPHRASE') : t('lock.weak')}</Text>
        {code === 'E_INVALID' && (
          <Text size="xs" c="dimmed" mt={4}>
            {message}
          </Text>
        )}
      </Alert>
    );
  }
  return <ErrorMessage error={error} />;
}

export function SetUpScreen({ onOpen }: { onOpen: (status: SessionStatus) => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = passphraseProblem(passphrase, confirmation);
    setProblem(found);
    setError(undefined);
    if (found) return;
    setBusy(true);
    try {
      onOpen(await api().setUpStore({ passphrase }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <LockFrame title={t('lock.setUpTitle')}>
      <Stack gap="sm" component="form" onSubmit={(e: React.FormEvent) => void submit(e)}>
        <Text size="sm">{t('lock.setUpWhy')}</Text>
        <Text size="sm" fw={600}>
          {t('lock.setUpKeep')}
        </Text>
        <PasswordInput
          label={t('lock.passphrase')}
          description={t('lock.strengthHint')}
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={problem === 'short' ? t('lock.short') : undefined}
          autoFocus
        />
        <PasswordInput
          label={t('lock.confirmation')}
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={problem === 'mismatch' ? t('lock.mismatch') : undefined}
        />
        {error !== undefined && <Failure error={error} />}
        <Button type="submit" loading={busy} w="fit-content">
          {t('lock.setUp')}
        </Button>
      </Stack>
    </LockFrame>
  );
}

export function UnlockScreen({
  status,
  onOpen,
}: {
  status: SessionStatus;
  onOpen: (status: SessionStatus) => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      onOpen(await api().unlockStore(status.encrypted ? { passphrase } : {}));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <LockFrame title={t('lock.lockedTitle')}>
      <Stack gap="sm" component="form" onSubmit={(e: React.FormEvent) => void submit(e)}>
        <Text size="sm">{status.encrypted ? t('lock.lockedWhy') : t('lock.plaintextWhy')}</Text>
        {status.keychain && (
          <Text size="sm" c="dimmed" data-testid="keychain-reason">
            {t('lock.keychain', { reason: status.keychain })}
          </Text>
        )}
        {status.encrypted && (
          <PasswordInput
            label={t('lock.passphrase')}
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoFocus
          />
        )}
        {error !== undefined && <Failure error={error} />}
        <Button type="submit" loading={busy} w="fit-content">
          {status.encrypted ? t('lock.unlock') : t('lock.open')}
        </Button>
      </Stack>
    </LockFrame>
  );
}
