/**
 * Book models for the tests. The Ecuador meeting uses only what the seed report states (the
 * Presidential Meeting and Binational Cabinet with Ecuador, in Quito; the Quito Declaration; the
 * 2025–2026 Action Plan); everything else is invented for the example and marked "(ejemplo)".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, BookAnnex, BookModel, BookSection, SectionId } from '../../../electron/book/model.js';
import type { Lang, Paper } from '../../../domain/results.js';

export { syntheticBook } from '../../../electron/book/synthetic.js';

export interface EcuadorOptions {
  lang?: Lang;
  paper?: Paper;
  withPrivate?: boolean;
  copyFor?: string;
  /** Sections to leave without data (they must not print). */
  empty?: SectionId[];
}

export function ecuadorBook(options: EcuadorOptions = {}): BookModel {
  const empty = new Set(options.empty ?? []);
  const sections: BookSection[] = [
    {
      id: 'purpose',
      blocks: [
        {
          type: 'paragraph',
          markdown:
            'Preparar la participación peruana en el **Encuentro Presidencial y Gabinete Binacional Perú–Ecuador**, ' +
            'celebrado en Quito, y dar seguimiento a la *Declaración de Quito* y al *Plan de Acción 2025–2026*.',
        },
        { type: 'heading', level: 2, text: { key: 'purpose.objectives' } },
        {
          type: 'bulletList',
          items: [
            'Revisar el grado de avance de los compromisos del Plan de Acción 2025–2026 (ejemplo).',
            'Acordar un calendario de reuniones técnicas para el año próximo (ejemplo).',
            '¿Cómo asegurar el seguimiento de la Declaración de Quito? Proponer un mecanismo de evaluación semestral (ejemplo).',
          ],
        },
      ],
    },
    {
      id: 'programme',
      blocks: [
        {
          type: 'keyValue',
          items: [
            { label: { key: 'programme.kind' }, value: 'Encuentro Presidencial y Gabinete Binacional' },
            { label: { key: 'cover.place' }, value: 'Quito, Ecuador' },
            {
              label: { key: 'programme.logistics' },
              value: 'Traslados y horarios por confirmar con el protocolo anfitrión (ejemplo).',
            },
          ],
        },
        { type: 'heading', level: 2, text: { key: 'programme.agenda' } },
        {
          type: 'table',
          columns: [
            { label: { key: 'programme.time' }, width: 0.16 },
            { label: { key: 'programme.item' }, width: 0.84 },
          ],
          rows: [
            ['09:00', 'Llegada de las delegaciones y saludo protocolar (ejemplo).'],
            ['10:00', 'Sesión del Gabinete Binacional: informes de los ejes temáticos (ejemplo).'],
            ['12:30', 'Suscripción de la **Declaración de Quito** y del Plan de Acción 2025–2026.'],
            ['13:00', 'Declaración conjunta a la prensa (ejemplo).'],
          ],
        },
      ],
    },
    {
      id: 'points',
      blocks: [
        { type: 'heading', level: 2, text: { key: 'points.certain' } },
        {
          type: 'numberedList',
          items: [
            'El Perú valora la Declaración de Quito como hoja de ruta de la relación bilateral (ejemplo).',
            'Reafirmar el compromiso con la ejecución del Plan de Acción 2025–2026 (ejemplo).',
          ],
        },
        { type: 'heading', level: 2, text: { key: 'points.possible' } },
        {
          type: 'numberedList',
          start: 3,
          items: ['Proponer una reunión de seguimiento técnico en el primer semestre (ejemplo).'],
        },
        { type: 'heading', level: 2, text: { key: 'points.defensive' } },
        {
          type: 'numberedList',
          start: 4,
          items: [
            'Si se plantea el retraso de algún compromiso: señalar que el Perú informará su avance (ejemplo).',
          ],
        },
      ],
    },
    {
      id: 'theirObjectives',
      blocks: [
        {
          type: 'table',
          columns: [
            { label: { key: 'theirObjectives.objective' }, width: 0.5 },
            { label: { key: 'theirObjectives.response' }, width: 0.5 },
          ],
          rows: [
            [
              'Obtener un compromiso de calendario para el Plan de Acción (ejemplo).',
              'Aceptar un calendario realista, sujeto a revisión semestral (ejemplo).',
            ],
          ],
        },
      ],
    },
    {
      id: 'press',
      blocks: [
        {
          type: 'paragraph',
          markdown:
            '«El Perú y el Ecuador reafirman en Quito su voluntad de cooperación y dan seguimiento a la Declaración de Quito.» (ejemplo)',
        },
      ],
    },
    {
      id: 'background',
      blocks: [
        { type: 'heading', level: 2, text: { key: 'background.relationship' } },
        {
          type: 'paragraph',
          markdown:
            'En sus primeros cien días, el Gobierno de Transición y Reconciliación Nacional celebró el Encuentro ' +
            'Presidencial y Gabinete Binacional con el Ecuador, en el que se suscribieron la Declaración de Quito ' +
            'y el Plan de Acción 2025–2026.',
        },
        { type: 'heading', level: 2, text: { key: 'background.lastMeeting' } },
        {
          type: 'paragraph',
          markdown:
            'Resumen de la última reunión, sus acuerdos y su seguimiento (ejemplo). ¡Atención a los plazos!',
        },
      ],
    },
    {
      id: 'commitments',
      blocks: [
        {
          type: 'table',
          columns: [
            { label: { key: 'commitments.text' }, width: 0.4 },
            { label: { key: 'commitments.owingParty' }, width: 0.14 },
            { label: { key: 'commitments.originMeeting' }, width: 0.2 },
            { label: { key: 'commitments.dueDate' }, width: 0.14 },
            { label: { key: 'commitments.status' }, width: 0.12 },
          ],
          rows: [
            [
              'Informe de avance del Plan de Acción 2025–2026 (ejemplo).',
              'Perú',
              'Gabinete Binacional, Quito',
              [{ date: '2026-03-31', style: 'short' }, ' ', { key: 'commitments.overdue' }],
              { choice: 'commitmentStatus', value: 'open' },
            ],
            [
              'Propuesta de mecanismo de seguimiento de la Declaración de Quito (ejemplo).',
              'Ecuador',
              'Gabinete Binacional, Quito',
              { date: '2026-12-15', style: 'short' },
              { choice: 'commitmentStatus', value: 'open' },
            ],
          ],
          highlightRows: [0],
        },
      ],
    },
    {
      id: 'initiatives',
      blocks: [
        {
          type: 'table',
          columns: [
            { label: { key: 'initiatives.title' }, width: 0.6 },
            { label: { key: 'initiatives.area' }, width: 0.2 },
            { label: { key: 'initiatives.status' }, width: 0.2 },
          ],
          rows: [
            [
              'Plan de Acción 2025–2026',
              { choice: 'area', value: 'integration' },
              { choice: 'initiativeStatus', value: 'active' },
            ],
          ],
        },
      ],
    },
    {
      id: 'biographies',
      blocks: [
        { type: 'heading', level: 2, text: 'Nombre Apellido (ejemplo)' },
        {
          type: 'keyValue',
          items: [
            { label: { key: 'bio.role' }, value: 'Cargo de la contraparte (ejemplo)' },
            { label: { key: 'bio.languages' }, value: 'Español, inglés (ejemplo)' },
            {
              label: { key: 'bio.protocol' },
              value: 'Tratamiento y necesidades de interpretación (ejemplo).',
            },
            { label: { key: 'bio.biography' }, value: 'Trayectoria profesional resumida (ejemplo).' },
          ],
        },
      ],
    },
    {
      id: 'sharedNotes',
      blocks: [
        {
          type: 'note',
          author: 'Desk Ecuador (ejemplo)',
          date: '2026-11-20',
          target: 'Plan de Acción 2025–2026',
          body: 'Verificar con los sectores el avance de cada eje antes de la reunión (ejemplo).',
        },
      ],
    },
  ];
  if (options.withPrivate) {
    sections.push({
      id: 'privateNotes',
      blocks: [
        {
          type: 'note',
          author: 'Autora de este dispositivo (ejemplo)',
          date: '2026-11-21',
          target: 'Declaración de Quito',
          body: 'Nota personal: recordar el punto sobre el calendario (ejemplo).',
        },
      ],
    });
  }
  sections.push({
    id: 'card',
    blocks: [
      { type: 'heading', level: 2, text: { key: 'points.certain' } },
      {
        type: 'numberedList',
        items: [
          'El Perú valora la Declaración de Quito como hoja de ruta (ejemplo).',
          'Compromiso con el Plan de Acción 2025–2026 (ejemplo).',
        ],
      },
      { type: 'heading', level: 2, text: { key: 'points.defensive' } },
      { type: 'numberedList', start: 3, items: ['El Perú informará su avance (ejemplo).'] },
    ],
  });
  for (const s of sections) if (empty.has(s.id)) s.blocks = [];
  return {
    lang: options.lang ?? 'es',
    paper: options.paper ?? 'a4',
    classification: 'confidential',
    generatedAt: '2026-11-27T10:30:00-05:00',
    copyFor: options.copyFor ?? 'Despacho Ministerial (ejemplo)',
    copyId: 'EC-2026-001',
    cover: {
      title: 'Encuentro Presidencial y Gabinete Binacional Perú–Ecuador',
      counterpart: 'República del Ecuador',
      dateText: 'Fecha por confirmar (ejemplo)',
      place: 'Quito',
    },
    sections,
  };
}

/** A model with one section holding the given blocks (plus nothing else). */
export function oneSectionBook(blocks: Block[], overrides: Partial<BookModel> = {}): BookModel {
  return {
    lang: 'es',
    paper: 'a4',
    classification: 'restricted',
    generatedAt: '2026-11-27T09:00:00Z',
    cover: { title: 'Prueba', counterpart: 'Contraparte (ejemplo)' },
    sections: [{ id: 'points', blocks }],
    ...overrides,
  };
}

/** The corpus of documents to annex (object streams, damage, encryption, images, another format …). */
export const CORPUS = new URL('../../fixtures/documents/', import.meta.url).pathname;

/** A corpus file as the book's n-th annex, titled "Documento <file>". */
export function annexOf(file: string, mediaType: string, n: number): BookAnnex {
  const content = readFileSync(join(CORPUS, file));
  return {
    documentId: `0195a000-0000-7000-8000-0000090000${String(n).padStart(2, '0')}`,
    title: `Documento ${file}`,
    fileName: file,
    mediaType,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    classification: 'restricted',
    content: new Uint8Array(content),
  };
}
