// Shown when a package's signer is not trusted yet (E_UNTRUSTED_SIGNER): who signed it and the key's
// fingerprint, to compare with its sender; only on an explicit "trust" is the preview run again with trust.
import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fromBridgedError } from '../../api/errors.js';

/** The signer's name and fingerprint, as the untrusted-signer error states them. */
export function untrustedSigner(error: unknown): { name: string; fingerprint: string } | null {
  const { code, message } = fromBridgedError(error);
  if (code !== 'E_UNTRUSTED_SIGNER') return null;
  const match = /\(([^()]*), fingerprint ([0-9A-F ]+)\)/i.exec(message);
  return { name: match?.[1] ?? '', fingerprint: match?.[2]?.trim() ?? '' };
}

export function TrustPrompt({
  signer,
  onTrust,
  onCancel,
}: {
  signer: { name: string; fingerprint: string };
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
      <Text size="sm">{t('sync.trustPrompt.signedBy', { name: signer.name || t('sync.keys.unnamed') })}</Text>
      {signer.fingerprint && (
        <Text size="sm" mt={4}>
          {t('sync.signer')}: <Code className="fingerprint">{signer.fingerprint}</Code>
        </Text>
      )}
      <Text size="sm" mt={4}>
        {t('sync.trustPrompt.check')}
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
