// A table over a long list read a page at a time: only the rows in view (and a few around them) are in the
// page, between two spacer rows that keep the scroll height of the whole list.
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../api/pages.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Loading } from './Loading.js';
import { usePagedList } from './usePagedList.js';

export function VirtualTable<T extends { id: string }>({
  query,
  headers,
  columns,
  cells,
  rowHeight,
}: {
  query: ListQuery;
  /** The header cells. */
  headers: ReactNode;
  columns: number;
  /** The cells of a record's row. */
  cells: (record: T) => ReactNode;
  rowHeight: number;
}) {
  const { t } = useTranslation();
  const { head, total, scroller, virtualizer, items, recordAt } = usePagedList<T>(query, rowHeight, 6);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden="true" className="virtual-spacer">
        <td colSpan={columns} style={{ height }} />
      </tr>
    );
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('records.count', { count: total })}
      </Text>
      {head.error && <ErrorMessage error={head.error} />}
      {head.isPending && <Loading />}
      {head.isSuccess && total === 0 && <Text c="dimmed">{t('records.none')}</Text>}
      <div className="virtual-scroller" ref={scroller}>
        <Table withTableBorder highlightOnHover className="records-table">
          <Table.Thead>
            <Table.Tr>{headers}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {spacer(before)}
            {items.map((item) => {
              const record = recordAt(item.index);
              return (
                <Table.Tr
                  key={record?.id ?? `row-${item.index}`}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-busy={record ? undefined : true}
                >
                  {record ? (
                    cells(record)
                  ) : (
                    <Table.Td colSpan={columns} style={{ height: rowHeight }}>
                      …
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
            {spacer(after)}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
