// The package signers this device trusts: who, their key's fingerprint, since when; each can be removed
// after a confirmation (its packages are then refused until trusted again).
import { Button, Code, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { call, useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';

export function TrustedKeys() {
  const { t, i18n } = useTranslation();
  const keys = useQuery({ queryKey: ['trustedKeys'], queryFn: () => call(() => api().trustedKeys({})) });
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useApiMutation((fingerprint: string) => api().untrustKey({ fingerprint }));
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="trusted-keys-title"
      className="trusted-keys"
    >
      <Title order={2} size="h4" mb="xs" id="trusted-keys-title">
        {t('sync.keys.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sync.keys.hint')}
      </Text>
      {keys.error && <ErrorMessage error={keys.error} />}
      {remove.error && <ErrorMessage error={remove.error} />}
      {keys.isSuccess && keys.data.length === 0 && <Text size="sm">{t('sync.keys.none')}</Text>}
      {keys.isSuccess && keys.data.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.keys.name')}</Table.Th>
              <Table.Th>{t('sync.signer')}</Table.Th>
              <Table.Th>{t('sync.keys.since')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('common.delete')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((key) => {
              const name = key.label || t('sync.keys.unnamed');
              return (
                <Table.Tr key={key.fingerprint}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Code>{key.fingerprint}</Code>
                  </Table.Td>
                  <Table.Td>{formatDate(key.trustedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {confirming === key.fingerprint ? (
                      <div role="group" aria-label={t('sync.keys.confirm', { name })}>
                        <Text size="xs">{t('sync.keys.confirm', { name })}</Text>
                        <Group gap="xs" mt={4} wrap="nowrap">
                          <Button
                            color="red"
                            size="xs"
                            autoFocus
                            loading={remove.isPending}
                            onClick={() =>
                              remove.mutate(key.fingerprint, { onSuccess: () => setConfirming(null) })
                            }
                          >
                            {t('sync.keys.remove')}
                          </Button>
                          <Button variant="default" size="xs" onClick={() => setConfirming(null)}>
                            {t('common.cancel')}
                          </Button>
                        </Group>
                      </div>
                    ) : (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => setConfirming(key.fingerprint)}
                        aria-label={t('sync.keys.removeNamed', { name })}
                      >
                        {t('sync.keys.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
