// Shown when a package's signer is not trusted yet (E_UNTRUSTED_SIGNER): the key's fingerprint, to compare
// with its sender, and apart from it the name the signer gives itself, labelled as its own claim. Both come
// from the error's details, never from its sentence. Only on an explicit "trust" is the preview run again,
// trusting exactly that fingerprint.
import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignerDetails } from '../../../../domain/errors.js';
import { fromBridgedError } from '../../api/errors.js';

/** The untrusted signer as the error's details state it (null for any other error, or none given). */
export function untrustedSigner(error: unknown): SignerDetails | null {
  if (!error) return null;
  const { code, details } = fromBridgedError(error);
  return code === 'E_UNTRUSTED_SIGNER' && details?.signer ? details.signer : null;
}

export function TrustPrompt({
  signer,
  onTrust,
  onCancel,
}: {
  signer: SignerDetails;
  onTrust: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('sync.trustPrompt.title')}
      role="alertdialog"
      className="trust-prompt"
      aria-label={t('sync.trustPrompt.title')}
    >
      <Text size="sm">
        {t('sync.signer')}: <Code className="fingerprint">{signer.fingerprint}</Code>
      </Text>
      <Text size="sm" mt={4}>
        {t('sync.trustPrompt.check')}
      </Text>
      <Text size="xs" c="dimmed" mt="xs">
        {t('sync.trustPrompt.claimedName')}
      </Text>
      <Text size="sm" className="claimed-name" dir="auto">
        {signer.claimedName || t('sync.keys.unnamed')}
      </Text>
      <Group gap="xs" mt="sm">
        <Button size="xs" onClick={onTrust}>
          {t('sync.trustPrompt.trust')}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Alert>
  );
}
