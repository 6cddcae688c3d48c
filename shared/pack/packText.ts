import { messages } from '../i18n/messages.ts';
import { packEn, packId } from '../i18n/parts/pack.ts';

/** The languages a pack is written in. */
export const PACK_LANGUAGES = ['id', 'en'] as const;
export type PackLanguage = (typeof PACK_LANGUAGES)[number];

export type PackMessages = typeof packId;

/** The pack's own words, by language. */
export const PACK_MESSAGES: Readonly<Record<PackLanguage, PackMessages>> = { id: packId, en: packEn };

/** The studio's shared words (faces, categories, severities, label items…), reused so the pack says what the app says. */
export function studioMessages(language: PackLanguage) {
  return messages[language];
}

/** BCP 47 tag written into the PDF (`/Lang`) and used for Intl. */
export const PACK_LOCALES: Readonly<Record<PackLanguage, string>> = { id: 'id-ID', en: 'en-GB' };

/**
 * Fills `{{name}}` placeholders, as i18next does. A placeholder without a value
 * is left as written, so a missing value shows up in tests instead of vanishing.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/** "Depan" → "depan": Indonesian puts a face name inside a phrase in lower case ("Tampak depan"). */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleLowerCase('id-ID') + text.slice(1);
}
