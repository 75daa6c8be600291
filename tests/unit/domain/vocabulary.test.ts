// One vocabulary: every choice of every kind reads the same in the printed book as on the screens, in both
// languages — the book's label is resolved by the book's own text stage, the screen's by an i18next set up
// with the renderer's own resources.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../../domain/kinds.js';
import type { Lang } from '../../../domain/results.js';
import { CHOICES, type ChoiceGroup } from '../../../domain/vocabulary.js';
import { collectBook } from '../../../electron/book/collect.js';
import { renderBook } from '../../../electron/book/render.js';
import { classificationMarking } from '../../../electron/book/strings.js';
import { textRuns } from '../../../electron/book/text-layout.js';
import { openStore } from '../../../db/store.js';
import { putRecords } from '../../../db/writer.js';
import { RESOURCES } from '../../../renderer/src/i18n/resources.js';
import { readPdf } from '../book/read-pdf.js';

const LANGS: Lang[] = ['es', 'en'];

async function screenLabels(lang: Lang) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: RESOURCES, lng: lang, returnNull: false });
  return (key: string) => (i18n.exists(key) ? i18n.t(key) : `(missing ${key})`);
}

const bookLabel = (lang: Lang, choice: ChoiceGroup, value: string) =>
  textRuns({ choice, value }, lang)
    .map((run) => run.text)
    .join('');

describe('one vocabulary for screen and print', () => {
  it.each(LANGS)(
    'every choice of every kind has the same label in the book as on screen (%s)',
    async (lang) => {
      const screen = await screenLabels(lang);
      const groups = Object.keys(CHOICES) as ChoiceGroup[];
      expect(groups.length).toBeGreaterThanOrEqual(10);
      for (const group of groups) {
        for (const value of CHOICES[group]) {
          const onScreen = screen(`enums.${group}.${value}`);
          expect(onScreen, `${group}.${value}`).not.toMatch(/^\(missing|^enums\./);
          expect(bookLabel(lang, group, value), `${group}.${value}`).toBe(onScreen);
        }
        // The classification's marking is the same word, in capitals.
      }
      for (const level of CHOICES.classification)
        expect(classificationMarking(lang, level)).toBe(
          screen(`enums.classification.${level}`).toLocaleUpperCase(lang),
        );
      for (const kind of KIND_NAMES) expect(screen(`kinds.${kind}`)).not.toMatch(/^\(missing|^kinds\./);
    },
  );

  it('a printed book says "Activa" and "Promoción" where the Spanish screens do, "Active" and "Outreach" in English', async () => {
    const store = openStore(':memory:', { create: true });
    try {
      const [party] = putRecords(store.writer, 'party', { kind: 'country', name: 'Ecuador', isoCode: 'EC' });
      const [initiative] = putRecords(store.writer, 'initiative', {
        title: 'Plan binacional de promoción',
        status: 'active',
        area: 'outreach',
        partyIds: [party!.id],
      });
      const [meeting] = putRecords(store.writer, 'meeting', {
        title: 'Consultas políticas',
        kind: 'presidential',
        partyIds: [party!.id],
        purpose: 'Revisar la agenda.',
        place: 'Quito',
        initiativeIds: [initiative!.id],
      });
      for (const lang of LANGS) {
        const screen = await screenLabels(lang);
        const model = collectBook(store.db, meeting!.id, {
          lang,
          paper: 'a4',
          annotations: 'none',
          generatedAt: '2026-12-01',
        });
        const { pdf } = await renderBook(model);
        const text = (await readPdf(pdf)).pages.map((page) => page.text).join('\n');
        for (const key of [
          'enums.initiativeStatus.active',
          'enums.area.outreach',
          'enums.meetingKind.presidential',
        ])
          expect(text, `${lang}: ${key}`).toContain(screen(key));
      }
      expect(await screenLabels('es').then((s) => s('enums.initiativeStatus.active'))).toBe('Activa');
    } finally {
      store.db.close();
    }
  });
});
