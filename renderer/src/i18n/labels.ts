import type { TFunction } from 'i18next';
import { FACES } from '#shared/domain/asset.ts';
import { PRODUCT_CATEGORIES } from '#shared/domain/participant.ts';
import { messages } from '#shared/i18n/messages.ts';

/*
 * Labels for values that arrive as plain strings (a results row, a bundle's
 * report) but name something the messages translate. Each checks the value
 * first, so t() only ever sees a key that exists (typed keys, checked by tsc);
 * a value the studio does not know (a table from a newer bundle) shows as itself.
 */

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

type BundleTable = keyof (typeof messages.id)['bundles']['tables'];
const BUNDLE_TABLES = Object.keys(messages.id.bundles.tables) as BundleTable[];

/** A product category's name ("Makanan"), or the code itself when the studio does not know it. */
export function categoryLabel(t: TFunction, code: string): string {
  return isOneOf(PRODUCT_CATEGORIES, code) ? t(`categories.${code}`) : code;
}

/** A face's name ("Depan"), or the code itself. */
export function faceLabel(t: TFunction, face: string): string {
  return isOneOf(FACES, face) ? t(`faces.${face}`) : face;
}

/** What kind of record a bundle table holds ("Peserta"), or the table's name itself. */
export function bundleTableLabel(t: TFunction, table: string): string {
  return isOneOf(BUNDLE_TABLES, table) ? t(`bundles.tables.${table}`) : table;
}
