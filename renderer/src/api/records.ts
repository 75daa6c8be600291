// Typed views of the records the API answers (the contract types them as StoredRecord: an id plus fields).
// The field names are those of domain/kinds.ts; `version` and `updatedAt` are set by the store.
import type { StoredRecord } from '../../../domain/kinds.js';

interface Stored {
  id: string;
  version: string;
  updatedAt: string;
}

export interface Meeting extends Stored {
  title: string;
  kind: string;
  start: string;
  end: string;
  timeZone: string;
  place: string;
  partyIds: string[];
  purpose: string;
  objectives: string;
  background: string;
  logistics: string;
  outcome: string;
  initiativeIds: string[];
  classification: string;
  theirObjectives: { objective: string; response: string }[];
}

export interface AgendaItem extends Stored {
  meetingId: string;
  title: string;
  time: string;
  notes: string;
  position: number;
}

export interface TalkingPoint extends Stored {
  meetingId: string;
  agendaItemId: string | null;
  kind: 'certain' | 'possible' | 'defensive' | 'press';
  text: string;
  position: number;
}

export interface Participant extends Stored {
  meetingId: string;
  side: 'ours' | 'theirs';
  personId: string | null;
  name: string;
  role: string;
  position: number;
}

export interface Commitment extends Stored {
  text: string;
  owingPartyId: string | null;
  meetingId: string | null;
  initiativeId: string | null;
  dueDate: string;
  status: 'open' | 'done' | 'dropped';
}

export interface Party extends Stored {
  name: string;
  kind: string;
  isoCode: string;
  region: string;
}

export interface Annotation extends Stored {
  targetKind: string;
  targetId: string;
  targetField: string;
  visibility: 'private' | 'shared';
  body: string;
  supersedes: string | null;
  author: string;
  authorDevice: string;
  createdAt: string;
  targetVersion: string;
}

export function as<T>(records: StoredRecord[]): T[];
export function as<T>(record: StoredRecord): T;
export function as<T>(value: StoredRecord | StoredRecord[]): T | T[] {
  return value as unknown as T | T[];
}
