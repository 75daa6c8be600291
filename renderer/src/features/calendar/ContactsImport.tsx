// "Import contacts": a vCard file (.vcf) previewed as people — found by e-mail or name, else new — with the
// cards skipped and why and the organizations no party is named, then imported, or discarded.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Results } from '../../../../electron/api/contract.js';
import { useFileImport } from './file-import.js';
import { ImportFileForm } from './ImportFileForm.js';
import { ImportCounts, ReportList } from './ImportReport.js';

type Report = Results['contactsImport'];

export function ContactsImport() {
  const { t } = useTranslation();
  const state = useFileImport('contactsImport', 'contacts');
  const report = state.apply.data ?? state.preview.data;
  return (
    <ImportFileForm
      title={t('contacts.import')}
      fileLabel={t('contacts.file')}
      accept=".vcf,text/vcard"
      previewLabel={t('contacts.review')}
      applyLabel={t('contacts.apply')}
      state={state}
      applied={t('contacts.applied', {
        created: state.apply.data?.created,
        updated: state.apply.data?.updated,
      })}
    >
      {report && <ContactsReport report={report} />}
    </ImportFileForm>
  );
}

const COUNTS = ['created', 'updated', 'unchanged'] as const;

function ContactsReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ImportCounts dryRun={report.dryRun} counts={Object.fromEntries(COUNTS.map((c) => [c, report[c]]))} />
      <Title order={3} size="h5">
        {t('contacts.people')}
      </Title>
      {report.people.length === 0 && <Text size="sm">{t('contacts.noPeople')}</Text>}
      {report.people.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('contacts.people')} tabIndex={0}>
          <Table withTableBorder striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('contacts.name')}</Table.Th>
                <Table.Th scope="col">{t('calendar.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.people.map((person, i) => (
                <Table.Tr key={`${person.id ?? 'new'}:${i}`}>
                  <Table.Td dir="auto">{person.name}</Table.Td>
                  <Table.Td>{t(`calendar.actions.${person.action}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ReportList title={t('contacts.skipped')}>
        {report.skipped.map((skip, i) => (
          <li key={i}>
            <span dir="auto">{skip.name}</span>: {skip.reason}
          </li>
        ))}
      </ReportList>
      <ReportList title={t('contacts.unknownOrganizations')} hint={t('contacts.unknownHint')}>
        {report.unknownOrganizations.map((name) => (
          <li key={name} dir="auto">
            {name}
          </li>
        ))}
      </ReportList>
    </Stack>
  );
}
