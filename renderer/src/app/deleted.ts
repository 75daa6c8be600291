// The last record deleted from its page, kept across screens so its list can offer Undo (restore). One at a
// time: a newer delete replaces the offer.
import { useSyncExternalStore } from 'react';
import type { KindName } from '../../../domain/kinds.js';

export interface Deleted {
  kind: KindName;
  id: string;
  title: string;
}

let last: Deleted | null = null;
const listeners = new Set<() => void>();

export function setLastDeleted(deleted: Deleted | null): void {
  last = deleted;
  for (const listener of listeners) listener();
}

export function useLastDeleted(): Deleted | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
    () => last,
  );
}
