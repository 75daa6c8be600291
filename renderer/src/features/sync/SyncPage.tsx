// Package files: export everything shared (optionally with a passphrase) to a path; import in two steps —
// a preview that writes nothing (counts, conflicts side by side, the signer's fingerprint), then apply.
// Below them, calendar (.ics) and contacts (.vcf) files are imported the same two ways (features/calendar).
import {
  Alert,
  Button,
  Code,
  Input,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input as ApiInput, Results } from '../../../../electron/api/contract.js';
import { api, bridgeFiles } from '../../api/client.js';
import { useApiMutation } from '../../api/queries.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDate } from '../../components/format.js';
import { JobProgress, useJobProgress } from '../../components/JobProgress.js';
import { Page } from '../../components/Page.js';
import { CalendarImport } from '../calendar/CalendarImport.js';
import { ContactsImport } from '../calendar/ContactsImport.js';
import { PackageHistory } from './PackageHistory.js';
import { TrustedKeys } from './TrustedKeys.js';
import { TrustPrompt, untrustedSigner } from './TrustPrompt.js';

const OUTCOMES = ['new', 'changed', 'deleted', 'restored', 'known'] as const;
/** The fingerprint the user confirmed in the trust prompt: only that key is trusted. */
type Trust = ApiInput<'previewImport'>['trust'];

export function SyncPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('sync.title')}>
      <div className="two-columns">
        <ExportPanel />
        <ImportPanel />
      </div>
      <div className="two-columns calendar-imports">
        <CalendarImport />
        <ContactsImport />
      </div>
      <TrustedKeys />
      <PackageHistory />
    </Page>
  );
}

function ExportPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // In a browser the package is written where the server chooses, then downloaded.
  const files = bridgeFiles();
  const run = useApiMutation(async () => {
    const sealed = passphrase ? { passphrase } : {};
    if (!files) return api().exportPackage({ file, ...sealed });
    const result = await files.call('exportPackage', sealed);
    await files.save(result.download, result.file);
    return result;
  });
  const [progress, forgetProgress] = useJobProgress('export');
  return (
    <PackageForm title={t('sync.export')} onSubmit={() => (forgetProgress(), run.mutate())}>
      <PackageFileFields
        fileLabel={t('sync.exportFile')}
        file={files ? null : file}
        onFile={setFile}
        passphrase={passphrase}
        onPassphrase={setPassphrase}
      />
      <Button type="submit" loading={run.isPending} w="fit-content">
        {t('sync.exportButton')}
      </Button>
      {run.isPending && <JobProgress progress={progress} label={t('sync.exportProgress')} />}
      {run.error && <ErrorMessage error={run.error} />}
      {run.data && (
        <Alert color="teal" role="status">
          {t('sync.exported', { file: run.data.file })} · {run.data.changes}
        </Alert>
      )}
    </PackageForm>
  );
}

function ImportPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // Trust is given only through the prompt, for the package being previewed; applying it records the key.
  const [trust, setTrust] = useState<Trust>();
  const input = (trusting: Trust) => ({
    file,
    ...(trusting ? { trust: trusting } : {}),
    ...(passphrase ? { passphrase } : {}),
  });
  // In a browser the picked file is uploaded once, and preview and apply name its upload.
  const files = bridgeFiles();
  const [picked, setPicked] = useState<File | null>(null);
  const uploaded = useRef<{ file: File; upload: string } | null>(null);
  const viaUpload = async (trusting: Trust) => {
    if (!files || !picked) throw new Error('no package file picked');
    if (uploaded.current?.file !== picked) {
      uploaded.current = { file: picked, upload: (await files.upload(picked)).upload };
    }
    const { file: _path, ...rest } = input(trusting);
    return { ...rest, upload: uploaded.current.upload };
  };
  const preview = useApiMutation(async (trusting: Trust) =>
    files ? files.call('previewImport', await viaUpload(trusting)) : api().previewImport(input(trusting)),
  );
  // Apply names the package its preview read: a file changed since is refused (E_PACKAGE_CHANGED).
  const apply = useApiMutation(async () =>
    files
      ? files.call('applyImport', { ...(await viaUpload(trust)), expectedSha256: preview.data?.sha256 })
      : api().applyImport({ ...input(trust), expectedSha256: preview.data?.sha256 }),
  );
  const signer = untrustedSigner(preview.error);
  const report = apply.data ?? preview.data;
  const [progress, forgetProgress] = useJobProgress('import');
  const running = preview.isPending || apply.isPending;
  const runPreview = (trusting: Trust) => {
    forgetProgress();
    apply.reset();
    setTrust(trusting);
    preview.mutate(trusting);
  };
  return (
    <PackageForm title={t('sync.import')} onSubmit={() => runPreview(undefined)}>
      <PackageFileFields
        fileLabel={t('sync.importFile')}
        file={files ? null : file}
        onFile={setFile}
        onPick={files ? setPicked : undefined}
        passphrase={passphrase}
        onPassphrase={setPassphrase}
      />
      <Button type="submit" variant="default" loading={preview.isPending} w="fit-content">
        {t('sync.preview')}
      </Button>
      {running && <JobProgress progress={progress} label={t('sync.importProgress')} />}
      {signer && (
        <TrustPrompt
          signer={signer}
          onTrust={() => runPreview({ fingerprint: signer.fingerprint })}
          onCancel={() => preview.reset()}
        />
      )}
      {preview.error && !signer && <ErrorMessage error={preview.error} />}
      {report && <ImportReportView report={report} />}
      {preview.data && !apply.data && !preview.data.alreadyImported && (
        <Button onClick={() => (forgetProgress(), apply.mutate())} loading={apply.isPending} w="fit-content">
          {t('sync.apply')}
        </Button>
      )}
      {apply.error && <ErrorMessage error={apply.error} />}
      {apply.data && (
        <Alert color="teal" role="status">
          {t('sync.applied')} {apply.data.backup ? t('sync.backup', { file: apply.data.backup }) : ''}
        </Alert>
      )}
    </PackageForm>
  );
}

/** A panel that is one form: its title, its fields stacked, submitted by Enter or its button. */
function PackageForm({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e: React.FormEvent) => (e.preventDefault(), onSubmit())}
    >
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/**
 * The package file and its optional passphrase. In the desktop app the file is a path on its disk; in a
 * browser it is picked from this computer to import (`onPick`), and an export is downloaded (no field).
 */
function PackageFileFields(props: {
  fileLabel: string;
  file: string | null;
  onFile: (file: string) => void;
  onPick?: (file: File | null) => void;
  passphrase: string;
  onPassphrase: (passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const pickerId = useId();
  const { onPick } = props;
  return (
    <>
      {onPick && (
        <Input.Wrapper label={props.fileLabel} required labelProps={{ htmlFor: pickerId }}>
          <input
            id={pickerId}
            type="file"
            accept=".valija"
            required
            onChange={(e) => onPick(e.currentTarget.files?.[0] ?? null)}
          />
        </Input.Wrapper>
      )}
      {props.file !== null && (
        <TextInput
          label={props.fileLabel}
          description={t('book.fileHint')}
          value={props.file}
          required
          onChange={(e) => props.onFile(e.currentTarget.value)}
        />
      )}
      <PasswordInput
        label={t('sync.passphrase')}
        value={props.passphrase}
        onChange={(e) => props.onPassphrase(e.currentTarget.value)}
      />
    </>
  );
}

function ImportReportView({ report }: { report: Results['previewImport'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={600}>
          {t('sync.signer')}: <Code className="fingerprint">{report.signer.fingerprint}</Code>
        </Text>
        <Text size="sm">
          {t('sync.signerClaim')}:{' '}
          <span className="claimed-name" dir="auto">
            {report.signer.name || t('sync.keys.unnamed')}
          </span>
        </Text>
        <Text size="sm" c={report.signer.trusted ? 'teal.9' : 'orange.9'}>
          {report.signer.trusted ? t('sync.trusted') : t('sync.notTrusted')}
        </Text>
      </div>
      {report.alreadyImported && <Alert color="gray">{t('sync.already')}</Alert>}
      <Title order={3} size="h5">
        {t('sync.counts')}
      </Title>
      <div className="table-scroll" role="region" aria-label={t('sync.counts')} tabIndex={0}>
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.kind')}</Table.Th>
              {OUTCOMES.map((o) => (
                <Table.Th key={o}>{t(`sync.outcome.${o}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(report.counts).map(([kind, counts]) => (
              <Table.Tr key={kind}>
                <Table.Td>{t(`kinds.${kind}`)}</Table.Td>
                {OUTCOMES.map((o) => (
                  <Table.Td key={o}>{counts?.[o] ?? 0}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Title order={3} size="h5">
        {t('sync.conflicts')}
      </Title>
      {report.conflicts.length === 0 && <Text size="sm">{t('sync.noConflicts')}</Text>}
      {report.conflicts.map((c) => (
        <Paper withBorder p="xs" key={`${c.kind}:${c.id}:${c.field}`}>
          <Text size="sm" fw={600}>
            {t(`kinds.${c.kind}`)} · {c.title} · {t(`fields.${c.field}`, { defaultValue: c.field })}
          </Text>
          <div className="two-columns conflict">
            {(['mine', 'theirs'] as const).map((side) => (
              <div key={side} data-winner={c.winner === side || undefined} className="conflict-side">
                <Text size="xs" fw={700}>
                  {t(`sync.${side}`)} {c.winner === side ? `· ${t('sync.winner')}` : ''}
                </Text>
                <Text size="sm" className="conflict-value">
                  {typeof c[side].value === 'string' ? c[side].value : JSON.stringify(c[side].value)}
                </Text>
                <Text size="xs" c="dimmed">
                  {c[side].device} · {formatDate(c[side].at, i18n.language)}
                </Text>
              </div>
            ))}
          </div>
        </Paper>
      ))}
    </Stack>
  );
}
