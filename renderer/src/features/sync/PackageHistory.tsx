// The packages this store has imported, newest first: when, from whom (the signer's fingerprint, with the
// name it gave itself when trusted, as its claim), how many changes were new here, and how many conflicts.
import { Code, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { call } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';

export function PackageHistory() {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['packageHistory'],
    queryFn: () => call(() => api().packageHistory({})),
  });
  const keys = useQuery({ queryKey: ['trustedKeys'], queryFn: () => call(() => api().trustedKeys({})) });
  const nameOf = (fingerprint: string) => keys.data?.find((key) => key.fingerprint === fingerprint)?.label;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="package-history-title" mt="md">
      <Title order={2} size="h4" mb="sm" id="package-history-title">
        {t('sync.history.title')}
      </Title>
      {history.error && <ErrorMessage error={history.error} />}
      {history.isSuccess && history.data.length === 0 && <Text size="sm">{t('sync.history.none')}</Text>}
      {history.isSuccess && history.data.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="package-history-title" tabIndex={0}>
          <Table withTableBorder striped fz="sm" data-testid="package-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sync.history.when')}</Table.Th>
                <Table.Th scope="col">{t('sync.signerName')}</Table.Th>
                <Table.Th scope="col">{t('sync.history.changes')}</Table.Th>
                <Table.Th scope="col">{t('sync.conflicts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((entry) => (
                <Table.Tr key={entry.packageId}>
                  <Table.Td>{formatDate(entry.importedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Code>{entry.fingerprint}</Code>
                    {nameOf(entry.fingerprint) && (
                      <Text size="xs" c="dimmed">
                        {t('sync.history.claimed', { name: nameOf(entry.fingerprint) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{entry.changes}</Table.Td>
                  <Table.Td>{entry.conflicts}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
