import type { ParticipantFields } from '../domain/participant.ts';
import { baseFileName, matchParticipant, normaliseName, parseDesignFileName, sameBusiness } from './fileNames.ts';
import type { RosterEntry } from './roster.ts';

type Fields = Omit<ParticipantFields, 'workshopId'>;
/** A participant already in the workshop, as far as the plan needs it. */
export type ExistingParticipant = Fields & { id: string };

/** The participant fields a roster can change, as the preview names them. */
export const ROSTER_CHANGE_FIELDS = [
  'owner',
  'category',
  'city',
  'region',
  'contact',
  'registrationNumber',
  'halalCertificate',
  'netContent',
  'packagingMaterial',
  'packDimensions',
] as const;
export type RosterChangeField = (typeof ROSTER_CHANGE_FIELDS)[number];

export type RosterWrite =
  | { action: 'create'; row: number; fields: Fields }
  /** Same business and product already in the workshop, and the roster changes some of its fields. */
  | { action: 'update'; row: number; id: string; fields: Fields; changes: RosterChangeField[] }
  /** Same business and product already in the workshop, with nothing the roster would change. */
  | { action: 'unchanged'; row: number; id: string };

/** The roster entry without the row and the file names: what a participant keeps. */
export function entryFields(entry: RosterEntry): Fields {
  const { files: _files, row: _row, ...fields } = entry;
  return fields;
}

/** The live participant with the same business (PT, CV… aside) and the same product, or undefined. */
export function sameParticipant<T extends Fields & { id: string }>(fields: Fields, existing: readonly T[]): T | undefined {
  const product = normaliseName(fields.product);
  return existing.find((p) => sameBusiness(p.business, fields.business) && normaliseName(p.product) === product);
}

/**
 * What an existing participant becomes with a roster row over it: every value
 * the roster gives replaces the old one; a blank cell keeps it, and so does
 * a category the roster left as 'other'.
 */
export function mergeRosterFields(old: Fields, roster: Fields): { fields: Fields; changes: RosterChangeField[] } {
  const text = (a: string, b: string) => (b.trim() ? b : a);
  const fields: Fields = {
    ...old,
    owner: text(old.owner, roster.owner),
    category: roster.category === 'other' ? old.category : roster.category,
    city: text(old.city, roster.city),
    region: text(old.region, roster.region),
    contact: text(old.contact, roster.contact),
    labelFacts: {
      registrationNumber: text(old.labelFacts.registrationNumber, roster.labelFacts.registrationNumber),
      halalCertificate: text(old.labelFacts.halalCertificate, roster.labelFacts.halalCertificate),
      netContent: text(old.labelFacts.netContent, roster.labelFacts.netContent),
      packagingMaterial: roster.labelFacts.packagingMaterial ?? old.labelFacts.packagingMaterial,
    },
    packDimensions: roster.packDimensions ?? old.packDimensions,
  };
  const changes = ROSTER_CHANGE_FIELDS.filter((key) => {
    if (key === 'packDimensions') return JSON.stringify(fields.packDimensions) !== JSON.stringify(old.packDimensions);
    if (key in fields.labelFacts) {
      const k = key as keyof Fields['labelFacts'];
      return fields.labelFacts[k] !== old.labelFacts[k];
    }
    const k = key as Exclude<RosterChangeField, keyof Fields['labelFacts'] | 'packDimensions'>;
    return fields[k] !== old[k];
  });
  return { fields, changes };
}

/** Per roster entry: create a participant, update the one with the same business and product, or leave it as it is. */
export function planRosterWrites(entries: readonly RosterEntry[], existing: readonly ExistingParticipant[]): RosterWrite[] {
  return entries.map((entry): RosterWrite => {
    const fields = entryFields(entry);
    const found = sameParticipant(fields, existing);
    if (!found) return { action: 'create', row: entry.row, fields };
    const { id, ...old } = found;
    const merged = mergeRosterFields(old, fields);
    return merged.changes.length === 0
      ? { action: 'unchanged', row: entry.row, id }
      : { action: 'update', row: entry.row, id, fields: merged.fields, changes: merged.changes };
  });
}

/** How a design folder's files fall against the roster rows. */
export type RosterFolderMatch = {
  /** 1-based roster row → the folder's paths that go to it. */
  byRow: Map<number, string[]>;
  /** Per row, the file names it lists that the folder lacks. */
  missing: Map<number, string[]>;
  /** Paths no roster row claims: they go by their name to a participant, or to the unassigned tray. */
  others: string[];
};

/**
 * Which of a folder's files go to which roster row, as the import will send
 * them: a file the row names (by base name, in any sub-folder), else a
 * `Business - Product - face` name that matches the row.
 */
export function matchRosterFolder(entries: readonly RosterEntry[], paths: readonly string[]): RosterFolderMatch {
  const byName = new Map<string, number>();
  for (const entry of entries) for (const file of entry.files) byName.set(normaliseName(baseFileName(file)), entry.row);
  const candidates = entries.map((e) => ({ id: String(e.row), business: e.business, product: e.product }));
  const byRow = new Map<number, string[]>();
  const others: string[] = [];
  const found = new Set<string>();
  for (const path of paths) {
    const name = normaliseName(baseFileName(path));
    let row = byName.get(name);
    if (row !== undefined) found.add(name);
    else {
      const parsed = parseDesignFileName(baseFileName(path));
      const id = parsed ? matchParticipant(parsed, candidates) : null;
      row = id === null ? undefined : Number(id);
    }
    if (row === undefined) others.push(path);
    else byRow.set(row, [...(byRow.get(row) ?? []), path]);
  }
  const missing = new Map<number, string[]>();
  for (const entry of entries) {
    const absent = entry.files.filter((f) => !found.has(normaliseName(baseFileName(f))));
    if (absent.length > 0) missing.set(entry.row, absent);
  }
  return { byRow, missing, others };
}
