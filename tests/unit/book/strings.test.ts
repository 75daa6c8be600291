import { describe, expect, it } from 'vitest';
import { classificationMarking, formatDate, t } from '../../../electron/book/strings.js';

describe('book strings', () => {
  it('prints markings and page numbers in each language', () => {
    expect(classificationMarking('es', 'confidential')).toBe('CONFIDENCIAL');
    expect(classificationMarking('en', 'restricted')).toBe('RESTRICTED');
    expect(classificationMarking('es', 'secret')).toBe('SECRETO');
    expect(classificationMarking('es', 'public')).toBe('PÚBLICO');
    expect(classificationMarking('en', 'public')).toBe('PUBLIC');
    expect(t('es', 'page.of', { page: 3, pages: 12 })).toBe('Página 3 de 12');
    expect(t('en', 'page.of', { page: 3, pages: 12 })).toBe('Page 3 of 12');
  });

  it('formats dates per language', () => {
    expect(formatDate('2026-11-27', 'es')).toBe('27 de noviembre de 2026');
    expect(formatDate('2026-11-27', 'en')).toBe('27 November 2026');
    expect(formatDate('2026-03-05', 'es', 'short')).toBe('05/03/2026');
  });

  it('prints the calendar date as written, whatever the time zone of the date-time or the machine', () => {
    expect(formatDate('2026-11-27T23:30:00-05:00', 'es')).toBe('27 de noviembre de 2026');
    expect(formatDate('2026-11-27T00:10:00+09:00', 'en')).toBe('27 November 2026');
  });

  it('leaves text that is not a date alone', () => {
    expect(formatDate('por confirmar', 'es')).toBe('por confirmar');
  });
});
