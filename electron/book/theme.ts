/**
 * The book's page geometry, type scale and colours. Everything is in PDF points (1/72 in).
 * Colours stay dark and tints light so the book prints well in black and white.
 */
import type { Classification } from './model.js';
import type { Paper } from '../../domain/results.js';

export interface PageGeometry {
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  /** Top of the body text area. */
  bodyTop: number;
  /** Bottom of the body text area (nothing of the body goes below it). */
  bodyBottom: number;
  /** Width of the body text area. */
  textWidth: number;
}

const MM = 72 / 25.4;

export function pageGeometry(paper: Paper): PageGeometry {
  const [width, height] = paper === 'letter' ? [612, 792] : [595.28, 841.89];
  const marginLeft = 25 * MM;
  const marginRight = 25 * MM;
  return {
    width,
    height,
    marginLeft,
    marginRight,
    bodyTop: 30 * MM,
    bodyBottom: height - 27 * MM,
    textWidth: width - marginLeft - marginRight,
  };
}

/** Where the running header and the footer sit (baselines, from the top of the page). */
export function chromeGeometry(geo: PageGeometry) {
  return {
    markingTop: 11 * MM,
    headerBaseline: 19 * MM,
    headerRule: 21 * MM,
    footerRule: geo.height - 20 * MM,
    footerBaseline: geo.height - 16 * MM,
    markingBottom: geo.height - 9.5 * MM,
  };
}

export const COLORS = {
  ink: '#1b1f24',
  muted: '#5b6470',
  faint: '#8a939e',
  accent: '#1f3a5f',
  rule: '#b9c1cb',
  hairline: '#d5dae0',
  tableHead: '#e8ecf1',
  tableStripe: '#f6f7f9',
  highlight: '#fbe6e2',
  highlightBar: '#a3272b',
  noteBar: '#7f93ad',
  /** The margin bar beside what changed since the copy a reissue replaces. */
  changeBar: '#c2410c',
  privateFill: '#fdf3dc',
  privateInk: '#7a4b00',
} as const;

/** Marking colours per level: dark enough for text, with a light tint for the cover bands. */
export const MARKING: Record<Classification, { ink: string; tint: string }> = {
  public: { ink: '#3c4650', tint: '#eceff2' },
  restricted: { ink: '#1d4f7a', tint: '#e3edf6' },
  confidential: { ink: '#8a4b00', tint: '#f8ecd9' },
  secret: { ink: '#9b1c1f', tint: '#f7e0e0' },
};

/** Font metrics of Noto Sans (per 1000 units): used to place baselines inside line boxes. */
export const ASCENT = 1.069;
export const DESCENT = 0.293;

export interface TypeScale {
  body: number;
  bodyLeading: number;
  small: number;
  smallLeading: number;
  h1: number;
  h2: number;
  h3: number;
  paragraphGap: number;
  itemGap: number;
  listIndent: number;
}

export const BASE_SCALE: TypeScale = {
  body: 10,
  bodyLeading: 14.2,
  small: 8.6,
  smallLeading: 11.6,
  h1: 15,
  h2: 11.5,
  h3: 10,
  paragraphGap: 6,
  itemGap: 3,
  listIndent: 18,
};

/** The same scale shrunk by `factor` (used to fit the card on one page). */
export function scaled(scale: TypeScale, factor: number): TypeScale {
  const out = { ...scale };
  for (const key of Object.keys(out) as (keyof TypeScale)[]) out[key] = scale[key] * factor;
  return out;
}

/** Baseline offset from the top of a line box of height `leading` for text of `size`. */
export function baselineIn(leading: number, size: number): number {
  return (leading - size * (ASCENT + DESCENT)) / 2 + size * ASCENT;
}
