import { describe, expect, it } from 'vitest';
import type { Measurer } from '../../../electron/book/measure.js';
import { breakLines, linesToPlace, type Line } from '../../../electron/book/typeset.js';

/** A monospaced stand-in for the fonts: every character is half the font size wide (bold: 0.6). */
const mono: Measurer = {
  width: (text, face, size) => Array.from(text).length * size * (face.startsWith('bold') ? 0.6 : 0.5),
};

const text = (line: Line): string => line.fragments.map((f) => f.text).join('');
const plain = (s: string) => [{ text: s, face: 'regular' as const }];

describe('breakLines', () => {
  it('fills lines greedily without exceeding the width, keeping every word', () => {
    const source = 'uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince';
    const lines = breakLines(plain(source), 100, 10, mono); // 20 characters per line
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100);
    expect(lines.map(text).join(' ')).toBe(source);
    expect(lines.map(text)).toEqual([
      'uno dos tres cuatro',
      'cinco seis siete',
      'ocho nueve diez once',
      'doce trece catorce',
      'quince',
    ]);
  });

  it('collapses spaces and honours forced breaks', () => {
    const lines = breakLines(plain('a   b\nc'), 100, 10, mono);
    expect(lines.map(text)).toEqual(['a b', 'c']);
  });

  it('breaks a word longer than the line between characters, losing nothing', () => {
    const word = 'x'.repeat(300);
    const lines = breakLines(plain(`inicio ${word} fin`), 100, 10, mono);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100 + 1e-9);
    expect(lines.map(text).join('').replace(/ /g, '')).toBe(`inicio${word}fin`);
  });

  it('prefers breaking a long URL after a slash', () => {
    const url = 'https://example.org/' + 'segmento/'.repeat(10);
    const lines = breakLines(plain(url), 100, 10, mono);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(0, -1)) expect(text(l).endsWith('/')).toBe(true);
  });

  it('keeps styles as separate fragments positioned one after the other', () => {
    const [line] = breakLines(
      [
        { text: 'normal ', face: 'regular' },
        { text: 'negrita', face: 'bold' },
        { text: ' fin', face: 'regular' },
      ],
      500,
      10,
      mono,
    );
    expect(line!.fragments.map((f) => [f.text, f.face, f.x])).toEqual([
      ['normal ', 'regular', 0],
      ['negrita', 'bold', 35],
      [' fin', 'regular', 77],
    ]);
  });

  it('sets 20,000 characters quickly and within the width', () => {
    const words = Array.from({ length: 2500 }, (_, i) => `palabra${i % 17}`).join(' ');
    const lines = breakLines(plain(words), 400, 10, mono);
    expect(lines.every((l) => l.width <= 400)).toBe(true);
    expect(lines.map(text).join(' ')).toBe(words);
  });
});

describe('linesToPlace (widows and orphans)', () => {
  it('places everything that fits', () => {
    expect(linesToPlace(5, 5, false)).toBe(5);
    expect(linesToPlace(5, 9, false)).toBe(5);
  });

  it('never leaves a single line at the foot of a page', () => {
    expect(linesToPlace(5, 1, false)).toBe(0);
  });

  it('never carries a single line to the next page', () => {
    expect(linesToPlace(5, 4, false)).toBe(3);
    expect(linesToPlace(3, 2, false)).toBe(0);
    expect(linesToPlace(2, 1, false)).toBe(0);
  });

  it('satisfies both rules for every split it makes', () => {
    for (let total = 1; total <= 12; total++) {
      for (let fitting = 0; fitting <= 14; fitting++) {
        const k = linesToPlace(total, fitting, false);
        expect(k).toBeLessThanOrEqual(Math.min(total, fitting));
        if (k > 0 && k < total) {
          expect(k).toBeGreaterThanOrEqual(2);
          expect(total - k).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it('yields on an empty page, where moving on would not help', () => {
    expect(linesToPlace(50, 40, true)).toBe(40);
    expect(linesToPlace(3, 2, true)).toBe(2);
  });
});
