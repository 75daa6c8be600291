// Which documents the book prints as annexes, and in what order: the meeting's, then its initiatives', then
// its counterparts' (the order the book uses by default, electron/book/annex-choice.ts), each with a checkbox,
// up / down, and the pages it adds (a PDF's pages; one for an image or for the placeholder page of a file
// that cannot be printed).
import { ActionIcon, Checkbox, Group, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../../domain/results.js';
import { api } from '../../api/client.js';
import { call } from '../../api/queries.js';
import type { Meeting } from '../../api/records.js';

/** The pages a document adds to the book as an annex. */
export function annexPages(doc: DocumentInfo): number {
  return doc.current?.mediaType === 'application/pdf' && doc.pages > 0 ? doc.pages : 1;
}

/** What the builder passes as `documents`: every one in the default order, none, or these in this order. */
export type AnnexSelection = 'all' | 'none' | string[];

export function useBookDocuments(meeting: Meeting): DocumentInfo[] {
  const targets = useMemo(
    () => [
      { targetKind: 'meeting' as const, targetId: meeting.id },
      ...meeting.initiativeIds.map((id) => ({ targetKind: 'initiative' as const, targetId: id })),
      ...meeting.partyIds.map((id) => ({ targetKind: 'party' as const, targetId: id })),
    ],
    [meeting.id, meeting.initiativeIds, meeting.partyIds],
  );
  const lists = useQueries({
    queries: targets.map((target) => ({
      queryKey: ['documents', target.targetKind, target.targetId],
      queryFn: () => call(() => api().documents(target)),
    })),
  });
  const seen = new Set<string>();
  return lists.flatMap((list) => (list.data ?? []).filter((doc) => !seen.has(doc.id) && seen.add(doc.id)));
}

export function AnnexChoice({
  meeting,
  onChange,
}: {
  meeting: Meeting;
  onChange: (selection: AnnexSelection) => void;
}) {
  const { t } = useTranslation();
  const documents = useBookDocuments(meeting);
  const ids = documents.map((doc) => doc.id).join(',');
  const [order, setOrder] = useState<string[]>([]);
  const [left, setLeft] = useState<Set<string>>(new Set());

  // New documents join at the end, gone ones leave; the reader's order is kept otherwise.
  useEffect(() => {
    const now = ids ? ids.split(',') : [];
    setOrder((old) => [...old.filter((id) => now.includes(id)), ...now.filter((id) => !old.includes(id))]);
  }, [ids]);

  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const chosen = order.filter((id) => !left.has(id) && byId.has(id));
  const isDefault = chosen.length === order.length && order.join(',') === ids;
  const selection: AnnexSelection = isDefault ? 'all' : chosen.length === 0 ? 'none' : chosen;
  const key = JSON.stringify(selection);
  useEffect(() => onChange(JSON.parse(key) as AnnexSelection), [key, onChange]);

  if (documents.length === 0) return null;
  const move = (index: number, by: number) =>
    setOrder((old) => {
      const next = [...old];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const total = chosen.reduce((sum, id) => sum + annexPages(byId.get(id)!), 0);
  return (
    <section aria-labelledby="annex-choice-title" className="annex-choice">
      <Title order={3} size="h5" id="annex-choice-title" mt="md" mb={4}>
        {t('book.annexes.title')}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('book.annexes.total', { count: chosen.length, pages: total })}
      </Text>
      <ol className="plain-list">
        {order.map((id, index) => {
          const doc = byId.get(id);
          if (!doc) return null;
          const pages = annexPages(doc);
          return (
            <li key={id}>
              <Group gap="xs" wrap="nowrap">
                <Checkbox
                  checked={!left.has(id)}
                  onChange={(e) => {
                    const print = e.currentTarget.checked;
                    setLeft((old) => {
                      const next = new Set(old);
                      if (print) next.delete(id);
                      else next.add(id);
                      return next;
                    });
                  }}
                  label={`${doc.title} · ${t('book.annexes.pages', { count: pages })}`}
                />
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('book.annexes.up', { title: doc.title })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  disabled={index === order.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('book.annexes.down', { title: doc.title })}
                >
                  ↓
                </ActionIcon>
              </Group>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
