// Initiatives, counterparts (and their people) and commitments as tables; the fields a desk changes most
// (status, priority, due date) are edited right in the row. Initiatives and commitments can run to
// tens of thousands: the store filters and sorts them and the tables are virtual (see VirtualTable).
import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AREAS,
  COMMITMENT_STATUSES,
  INITIATIVE_STATUSES,
  PRIORITIES,
  type KindName,
  type StoredRecord,
} from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import type { ListQuery } from '../../api/pages.js';
import { useApiMutation, useList } from '../../api/queries.js';
import type { Commitment, Party } from '../../api/records.js';
import { href } from '../../app/router.js';
import { AddText } from '../../components/AddText.js';
import { EditableField, type EditableFieldProps } from '../../components/EditableField.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FilterSelect } from '../../components/FilterSelect.js';
import { Page } from '../../components/Page.js';
import { VirtualTable } from '../../components/VirtualTable.js';
import { enumOptions } from '../../components/options.js';
import { usePartyNames, usePartyOptions } from '../../components/parties.js';

function RecordLink({ kind, id, children }: { kind: KindName; id: string; children: ReactNode }) {
  return (
    <Anchor href={href({ section: 'record', kind, id })} size="sm" fw={600}>
      {children}
    </Anchor>
  );
}

/** A list screen: its filters, table and add box a little apart. */
function ListPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Page title={title}>
      <Stack gap="md">{children}</Stack>
    </Page>
  );
}

/** A table cell editing one field of the row's record in place, labelled for screen readers by field and record. */
function FieldCell({
  recordTitle,
  ...field
}: Omit<EditableFieldProps, 'label' | 'hideLabel'> & { recordTitle: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <EditableField {...field} label={`${t(`fields.${field.field}`)}: ${recordTitle}`} hideLabel />
    </Table.Td>
  );
}

export function InitiativesList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [area, setArea] = useState('');
  const [partyId, setPartyId] = useState('');
  const parties = usePartyOptions();
  const create = useApiMutation((title: string) => api().put({ kind: 'initiative', record: { title } }));
  const query: ListQuery = {
    kind: 'initiative',
    ...(status && { status: status as (typeof INITIATIVE_STATUSES)[number] }),
    ...(area && { area: area as (typeof AREAS)[number] }),
    ...(partyId && { partyId }),
  };
  return (
    <ListPage title={t('records.initiatives')}>
      <Group gap="sm" align="end">
        <FilterSelect
          label={t('records.filterStatus')}
          value={status}
          onChange={setStatus}
          options={enumOptions(INITIATIVE_STATUSES, 'initiativeStatus', t)}
        />
        <FilterSelect
          label={t('records.filterArea')}
          value={area}
          onChange={setArea}
          options={enumOptions(AREAS, 'area', t)}
        />
        <FilterSelect
          label={t('records.filterCounterpart')}
          value={partyId}
          onChange={setPartyId}
          options={parties}
        />
      </Group>
      <VirtualTable<StoredRecord>
        query={query}
        rowHeight={53}
        columns={4}
        headers={
          <>
            <Table.Th>{t('fields.title')}</Table.Th>
            <Table.Th>{t('fields.area')}</Table.Th>
            <Table.Th w={170}>{t('fields.status')}</Table.Th>
            <Table.Th w={140}>{t('fields.priority')}</Table.Th>
          </>
        }
        cells={(r) => {
          const title = String(r.title);
          return (
            <>
              <Table.Td>
                <RecordLink kind="initiative" id={r.id}>
                  {title}
                </RecordLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`enums.area.${String(r.area)}`)}</Text>
              </Table.Td>
              <FieldCell
                kind="initiative"
                id={r.id}
                field="status"
                value={String(r.status)}
                recordTitle={title}
                input="select"
                options={enumOptions(INITIATIVE_STATUSES, 'initiativeStatus', t)}
              />
              <FieldCell
                kind="initiative"
                id={r.id}
                field="priority"
                value={String(r.priority)}
                recordTitle={title}
                input="select"
                options={enumOptions(PRIORITIES, 'priority', t)}
              />
            </>
          );
        }}
      />
      <AddText
        label={t('records.new', { kind: t('kinds.initiative') })}
        onAdd={(title) => create.mutateAsync(title)}
      />
    </ListPage>
  );
}

export function CounterpartsList() {
  const { t } = useTranslation();
  const parties = useList<Party>('party');
  const people = useList('person');
  const partyName = usePartyNames();
  const createParty = useApiMutation((name: string) => api().put({ kind: 'party', record: { name } }));
  const createPerson = useApiMutation((name: string) => api().put({ kind: 'person', record: { name } }));
  return (
    <ListPage title={t('records.counterparts')}>
      {parties.error && <ErrorMessage error={parties.error} />}
      <Table striped withTableBorder highlightOnHover className="records-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.kind')}</Table.Th>
            <Table.Th>{t('fields.isoCode')}</Table.Th>
            <Table.Th>{t('fields.region')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(parties.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <RecordLink kind="party" id={p.id}>
                  {p.name}
                </RecordLink>
              </Table.Td>
              <Table.Td>{t(`enums.partyKind.${p.kind}`)}</Table.Td>
              <Table.Td>{p.isoCode}</Table.Td>
              <Table.Td>{p.region}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddText
        label={t('records.new', { kind: t('kinds.party') })}
        onAdd={(name) => createParty.mutateAsync(name)}
      />
      <Title order={2} size="h4">
        {t('records.people')}
      </Title>
      {people.error && <ErrorMessage error={people.error} />}
      <Table striped withTableBorder className="records-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('kinds.party')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <RecordLink kind="person" id={p.id}>
                  {String(p.name)}
                </RecordLink>
              </Table.Td>
              <Table.Td>{String(p.role)}</Table.Td>
              <Table.Td>{partyName.get(String(p.partyId)) ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddText
        label={t('records.new', { kind: t('kinds.person') })}
        onAdd={(name) => createPerson.mutateAsync(name)}
      />
    </ListPage>
  );
}

/** Commitments due soonest first (overdue first), undated last; the open ones unless asked otherwise. */
export function CommitmentsList() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('open');
  const partyName = usePartyNames();
  const query: ListQuery = {
    kind: 'commitment',
    ...(status && { status: status as (typeof COMMITMENT_STATUSES)[number] }),
  };
  return (
    <ListPage title={t('records.commitments')}>
      <Group gap="sm" align="end">
        <FilterSelect
          label={t('records.filterStatus')}
          value={status}
          onChange={setStatus}
          options={enumOptions(COMMITMENT_STATUSES, 'commitmentStatus', t)}
        />
      </Group>
      <VirtualTable<Commitment>
        query={query}
        rowHeight={53}
        columns={4}
        headers={
          <>
            <Table.Th>{t('fields.text')}</Table.Th>
            <Table.Th>{t('fields.owingPartyId')}</Table.Th>
            <Table.Th w={170}>{t('fields.dueDate')}</Table.Th>
            <Table.Th w={150}>{t('fields.status')}</Table.Th>
          </>
        }
        cells={(c) => (
          <>
            <Table.Td>
              <RecordLink kind="commitment" id={c.id}>
                {c.text}
              </RecordLink>
            </Table.Td>
            <Table.Td>{c.owingPartyId ? partyName.get(c.owingPartyId) : ''}</Table.Td>
            <FieldCell
              kind="commitment"
              id={c.id}
              field="dueDate"
              value={c.dueDate}
              recordTitle={c.text}
              input="date"
            />
            <FieldCell
              kind="commitment"
              id={c.id}
              field="status"
              value={c.status}
              recordTitle={c.text}
              input="select"
              options={enumOptions(COMMITMENT_STATUSES, 'commitmentStatus', t)}
            />
          </>
        )}
      />
    </ListPage>
  );
}
