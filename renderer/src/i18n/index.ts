// The UI's words in Spanish and English. The first visit follows the browser's language; a choice made with
// the language switch is remembered on this computer.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from './resources.js';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'valija.language';

export function initialLanguage(
  stored: string | null = localStorage.getItem(STORAGE_KEY),
  browser: string = navigator.language,
): Language {
  if (stored === 'es' || stored === 'en') return stored;
  return browser.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources: RESOURCES,
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export default i18next;
