// The UI's words: the screens' own (es.json, en.json) and the vocabulary of record kinds and choices that
// the briefing book prints too (domain/vocabulary.ts), under `kinds.<kind>` and `enums.<group>.<value>`.
import { VOCABULARY } from '../../../domain/vocabulary.js';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

export const RESOURCES = {
  es: { translation: { ...es, ...VOCABULARY.es } },
  en: { translation: { ...en, ...VOCABULARY.en } },
};
