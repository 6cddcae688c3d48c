import type { Messages } from './id.ts';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Every dotted path to a string in `T`; a plural key is named without its suffix, as t('x', { count }) uses it. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${PluralSuffix}` ? Base : K}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * A translation key the studio defines, for data that names one (a shortcut's label, a reason
 * table). The renderer's t() is typed from the same messages (renderer/src/i18n/resources.d.ts).
 */
export type MessageKey = Leaves<Messages>;
