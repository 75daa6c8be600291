import type { Classification } from '../../domain/kinds.js';
import { choiceLabel } from '../../domain/vocabulary.js';

/**
 * The book's fixed wording in Spanish and English. Content written by people never comes from here;
 * only labels, headings and markings. Placeholders are written `{name}`.
 */

const es = {
  'section.purpose': 'Propósito y objetivos',
  'section.programme': 'Programa y agenda',
  'section.points': 'Puntos a tratar',
  'section.theirObjectives': 'Objetivos probables de la contraparte y nuestra respuesta',
  'section.press': 'Línea de prensa',
  'section.background': 'Antecedentes de la relación y última reunión',
  'section.commitments': 'Compromisos pendientes de ambas partes',
  'section.initiatives': 'Iniciativas relacionadas',
  'section.biographies': 'Biografías de la contraparte',
  'section.sharedNotes': 'Notas compartidas',
  'section.privateNotes': 'Notas privadas',
  'section.card': 'Tarjeta: puntos a tratar',

  'handling.public': 'Documento de uso oficial.',
  'handling.restricted': 'Uso oficial restringido. No distribuir fuera de las unidades autorizadas.',
  'handling.confidential': 'Contiene información confidencial. No copiar ni distribuir sin autorización.',
  'handling.secret': 'Contiene información secreta. Custodia personal; no copiar ni transmitir.',

  'cover.kicker': 'Carpeta de reunión',
  'cover.copyFor': 'Copia para',
  'cover.copyId': 'Copia n.º',
  'cover.generatedOn': 'Generado el',
  'cover.date': 'Fecha',
  'cover.place': 'Lugar',

  'contents.title': 'Índice',
  'contents.annexes': 'Anexos',
  'contents.withheld': 'Copia para acreditación {level}; elementos de nivel superior retenidos: {count}.',
  'annex.label': 'Anexo {letter}',
  'annex.caption': 'Anexo {letter} · {title}',
  'annex.documentPage': 'Página {page} de {pages} del documento',
  'annex.unprinted': 'Documento no impreso',
  'annex.field.title': 'Título',
  'annex.field.file': 'Archivo',
  'annex.field.type': 'Tipo',
  'annex.field.size': 'Tamaño',
  'annex.field.sha256': 'SHA-256',
  'annex.field.reason': 'Motivo',
  'annex.reason.format': 'El libro imprime PDF, PNG y JPEG; este archivo es de otro formato.',
  'annex.reason.encrypted': 'El PDF está protegido con contraseña y no puede abrirse sin ella.',
  'annex.reason.damaged': 'El archivo está dañado y no puede leerse.',
  'annex.reason.empty': 'El PDF no tiene páginas.',
  'annex.reason.missing': 'Este dispositivo no tiene el archivo.',
  'annex.reason.imageTooLarge': 'La imagen es demasiado grande para imprimirla.',
  'annex.keep': 'El archivo se conserva en Valija: ábralo allí o imprímalo por separado.',
  'page.of': 'Página {page} de {pages}',
  'footer.copyFor': 'Copia para {name}',
  'table.continued': '(continuación)',

  'private.banner': 'PRIVADO — solo para el autor',
  'private.explain':
    'Notas privadas de este dispositivo. No se comparten ni se exportan; retire este anexo antes de entregar la carpeta.',

  'card.kicker': 'Tarjeta desprendible',
  'card.cut': 'Recortar por la línea de puntos',
  'card.truncated': 'Tarjeta abreviada por espacio: texto completo en «{section}», página {page}.',

  'points.certain': 'Puntos firmes',
  'points.possible': 'Puntos posibles',
  'points.defensive': 'Puntos defensivos (solo si se plantea)',
  'points.press': 'Prensa',

  'purpose.objectives': 'Objetivos',

  'programme.time': 'Hora',
  'programme.item': 'Punto',
  'programme.agenda': 'Agenda',
  'programme.ours': 'Nuestra delegación',
  'programme.theirs': 'Su delegación',
  'programme.logistics': 'Logística',
  'programme.kind': 'Tipo de reunión',

  'theirObjectives.objective': 'Su objetivo',
  'theirObjectives.response': 'Nuestra respuesta',

  'background.relationship': 'La relación',
  'background.lastMeeting': 'Última reunión',
  'background.outcome': 'Resultado',

  'commitments.text': 'Compromiso',
  'commitments.owingParty': 'Parte obligada',
  'commitments.originMeeting': 'Reunión de origen',
  'commitments.dueDate': 'Vencimiento',
  'commitments.status': 'Estado',
  'commitments.overdue': 'VENCIDO',
  'commitments.noDate': 'Sin fecha',

  'initiatives.title': 'Iniciativa',
  'initiatives.area': 'Ámbito',
  'initiatives.status': 'Estado',

  'bio.role': 'Cargo',
  'bio.party': 'Entidad',
  'bio.languages': 'Idiomas',
  'bio.protocol': 'Protocolo',
  'bio.biography': 'Biografía',

  'note.on': 'Sobre',

  'changes.title': 'Cambios desde la copia n.º {copy} del {date}',
  'changes.explain': 'Una barra en el margen señala cada párrafo, punto, fila o nota nuevo o modificado.',
  'changes.none': 'Sin cambios desde la copia n.º {copy}.',
  'changes.added': 'Nuevo',
  'changes.changed': 'Modificado',
  'changes.removed': 'Suprimido',
  'cover.revision': 'Revisión {revision} — sustituye a la copia n.º {copy}',
} as const;

export type StringKey = keyof typeof es;

const en: Record<StringKey, string> = {
  'section.purpose': 'Purpose and objectives',
  'section.programme': 'Programme and agenda',
  'section.points': 'Points to make',
  'section.theirObjectives': 'Their likely objectives and our response',
  'section.press': 'Press line',
  'section.background': 'Background: the relationship and the last meeting',
  'section.commitments': 'Open commitments on both sides',
  'section.initiatives': 'Related initiatives',
  'section.biographies': 'Counterpart biographies',
  'section.sharedNotes': 'Shared notes',
  'section.privateNotes': 'Private notes',
  'section.card': 'Card: points to make',

  'handling.public': 'Official document.',
  'handling.restricted': 'Restricted official use. Do not distribute outside authorised units.',
  'handling.confidential':
    'Contains confidential information. Do not copy or distribute without authorisation.',
  'handling.secret': 'Contains secret information. Keep in personal custody; do not copy or transmit.',

  'cover.kicker': 'Briefing book',
  'cover.copyFor': 'Copy for',
  'cover.copyId': 'Copy no.',
  'cover.generatedOn': 'Generated on',
  'cover.date': 'Date',
  'cover.place': 'Place',

  'contents.title': 'Contents',
  'contents.annexes': 'Annexes',
  'contents.withheld': 'Copy for a reader cleared to {level}; items above it withheld: {count}.',
  'annex.label': 'Annex {letter}',
  'annex.caption': 'Annex {letter} · {title}',
  'annex.documentPage': 'Page {page} of {pages} of the document',
  'annex.unprinted': 'Document not printed',
  'annex.field.title': 'Title',
  'annex.field.file': 'File',
  'annex.field.type': 'Type',
  'annex.field.size': 'Size',
  'annex.field.sha256': 'SHA-256',
  'annex.field.reason': 'Reason',
  'annex.reason.format': 'The book prints PDF, PNG and JPEG files; this file is of another format.',
  'annex.reason.encrypted': 'The PDF is protected by a password and cannot be opened without it.',
  'annex.reason.damaged': 'The file is damaged and cannot be read.',
  'annex.reason.empty': 'The PDF has no pages.',
  'annex.reason.missing': 'This device does not hold the file.',
  'annex.reason.imageTooLarge': 'The image is too large to print.',
  'annex.keep': 'The file is kept in Valija: open it there or print it separately.',
  'page.of': 'Page {page} of {pages}',
  'footer.copyFor': 'Copy for {name}',
  'table.continued': '(continued)',

  'private.banner': 'PRIVATE — for the author only',
  'private.explain':
    "This device's private notes. They are never shared or exported; remove this annex before handing the book over.",

  'card.kicker': 'Detachable card',
  'card.cut': 'Cut along the dotted line',
  'card.truncated': 'Card shortened to fit: full text in “{section}”, page {page}.',

  'points.certain': 'Key points',
  'points.possible': 'Possible points',
  'points.defensive': 'Defensive points (only if raised)',
  'points.press': 'Press',

  'purpose.objectives': 'Objectives',

  'programme.time': 'Time',
  'programme.item': 'Item',
  'programme.agenda': 'Agenda',
  'programme.ours': 'Our delegation',
  'programme.theirs': 'Their delegation',
  'programme.logistics': 'Logistics',
  'programme.kind': 'Kind of meeting',

  'theirObjectives.objective': 'Their objective',
  'theirObjectives.response': 'Our response',

  'background.relationship': 'The relationship',
  'background.lastMeeting': 'Last meeting',
  'background.outcome': 'Outcome',

  'commitments.text': 'Commitment',
  'commitments.owingParty': 'Owing party',
  'commitments.originMeeting': 'Origin meeting',
  'commitments.dueDate': 'Due',
  'commitments.status': 'Status',
  'commitments.overdue': 'OVERDUE',
  'commitments.noDate': 'No date',

  'initiatives.title': 'Initiative',
  'initiatives.area': 'Area',
  'initiatives.status': 'Status',

  'bio.role': 'Position',
  'bio.party': 'Organisation',
  'bio.languages': 'Languages',
  'bio.protocol': 'Protocol',
  'bio.biography': 'Biography',

  'note.on': 'On',

  'changes.title': 'Changes since copy no. {copy} of {date}',
  'changes.explain': 'A bar in the margin marks each new or changed paragraph, point, row or note.',
  'changes.none': 'No changes since copy no. {copy}.',
  'changes.added': 'New',
  'changes.changed': 'Changed',
  'changes.removed': 'Removed',
  'cover.revision': 'Revision {revision} — replaces copy no. {copy}',
};

const STRINGS: Record<'es' | 'en', Record<StringKey, string>> = { es, en };

/** A classification as marked on the cover, the banner of every page and the card: its label in capitals. */
export function classificationMarking(lang: 'es' | 'en', level: Classification): string {
  return choiceLabel(lang, 'classification', level).toLocaleUpperCase(lang);
}

export function isStringKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(es, key);
}

/** The label for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang: 'es' | 'en', key: StringKey, vars?: Record<string, string | number>): string {
  const template = STRINGS[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Formatted dates (Intl formatting is slow next to a lookup; tables repeat dates). */
const formatted = new Map<string, string>();

function formatter(lang: 'es' | 'en', style: 'long' | 'short'): Intl.DateTimeFormat {
  const id = `${lang}:${style}`;
  let f = formatters.get(id);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en-GB', options);
    formatters.set(id, f);
  }
  return f;
}

/**
 * Formats the calendar date written at the start of an ISO date or date-time ("2026-11-27",
 * "2026-11-27T10:00-05:00") in the book's language. The date is taken as written — never shifted to
 * the printing machine's time zone — so the same model prints the same date everywhere.
 * Text that is not an ISO date is returned unchanged.
 */
export function formatDate(iso: string, lang: 'es' | 'en', style: 'long' | 'short' = 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const id = `${lang}:${style}:${m[0]}`;
  let text = formatted.get(id);
  if (text === undefined) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    text = Number.isNaN(d.getTime()) ? iso : formatter(lang, style).format(d);
    if (formatted.size > 10_000) formatted.clear();
    formatted.set(id, text);
  }
  return text;
}
