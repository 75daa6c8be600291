/**
 * A synthetic briefing book of about N pages, for the benchmark and the long-document tests.
 * Deterministic: the same N gives the same model. The text is Spanish-looking filler with accents,
 * in every kind of block the renderer knows.
 */
import { SECTION_ORDER, type Block, type BookModel, type BookSection } from './model.js';
import { t } from './strings.js';

/** Filler words of the domain (the book bench and the UI bench's generated store both use them). */
const WORDS = (
  'cooperación fronteriza desarrollo integración binacional seguimiento compromiso declaración ' +
  'plan acción gabinete ministerio relaciones exteriores comercio seguridad migración energía ' +
  'infraestructura educación salud ambiente cuenca hídrica pueblos indígenas año señalar ' +
  'mecanismo evaluación informe avance reunión técnica comisión mixta diálogo político región ' +
  'andina pacífico puerto carretera interconexión eléctrica consular protección nacionales'
).split(' ');

/** A small linear congruential generator: deterministic filler without Math.random. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

function paragraph(next: () => number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    let s = sentence(next, 8 + Math.floor(next() * 14));
    if (i === 1) s = s.replace(/^(\S+) (\S+)/, '$1 **$2**');
    out.push(s);
  }
  return out.join(' ');
}

/** Blocks filling roughly one A4 page. */
function pageOfBlocks(next: () => number, n: number): Block[] {
  return [
    { type: 'heading', level: 2, text: `Tema ${n}: ${sentence(next, 4).slice(0, -1)}` },
    { type: 'paragraph', markdown: paragraph(next, 5) },
    { type: 'paragraph', markdown: paragraph(next, 4) },
    {
      type: 'numberedList',
      items: [0, 1, 2].map(() => sentence(next, 12 + Math.floor(next() * 10))),
    },
    {
      type: 'table',
      columns: [
        { label: { key: 'commitments.text' }, width: 0.5 },
        { label: { key: 'commitments.owingParty' }, width: 0.2 },
        { label: { key: 'commitments.dueDate' }, width: 0.3 },
      ],
      rows: [0, 1, 2].map((r) => [
        sentence(next, 8),
        r % 2 ? 'Ecuador' : 'Perú',
        { date: `2026-0${1 + r}-15` },
      ]),
      highlightRows: [1],
    },
    { type: 'paragraph', markdown: paragraph(next, 3) },
  ];
}

/** Every section but the private annex and the card, in print order. */
const BODY_SECTIONS = SECTION_ORDER.filter((id) => id !== 'privateNotes' && id !== 'card');

export function syntheticBook(pages: number, seed = 1): BookModel {
  const next = rng(seed);
  // One block group fills about 0.87 of an A4 page (measured): aim at `pages` pages in all.
  const per = Math.max(1, Math.round(pages / 0.87 / BODY_SECTIONS.length));
  let n = 0;
  const sections: BookSection[] = BODY_SECTIONS.map((id) => {
    const blocks: Block[] = [];
    for (let p = 0; p < per; p++) blocks.push(...pageOfBlocks(next, ++n));
    return { id, blocks };
  });
  sections.push({
    id: 'card',
    blocks: [
      { type: 'heading', level: 2, text: { key: 'points.certain' } },
      { type: 'numberedList', items: [0, 1, 2, 3, 4].map(() => sentence(next, 14)) },
    ],
  });
  return {
    lang: 'es',
    paper: 'a4',
    classification: 'restricted',
    generatedAt: '2026-11-27T09:00:00Z',
    copyFor: 'Banco de pruebas',
    copyId: `S-${pages}`,
    cover: {
      title: `Carpeta sintética de ${pages} páginas`,
      counterpart: 'Contraparte de ejemplo',
      dateText: '27 de noviembre de 2026',
      place: 'Lima',
    },
    sections,
  };
}

/** The same content as plain text runs, for a bare-pdfkit baseline in the benchmark. */
export function flattenForBaseline(
  model: BookModel,
): { kind: 'h1' | 'h2' | 'p' | 'li' | 'row'; text: string[] }[] {
  const out: { kind: 'h1' | 'h2' | 'p' | 'li' | 'row'; text: string[] }[] = [];
  const plain = (v: unknown): string =>
    typeof v === 'string'
      ? v.replace(/\*\*/g, '')
      : v && typeof v === 'object' && 'date' in v
        ? String(v.date)
        : 'label';
  for (const s of model.sections) {
    out.push({ kind: 'h1', text: [s.title ?? t(model.lang, `section.${s.id}`)] });
    for (const b of s.blocks) {
      if (b.type === 'heading') out.push({ kind: 'h2', text: [plain(b.text)] });
      else if (b.type === 'paragraph') out.push({ kind: 'p', text: [plain(b.markdown)] });
      else if (b.type === 'numberedList' || b.type === 'bulletList')
        for (const i of b.items) out.push({ kind: 'li', text: [plain(i)] });
      else if (b.type === 'table') for (const r of b.rows) out.push({ kind: 'row', text: r.map(plain) });
    }
  }
  return out;
}
