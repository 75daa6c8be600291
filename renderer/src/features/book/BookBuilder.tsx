// The briefing book for a meeting: options, a file to write (in the desktop app; in a browser the serving
// store's books folder, saved from the preview), progress while it is typeset, then its summary, and the
// books printed before.
import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Results } from '../../../../electron/api/contract.js';
import { CLASSIFICATIONS } from '../../../../domain/kinds.js';
import { api, bridgeFiles } from '../../api/client.js';
import { call, useApiMutation } from '../../api/queries.js';
import type { Meeting } from '../../api/records.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';
import { JobProgress, useJobProgress } from '../../components/JobProgress.js';
import { enumOptions } from '../../components/options.js';
import { AnnexChoice, type AnnexSelection } from './AnnexChoice.js';
import { BookPreview } from './BookPreview.js';
import { Distribution } from './Distribution.js';

type BookInput = Input<'book'>;

export function BookBuilder({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<'es' | 'en'>(i18n.language === 'es' ? 'es' : 'en');
  const [classification, setClassification] = useState('');
  const [annotations, setAnnotations] = useState<'none' | 'shared' | 'mine'>('shared');
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const [copyFor, setCopyFor] = useState('');
  const [clearance, setClearance] = useState('');
  /** 'last' (the default), 'none', or the id of a copy in the history. */
  const [changes, setChanges] = useState('last');
  const [portionMarks, setPortionMarks] = useState(false);
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [file, setFile] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, forgetProgress] = useJobProgress('book');
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [annexes, setAnnexes] = useState<AnnexSelection>('all');
  const chooseAnnexes = useCallback((selection: AnnexSelection) => setAnnexes(selection), []);
  const files = bridgeFiles();
  const build = useApiMutation(({ file: path, ...input }: BookInput) =>
    files ? files.call('book', input) : api().book({ ...input, file: path }),
  );
  const history = useQuery({
    queryKey: ['bookHistory', meeting.id],
    queryFn: () => call(() => api().bookHistory({ meetingId: meeting.id })),
  });

  /** What a single book and a distribution's copies share: everything but the file, reader and clearance. */
  const sharedOptions = () => ({
    meetingId: meeting.id,
    lang,
    paper,
    annotations,
    documents: annexes,
    ...(classification ? { classification: classification as BookInput['classification'] } : {}),
    ...(portionMarks ? { portionMarks } : {}),
    ...(protect ? { protect: { passphrase } } : {}),
    changes,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!files && file.trim() === '') return setFileError(t('errors.field.empty'));
    setFileError(null);
    if (protect && passphrase === '') return setPassphraseError(t('errors.field.empty'));
    setPassphraseError(null);
    forgetProgress();
    setPreviewId(null);
    build.mutate(
      {
        ...sharedOptions(),
        file: file.trim(),
        ...(copyFor.trim() ? { copyFor: copyFor.trim() } : {}),
        ...(clearance ? { clearance: clearance as BookInput['clearance'] } : {}),
      },
      // A protected copy opens only with its reader's passphrase: no preview of it here.
      { onSuccess: (summary) => setPreviewId(summary.protected ? null : summary.id) },
    );
  };

  return (
    <Stack gap="lg" maw={900}>
      <form onSubmit={submit} aria-labelledby="book-title">
        <Title order={2} size="h4" id="book-title" mb="sm">
          {t('book.title')}
        </Title>
        <div className="field-row">
          <NativeSelect
            label={t('book.language')}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value as 'es' | 'en')}
            data={[
              { value: 'es', label: 'Español' },
              { value: 'en', label: 'English' },
            ]}
          />
          <NativeSelect
            label={t('book.classification')}
            value={classification}
            onChange={(e) => setClassification(e.currentTarget.value)}
            data={[
              { value: '', label: t('book.classificationAuto') },
              ...enumOptions(CLASSIFICATIONS, 'classification', t),
            ]}
          />
          <NativeSelect
            label={t('book.annotations')}
            value={annotations}
            onChange={(e) => setAnnotations(e.currentTarget.value as 'none' | 'shared' | 'mine')}
            data={[
              { value: 'none', label: t('book.annNone') },
              { value: 'shared', label: t('book.annShared') },
              { value: 'mine', label: t('book.annMine') },
            ]}
          />
          <NativeSelect
            label={t('book.changes')}
            value={changes}
            onChange={(e) => setChanges(e.currentTarget.value)}
            data={[
              { value: 'last', label: t('book.changesLast') },
              { value: 'none', label: t('book.changesNone') },
              ...(history.data ?? [])
                .filter((book) => book.copyNumber > 0)
                .map((book) => ({
                  value: book.id,
                  label: t('book.changesSince', {
                    copy: book.copyNumber,
                    date: formatDate(book.generatedAt, i18n.language),
                  }),
                })),
            ]}
          />
          <NativeSelect
            label={t('book.paper')}
            value={paper}
            onChange={(e) => setPaper(e.currentTarget.value as 'a4' | 'letter')}
            data={[
              { value: 'a4', label: 'A4' },
              { value: 'letter', label: 'Letter' },
            ]}
          />
        </div>
        <div className="field-row">
          <TextInput
            label={t('book.copyFor')}
            value={copyFor}
            onChange={(e) => setCopyFor(e.currentTarget.value)}
          />
          {!files && (
            <TextInput
              label={t('book.file')}
              description={t('book.fileHint')}
              placeholder="/home/…/carpeta.pdf"
              value={file}
              error={fileError}
              onChange={(e) => setFile(e.currentTarget.value)}
            />
          )}
        </div>
        <fieldset className="book-readers">
          <legend>{t('book.readers')}</legend>
          <div className="field-row">
            <NativeSelect
              label={t('book.clearance')}
              value={clearance}
              onChange={(e) => setClearance(e.currentTarget.value)}
              data={[
                { value: '', label: t('book.clearanceAll') },
                ...enumOptions(CLASSIFICATIONS, 'classification', t),
              ]}
            />
          </div>
          <Stack gap={6} mt="xs">
            <Checkbox
              label={t('book.portionMarks')}
              checked={portionMarks}
              onChange={(e) => setPortionMarks(e.currentTarget.checked)}
            />
            <Checkbox
              label={t('book.protect')}
              checked={protect}
              onChange={(e) => setProtect(e.currentTarget.checked)}
            />
            {protect && (
              <PasswordInput
                label={t('book.passphrase')}
                description={t('book.passphraseHint')}
                value={passphrase}
                error={passphraseError}
                autoComplete="new-password"
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                maw={360}
              />
            )}
          </Stack>
        </fieldset>
        <AnnexChoice meeting={meeting} onChange={chooseAnnexes} />
        <Button type="submit" mt="md" loading={build.isPending}>
          {build.isPending ? t('book.building') : t('book.build')}
        </Button>
      </form>

      {build.isPending && <JobProgress progress={progress} label={t('book.progress')} />}
      {build.error && <ErrorMessage error={build.error} />}
      {build.data && <BookSummaryView summary={build.data} />}
      {previewId && <BookPreview key={previewId} bookId={previewId} onClose={() => setPreviewId(null)} />}

      <Distribution options={sharedOptions} onPreview={setPreviewId} />

      <section aria-labelledby="book-history">
        <Title order={2} size="h4" id="book-history" mb="xs">
          {t('book.history')}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('book.record')}
        </Text>
        {history.error && <ErrorMessage error={history.error} />}
        {history.isSuccess && history.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('book.noHistory')}
          </Text>
        )}
        {history.isSuccess && history.data.length > 0 && (
          <Table striped withTableBorder className="book-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('book.copyNumber')}</Table.Th>
                <Table.Th>{t('book.revision')}</Table.Th>
                <Table.Th>{t('book.generatedAt')}</Table.Th>
                <Table.Th>{t('book.pages')}</Table.Th>
                <Table.Th>{t('book.recipient')}</Table.Th>
                <Table.Th>{t('book.options')}</Table.Th>
                <Table.Th>{t('book.file')}</Table.Th>
                <Table.Th>sha256</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('book.preview.title')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((book) => (
                <Table.Tr key={book.id}>
                  <Table.Td>{book.copyNumber || ''}</Table.Td>
                  <Table.Td>{book.revision || ''}</Table.Td>
                  <Table.Td>{formatDate(book.generatedAt, i18n.language)}</Table.Td>
                  <Table.Td>{book.pages}</Table.Td>
                  <Table.Td>{book.copyFor}</Table.Td>
                  <Table.Td>
                    {Object.entries(book.options)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(', ')}
                  </Table.Td>
                  <Table.Td className="path">{book.file}</Table.Td>
                  <Table.Td className="hash" title={book.sha256}>
                    {book.sha256.slice(0, 12)}…
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="xs"
                      onClick={() => setPreviewId(book.id)}
                      aria-pressed={previewId === book.id}
                      aria-label={t('book.preview.open', {
                        date: formatDate(book.generatedAt, i18n.language),
                      })}
                    >
                      {t('book.preview.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

function BookSummaryView({ summary }: { summary: Results['book'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" className="book-summary" role="status">
      <Text fw={700}>{t('book.done', { pages: summary.pages })}</Text>
      {summary.comparedWith && summary.changes && (
        <div className="book-changes">
          <Text size="sm" fw={600}>
            {t('book.revisionOf', { revision: summary.revision, copy: summary.comparedWith.copyNumber })}
          </Text>
          {summary.changes.added.length + summary.changes.changed.length + summary.changes.removed.length ===
          0 ? (
            <Text size="sm">{t('book.noChanges')}</Text>
          ) : (
            <ul className="book-change-list">
              {(['added', 'changed', 'removed'] as const).flatMap((what) =>
                summary.changes![what].map((item) => (
                  <li key={`${what}:${item.section}:${item.title}`}>
                    <Text size="sm" span td={what === 'removed' ? 'line-through' : undefined}>
                      {t(`book.change.${what}`)} ·{' '}
                      {item.section === 'documents'
                        ? t('book.annexes.title')
                        : (summary.sections.find((section) => section.id === item.section)?.title ??
                          item.section)}{' '}
                      · {item.title}
                    </Text>
                  </li>
                )),
              )}
            </ul>
          )}
        </div>
      )}
      {(summary.withheld > 0 || summary.protected || summary.copyNumber) && (
        <Text size="sm" className="book-readers-summary">
          {[
            summary.copyNumber ? t('book.copyNumberOf', { copy: summary.copyNumber }) : '',
            summary.withheld > 0 ? t('book.withheld', { count: summary.withheld }) : '',
            summary.protected ? t('book.protected') : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      <Text size="xs" c="dimmed" className="path">
        {summary.file} · {t(`enums.classification.${summary.classification}`)} · sha256{' '}
        {summary.sha256.slice(0, 16)}…
      </Text>
      <Title order={3} size="h5" mt="sm" mb={4}>
        {t('book.summary')}
      </Title>
      <ol className="book-sections">
        {summary.sections.map((section) => (
          <li key={section.id}>
            <span>{section.title}</span>
            <span className="leader" aria-hidden />
            <span>{t('book.page', { page: section.page })}</span>
          </li>
        ))}
      </ol>
      {summary.annexes.length > 0 && (
        <>
          <Title order={3} size="h5" mt="sm" mb={4}>
            {t('book.annexes.printed')}
          </Title>
          <ol className="book-sections">
            {summary.annexes.map((annex) => (
              <li key={annex.documentId}>
                <span>
                  {annex.label} {annex.title}
                </span>
                <span className="leader" aria-hidden />
                <span>{t('book.page', { page: annex.page })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {summary.warnings.length > 0 && (
        <Alert color="yellow" mt="sm" title={t('book.annexes.warnings')}>
          <ul className="book-warnings">
            {summary.warnings.map((warning) => (
              <li key={warning}>
                <Text size="xs">{warning}</Text>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Paper>
  );
}
