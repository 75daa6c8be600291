// Ctrl+K / Cmd+K: one box over the full-text search of everything. A combobox (the input keeps focus;
// arrows move the active result, Enter opens it), so it works from the keyboard and a screen reader.
import { Badge, Group, Modal, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KindName } from '../../../../domain/kinds.js';
import { api } from '../../api/client.js';
import { call } from '../../api/queries.js';
import { openRecord } from '../../app/openRecord.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Highlighted } from '../../components/Highlighted.js';

/**
 * How long the palette waits after a keystroke before it searches: long enough that fast typing sends one
 * search, not one a letter, short enough to keep results within 100 ms of the last key (the benchmark
 * reports it apart).
 */
const DEBOUNCE_MS = 50;

export function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const [active, setActive] = useState(0);
  const results = useQuery({
    queryKey: ['search', debounced],
    queryFn: async () => ({
      query: debounced,
      hits: await call(() => api().search({ query: debounced, limit: 30 })),
    }),
    enabled: opened && debounced !== '',
    // The previous results stay while the next ones load, so the list does not flash empty at each key.
    placeholderData: keepPreviousData,
  });
  const hits = debounced === '' ? [] : (results.data?.hits ?? []);

  useEffect(() => setActive(0), [debounced]);
  useEffect(() => {
    if (!opened) setQuery('');
  }, [opened]);

  const open = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    onClose();
    void openRecord(hit.kind as KindName, hit.id);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    }
  };

  useEffect(() => {
    document.getElementById(`search-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('search.label')}
      size="xl"
      yOffset="10vh"
      classNames={{ body: 'search-body' }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <TextInput
        data-autofocus
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `search-hit-${active}` : undefined}
        size="md"
      />
      <Text size="xs" c="dimmed" mt={6}>
        {t('search.hint')}
      </Text>
      {results.error && <ErrorMessage error={results.error} />}
      <div
        id="search-results"
        role="listbox"
        aria-label={t('search.results')}
        className="search-results"
        data-query={debounced === '' ? undefined : results.data?.query}
        data-debounce-ms={DEBOUNCE_MS}
      >
        {hits.map((hit, index) => (
          <UnstyledButton
            component="div"
            key={`${hit.kind}:${hit.id}:${hit.page ?? ''}`}
            id={`search-hit-${index}`}
            role="option"
            aria-selected={index === active}
            className="search-hit"
            data-active={index === active || undefined}
            onMouseEnter={() => setActive(index)}
            onClick={() => open(index)}
            tabIndex={-1}
          >
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Badge size="sm" variant="light" color="gray" className="search-kind">
                {t(`kinds.${hit.kind}`)}
              </Badge>
              {hit.page !== undefined && (
                <Badge size="sm" variant="outline" color="gray" className="search-page">
                  {t('search.page', { page: hit.page })}
                </Badge>
              )}
              <Text fw={600} size="sm" className="search-title" lineClamp={1}>
                {hit.title}
              </Text>
            </Group>
            <Text size="xs" className="search-snippet" lineClamp={2}>
              <Highlighted snippet={hit.snippet} />
            </Text>
          </UnstyledButton>
        ))}
        {debounced !== '' && results.isSuccess && !results.isPlaceholderData && hits.length === 0 && (
          <Text size="sm" c="dimmed" p="sm" className="search-none">
            {t('search.none')}
          </Text>
        )}
      </div>
    </Modal>
  );
}
