// A distribution from the book builder: the recipients typed one per line, one numbered copy printed for each
// with the builder's options, its own copy number, its recipient on every page and its own clearance; then
// the copies as printed (each also in the history below). In a browser the copies go into a folder of the
// serving store's books; in the desktop app into the folder named.
import { Alert, Button, Paper, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../electron/api/contract.js';
import { api, bridgeFiles } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { readRecipientLines } from './recipients.js';

type Shared = Omit<Input<'distributeBook'>, 'recipients' | 'outDir'>;

export function Distribution({
  options,
  onPreview,
}: {
  options: () => Shared;
  onPreview: (bookId: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [outDir, setOutDir] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const files = bridgeFiles();
  const distribute = useApiMutation((input: Input<'distributeBook'>) => {
    const { outDir: folder, ...rest } = input;
    return files ? files.call('distributeBook', rest) : api().distributeBook({ ...rest, outDir: folder });
  });
  const read = readRecipientLines(text, (level) => t(`enums.classification.${level}`));

  const print = () => {
    if (read.badLines.length > 0)
      return setProblem(t('book.distribution.badLines', { lines: read.badLines.join(', ') }));
    if (read.recipients.length === 0) return setProblem(t('book.distribution.none'));
    if (!files && outDir.trim() === '') return setProblem(t('book.distribution.noFolder'));
    const shared = options();
    if (shared.protect?.passphrase === '') return setProblem(t('book.distribution.noPassphrase'));
    setProblem(null);
    distribute.mutate({ ...shared, recipients: read.recipients, outDir: outDir.trim() });
  };

  return (
    <section aria-labelledby="book-distribution">
      <Title order={2} size="h4" id="book-distribution" mb="xs">
        {t('book.distribution.title')}
      </Title>
      <Textarea
        label={t('book.distribution.recipients')}
        description={t('book.distribution.hint')}
        placeholder={t('book.distribution.example')}
        autosize
        minRows={3}
        maxRows={12}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={640}
      />
      {!files && (
        <TextInput
          label={t('book.distribution.folder')}
          description={t('book.fileHint')}
          value={outDir}
          onChange={(e) => setOutDir(e.currentTarget.value)}
          maw={640}
          mt="xs"
        />
      )}
      {problem && (
        <Alert color="red" mt="xs" role="alert">
          {problem}
        </Alert>
      )}
      <Button mt="sm" variant="default" onClick={print} loading={distribute.isPending}>
        {t('book.distribution.print', { count: read.recipients.length })}
      </Button>
      {distribute.error && <ErrorMessage error={distribute.error} />}
      {distribute.data && (
        <Paper withBorder p="sm" mt="sm" role="status" className="book-distribution">
          <Text fw={600} mb={4}>
            {t('book.distribution.done', { count: distribute.data.copies.length })}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('book.copyNumber')}</Table.Th>
                <Table.Th>{t('book.recipient')}</Table.Th>
                <Table.Th>{t('book.clearance')}</Table.Th>
                <Table.Th>{t('book.pages')}</Table.Th>
                <Table.Th>sha256</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('book.preview.title')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {distribute.data.copies.map((copy) => (
                <Table.Tr key={copy.bookId}>
                  <Table.Td>{copy.copyNumber}</Table.Td>
                  <Table.Td>{[copy.recipient.name, copy.recipient.post].filter(Boolean).join(', ')}</Table.Td>
                  <Table.Td>
                    {copy.recipient.clearance
                      ? t(`enums.classification.${copy.recipient.clearance}`)
                      : t('book.clearanceAll')}
                    {copy.withheld > 0 && ` · ${t('book.withheld', { count: copy.withheld })}`}
                  </Table.Td>
                  <Table.Td>{copy.pages}</Table.Td>
                  <Table.Td className="hash" title={copy.sha256}>
                    {copy.sha256.slice(0, 12)}…
                  </Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="xs" onClick={() => onPreview(copy.bookId)}>
                      {t('book.preview.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </section>
  );
}
