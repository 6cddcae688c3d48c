import type { Language } from '../contract/channels.ts';
import { en } from './en.ts';
import { id, type Messages } from './id.ts';

/** Every UI string of the studio, by language. */
export const messages: Readonly<Record<Language, Messages>> = { id, en };

/** Locale for Intl number, date and money formatting: Indonesian conventions in both languages. */
export const FORMAT_LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-ID' };
