import type { TFunction } from 'i18next';
import type { Refusal } from './useBundleImport.ts';

/** The translated reason a bundle was refused, naming the file or table inside it where the check gave one. */
export function problemText(refusal: Refusal, t: TFunction): string {
  const where = refusal.path ? t('bundles.problems.where', { path: refusal.path }) : '';
  return t(`bundles.problems.${refusal.problem}`, { where, version: refusal.version ?? '' });
}
