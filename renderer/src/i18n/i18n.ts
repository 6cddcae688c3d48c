import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '#shared/contract/channels.ts';
import { messages } from '#shared/i18n/messages.ts';

/**
 * Sets up i18next with the shared messages. A missing key is an error in
 * development and tests (the test suite also checks both languages statically).
 */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: ['id', 'en'],
    resources: {
      id: { translation: messages.id },
      en: { translation: messages.en },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => {
      console.error(`Missing translation key: ${key}`);
    },
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return instance;
}
