// A long list on screen: its length from the first page, a virtualizer over a scroll container, and the
// records under the rows in view (their pages fetched as they scroll in). Tables and card lists share it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useListHead, useListRows, type ListQuery } from '../api/pages.js';

export function usePagedList<T>(query: ListQuery, rowHeight: number, overscan: number) {
  const head = useListHead(query);
  const total = head.data?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const recordAt = useListRows<T>(query, items[0]?.index, items.at(-1)?.index);
  return { head, total, scroller, virtualizer, items, recordAt };
}
