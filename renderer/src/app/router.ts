// Screens are addressed by the URL fragment (#/meetings/ID/points): it works the same under app:// and
// `valija serve`, survives a reload, and the browser's back button walks the screens.
import { useSyncExternalStore } from 'react';

export const SECTIONS = [
  'home',
  'meetings',
  'initiatives',
  'counterparts',
  'commitments',
  'sync',
  'settings',
  'help',
] as const;
export type Section = (typeof SECTIONS)[number];

export const MEETING_TABS = [
  'overview',
  'programme',
  'points',
  'participants',
  'commitments',
  'documents',
  'notes',
  'book',
] as const;
export type MeetingTab = (typeof MEETING_TABS)[number];

export type Route =
  | { section: Exclude<Section, 'meetings'> }
  | { section: 'meetings'; id?: undefined }
  | { section: 'meetings'; id: string; tab: MeetingTab }
  | { section: 'record'; kind: string; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, a, b] = parts;
  if (head === 'meetings' && a) {
    const tab = (MEETING_TABS as readonly string[]).includes(b ?? '') ? (b as MeetingTab) : 'overview';
    return { section: 'meetings', id: a, tab };
  }
  if (head === 'record' && a && b) return { section: 'record', kind: a, id: b };
  if ((SECTIONS as readonly string[]).includes(head ?? '')) return { section: head as Section } as Route;
  return { section: 'home' };
}

export function href(route: Route): string {
  if (route.section === 'meetings' && route.id) {
    return `#/meetings/${encodeURIComponent(route.id)}/${route.tab}`;
  }
  if (route.section === 'record') return `#/record/${route.kind}/${encodeURIComponent(route.id)}`;
  return `#/${route.section}`;
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, () => location.hash));
}
