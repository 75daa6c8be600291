// Any record that is not a meeting: its fields edited in place, and the notes on it beside them.
import { Anchor, Badge, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isKindName, KINDS, type KindName } from '../../../../domain/kinds.js';
import { useRecord } from '../../api/queries.js';
import type { Commitment } from '../../api/records.js';
import { DeleteRecord } from '../../components/DeleteRecord.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { EditableField } from '../../components/EditableField.js';
import { Loading } from '../../components/Loading.js';
import { enumOptions } from '../../components/options.js';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { RelatedLists } from './RelatedLists.js';
import { CommitmentFields } from './CommitmentFields.js';
import { RECORD_FIELDS, type FieldView } from './recordFields.js';

const BACK: Partial<Record<KindName, string>> = {
  initiative: '#/initiatives',
  party: '#/counterparts',
  person: '#/counterparts',
  commitment: '#/commitments',
};

export function RecordPage({ kind, id }: { kind: string; id: string }) {
  if (!isKindName(kind)) return <ErrorMessage error={{ message: `[E_NOT_FOUND] no kind ${kind}` }} />;
  return <KnownRecordPage kind={kind} id={id} />;
}

function KnownRecordPage({ kind, id }: { kind: KindName; id: string }) {
  const { t } = useTranslation();
  const record = useRecord(kind, id);
  if (record.error) return <ErrorMessage error={record.error} />;
  if (!record.data) return <Loading />;
  const r = record.data;
  const title = String(r[KINDS[kind].titleField] ?? '') || t('common.untitled');
  // The main kinds have a list to go back to, and can be deleted from here.
  const back = BACK[kind];
  return (
    <div className="with-side-panel">
      <section aria-labelledby="page-title">
        {back && (
          <Anchor href={back} size="sm">
            ← {t('records.back')}
          </Anchor>
        )}
        <Group justify="space-between" mt={6}>
          <Badge variant="light" color="gray">
            {t(`kinds.${kind}`)}
          </Badge>
          {back && (
            <DeleteRecord kind={kind} id={id} title={title} afterDelete={() => (location.hash = back)} />
          )}
        </Group>
        <Title order={1} id="page-title" className="page-title record-title" mt={4}>
          {title}
        </Title>
        <Stack gap="sm" maw={900}>
          {kind === 'commitment' ? (
            <CommitmentFields commitment={r as unknown as Commitment} />
          ) : (
            rows(RECORD_FIELDS[kind] ?? []).map((row) => (
              <div key={row[0]!.field} className={row.length > 1 ? 'field-row' : undefined}>
                {row.map((view) => (
                  <EditableField
                    key={view.field}
                    kind={kind}
                    id={id}
                    field={view.field}
                    value={String(r[view.field] ?? '')}
                    label={t(`fields.${view.field}`)}
                    input={view.input}
                    options={view.values && view.group ? enumOptions(view.values, view.group, t) : undefined}
                  />
                ))}
              </div>
            ))
          )}
        </Stack>
        {(kind === 'initiative' || kind === 'party' || kind === 'person') && (
          <div className="record-related">
            <RelatedLists kind={kind} id={id} />
          </div>
        )}
        {(kind === 'initiative' || kind === 'party' || kind === 'person' || kind === 'commitment') && (
          <div className="record-documents">
            <DocumentsPanel kind={kind} id={id} />
          </div>
        )}
      </section>
      <aside className="side-panel" aria-label={t('notes.title')}>
        <AnnotationsPanel kind={kind} id={id} targetVersion={String(r.version ?? '')} compact />
      </aside>
    </div>
  );
}

/** Consecutive choices and dates share a row; text fields take the whole width. */
function rows(views: FieldView[]): FieldView[][] {
  const out: FieldView[][] = [];
  for (const view of views) {
    const compact = view.input === 'select' || view.input === 'date';
    const last = out[out.length - 1];
    const lastCompact = last && (last[0]!.input === 'select' || last[0]!.input === 'date');
    if (compact && last && lastCompact && last.length < 3) last.push(view);
    else out.push([view]);
  }
  return out;
}
