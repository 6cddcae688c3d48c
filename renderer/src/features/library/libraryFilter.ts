import type { LibraryItem } from '../../data/libraryRepo.ts';
import { normaliseName } from '#shared/intake/fileNames.ts';
import { actionableWarnings, faceReadiness } from '#shared/intake/faceReadiness.ts';

export interface LibraryFilter {
  query: string;
  region: string;
  category: string;
  status: '' | 'reviewed' | 'unreviewed';
  withWarnings: boolean;
  latestOnly: boolean;
  sort: 'name' | 'newest' | 'warnings';
}

export const DEFAULT_FILTER: LibraryFilter = {
  query: '',
  region: '',
  category: '',
  status: '',
  withWarnings: false,
  latestOnly: true,
  sort: 'name',
};

export interface LibraryRow extends LibraryItem {
  warningCount: number;
  /** The participant's region, or the workshop's when the participant has none. */
  region: string;
}

/** Adds what the grid shows and filters on: print warnings, the effective region. */
export function toRows(items: readonly LibraryItem[], workshopRegion: string): LibraryRow[] {
  return items.map((item) => ({
    ...item,
    region: item.participant.region || workshopRegion,
    warningCount: item.faces.reduce((n, face) => n + actionableWarnings(faceReadiness(face, item.participant?.packDimensions ?? null)).length, 0),
  }));
}

/** Search, filters and sort of the library grid; pure so the grid stays a view. */
export function filterRows(rows: readonly LibraryRow[], filter: LibraryFilter): LibraryRow[] {
  const words = normaliseName(filter.query).split(' ').filter(Boolean);
  const matches = (row: LibraryRow) => {
    const haystack = normaliseName(`${row.participant.business} ${row.participant.owner} ${row.participant.product} ${row.submission.title}`);
    return words.every((w) => haystack.includes(w));
  };
  const kept = rows.filter(
    (row) =>
      (!filter.latestOnly || row.latest) &&
      (!filter.region || row.region === filter.region) &&
      (!filter.category || row.participant.category === filter.category) &&
      (!filter.status || (filter.status === 'reviewed') === row.reviewed) &&
      (!filter.withWarnings || row.warningCount > 0) &&
      matches(row),
  );
  const byName = (a: LibraryRow, b: LibraryRow) =>
    a.participant.business.localeCompare(b.participant.business, 'id') || b.submission.version - a.submission.version;
  const sorters: Record<LibraryFilter['sort'], (a: LibraryRow, b: LibraryRow) => number> = {
    name: byName,
    newest: (a, b) => b.submission.submittedAt - a.submission.submittedAt || byName(a, b),
    warnings: (a, b) => b.warningCount - a.warningCount || byName(a, b),
  };
  return kept.sort(sorters[filter.sort]);
}
