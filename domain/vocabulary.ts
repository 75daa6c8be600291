// One vocabulary for screen and print: the label of every choice a record offers (status, area, kind,
// classification, …) and of every kind of record, in Spanish and English. The renderer's i18n and the
// briefing book both read it, so "active" cannot read "Activa" on screen and something else on paper.
import {
  AREAS,
  CLASSIFICATIONS,
  COMMITMENT_STATUSES,
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  INITIATIVE_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  PARTY_KINDS,
  PRIORITIES,
  SIDES,
  TALKING_POINT_KINDS,
  VISIBILITIES,
  type KindName,
} from './kinds.js';
import type { Lang } from './results.js';

/** Every choice a record's field offers, by group (the group names the i18n keys `enums.<group>.<value>`). */
export const CHOICES = {
  meetingKind: MEETING_KINDS,
  meetingStatus: MEETING_STATUSES,
  classification: CLASSIFICATIONS,
  talkingPoint: TALKING_POINT_KINDS,
  commitmentStatus: COMMITMENT_STATUSES,
  initiativeStatus: INITIATIVE_STATUSES,
  priority: PRIORITIES,
  area: AREAS,
  partyKind: PARTY_KINDS,
  side: SIDES,
  visibility: VISIBILITIES,
  documentKind: DOCUMENT_KINDS,
  language: DOCUMENT_LANGUAGES,
} as const;

export type ChoiceGroup = keyof typeof CHOICES;
export type ChoiceValue<G extends ChoiceGroup> = (typeof CHOICES)[G][number];
type ChoiceLabels = { [G in ChoiceGroup]: Record<ChoiceValue<G>, string> };

export interface Vocabulary {
  kinds: Record<KindName, string>;
  enums: ChoiceLabels;
}

const es: Vocabulary = {
  kinds: {
    party: 'Contraparte',
    person: 'Persona',
    initiative: 'Iniciativa',
    meeting: 'Reunión',
    agendaItem: 'Punto de agenda',
    talkingPoint: 'Punto a tratar',
    participant: 'Participante',
    commitment: 'Compromiso',
    annotation: 'Nota',
    document: 'Documento',
    documentVersion: 'Versión de documento',
  },
  enums: {
    meetingKind: {
      bilateral: 'Bilateral',
      presidential: 'Presidencial',
      'binational-cabinet': 'Gabinete binacional',
      multilateral: 'Multilateral',
      other: 'Otra',
    },
    classification: {
      public: 'Público',
      restricted: 'Reservado',
      confidential: 'Confidencial',
      secret: 'Secreto',
    },
    talkingPoint: { certain: 'Firmes', possible: 'Posibles', defensive: 'Defensivos', press: 'Prensa' },
    commitmentStatus: { open: 'Abierto', done: 'Cumplido', dropped: 'Descartado' },
    meetingStatus: { scheduled: 'Programada', cancelled: 'Cancelada' },
    initiativeStatus: {
      proposed: 'Propuesta',
      active: 'Activa',
      achieved: 'Lograda',
      stalled: 'Estancada',
      closed: 'Cerrada',
    },
    priority: { high: 'Alta', medium: 'Media', low: 'Baja' },
    area: {
      elections: 'Elecciones',
      security: 'Seguridad',
      integration: 'Integración',
      multilateral: 'Multilateral',
      consular: 'Consular',
      climate: 'Clima',
      culture: 'Cultura',
      outreach: 'Promoción',
      trade: 'Comercio',
      other: 'Otra',
    },
    partyKind: { country: 'País', organization: 'Organización' },
    side: { ours: 'Nuestra parte', theirs: 'Su parte' },
    visibility: { private: 'Privada', shared: 'Compartida' },
    documentKind: {
      draft: 'Borrador',
      agreement: 'Acuerdo firmado',
      'note-verbale': 'Nota verbal',
      cv: 'Hoja de vida',
      map: 'Mapa',
      press: 'Prensa',
      other: 'Otro',
    },
    language: { es: 'Español', en: 'Inglés', '': 'Sin indicar' },
  },
};

const en: Vocabulary = {
  kinds: {
    party: 'Counterpart',
    person: 'Person',
    initiative: 'Initiative',
    meeting: 'Meeting',
    agendaItem: 'Agenda item',
    talkingPoint: 'Point to make',
    participant: 'Participant',
    commitment: 'Commitment',
    annotation: 'Note',
    document: 'Document',
    documentVersion: 'Document version',
  },
  enums: {
    meetingKind: {
      bilateral: 'Bilateral',
      presidential: 'Presidential',
      'binational-cabinet': 'Binational cabinet',
      multilateral: 'Multilateral',
      other: 'Other',
    },
    classification: {
      public: 'Public',
      restricted: 'Restricted',
      confidential: 'Confidential',
      secret: 'Secret',
    },
    talkingPoint: { certain: 'Certain', possible: 'Possible', defensive: 'Defensive', press: 'Press' },
    commitmentStatus: { open: 'Open', done: 'Done', dropped: 'Dropped' },
    meetingStatus: { scheduled: 'Scheduled', cancelled: 'Cancelled' },
    initiativeStatus: {
      proposed: 'Proposed',
      active: 'Active',
      achieved: 'Achieved',
      stalled: 'Stalled',
      closed: 'Closed',
    },
    priority: { high: 'High', medium: 'Medium', low: 'Low' },
    area: {
      elections: 'Elections',
      security: 'Security',
      integration: 'Integration',
      multilateral: 'Multilateral',
      consular: 'Consular',
      climate: 'Climate',
      culture: 'Culture',
      outreach: 'Outreach',
      trade: 'Trade',
      other: 'Other',
    },
    partyKind: { country: 'Country', organization: 'Organization' },
    side: { ours: 'Our side', theirs: 'Their side' },
    visibility: { private: 'Private', shared: 'Shared' },
    documentKind: {
      draft: 'Draft text',
      agreement: 'Signed agreement',
      'note-verbale': 'Note verbale',
      cv: 'CV',
      map: 'Map',
      press: 'Press',
      other: 'Other',
    },
    language: { es: 'Spanish', en: 'English', '': 'Not given' },
  },
};

export const VOCABULARY: Record<Lang, Vocabulary> = { es, en };

export function isChoice<G extends ChoiceGroup>(group: G, value: unknown): value is ChoiceValue<G> {
  return (CHOICES[group] as readonly unknown[]).includes(value);
}

/** The label of a choice in `lang`; a value the group does not offer is shown as stored. */
export function choiceLabel(lang: Lang, group: ChoiceGroup, value: string): string {
  const labels = VOCABULARY[lang].enums[group] as Record<string, string>;
  return Object.hasOwn(labels, value) ? labels[value]! : value;
}

export function kindLabel(lang: Lang, kind: KindName): string {
  return VOCABULARY[lang].kinds[kind];
}
