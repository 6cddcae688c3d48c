import type { Annotation } from '../domain/annotation.ts';
import { LABEL_ITEMS, type LABEL_ITEM_STATUSES, type LabelChecklist } from '../domain/labelChecklist.ts';
import type { Participant } from '../domain/participant.ts';
import { checkAgainstDeclared, decodePirt, type DecodedPirt, type PackagingMaterial } from './pirt.ts';

/*
 * The label checklist, as pure functions: what is checked, what is proved by
 * an annotation on the artwork, what the participant's declared facts make
 * "not applicable", and whether the registration number agrees with them.
 * The panel and, later, the critique pack read the same answers.
 */

export type LabelItem = (typeof LABEL_ITEMS)[number];
export type LabelItemStatus = (typeof LABEL_ITEM_STATUSES)[number];
export type ChecklistItems = LabelChecklist['items'];
export type ChecklistEntry = NonNullable<ChecklistItems[LabelItem]>;

export function isLabelItem(value: string): value is LabelItem {
  return (LABEL_ITEMS as readonly string[]).includes(value);
}

/**
 * A fresh checklist has no entries: an item without an entry is "not checked
 * yet", which is different from every status a mentor can choose.
 */
export function freshChecklistItems(): ChecklistItems {
  return {};
}

/** The status of an item, or null when it is not checked yet. */
export function itemStatus(items: ChecklistItems, item: LabelItem): LabelItemStatus | null {
  return items[item]?.status ?? null;
}

/** Present, missing and wrong are claims about the artwork, so they need an annotation as proof; "not applicable" does not. */
export function needsProof(status: LabelItemStatus | null): boolean {
  return status === 'present' || status === 'missing' || status === 'wrong';
}

export interface ItemProof {
  annotation: Annotation;
  /** 'item': the checklist entry names the annotation; 'annotation': the annotation links itself to the item. */
  via: 'item' | 'annotation';
}

export interface ProofResult {
  proof: ItemProof | null;
  /** The entry names an annotation that is deleted or unknown (another proof may still be found). */
  brokenLink: boolean;
}

const isLiveAnnotation = (a: Annotation) => a.deletedAt === null;

/**
 * The annotation that proves an item: the one the entry links to when it is
 * still live, else a live annotation linked to the item from the canvas side
 * (the checklist's own mentor's first, then by number).
 */
export function proofOf(
  items: ChecklistItems,
  item: LabelItem,
  annotations: readonly Annotation[],
  mentorId?: string,
): ProofResult {
  const linkedId = items[item]?.annotationId ?? null;
  const linked = linkedId === null ? undefined : annotations.find((a) => a.id === linkedId && isLiveAnnotation(a));
  if (linked) return { proof: { annotation: linked, via: 'item' }, brokenLink: false };
  const pointing = annotations
    .filter((a) => isLiveAnnotation(a) && a.link?.to === 'checklist' && a.link.item === item)
    .sort((a, b) => Number(b.mentorId === mentorId) - Number(a.mentorId === mentorId) || a.number - b.number);
  const first = pointing[0];
  return { proof: first ? { annotation: first, via: 'annotation' } : null, brokenLink: linkedId !== null };
}

export type StatusCounts = Record<LabelItemStatus | 'unchecked', number>;

export interface ChecklistProblem {
  item: LabelItem;
  status: 'missing' | 'wrong';
  note: string;
}

export interface ChecklistSummary {
  counts: StatusCounts;
  total: number;
  /** Items with any status, n.a. included. */
  checked: number;
  unchecked: LabelItem[];
  /** Items marked present, missing or wrong without a live annotation as proof. */
  unproved: LabelItem[];
  /** Missing and wrong items, in checklist order: what the participant must fix. */
  problems: ChecklistProblem[];
  /** Every item has a status. */
  complete: boolean;
}

/** Counts, unchecked and unproved items and problems of one checklist (pass the submission's annotations, every mentor's). */
export function summariseChecklist(
  items: ChecklistItems,
  annotations: readonly Annotation[],
  mentorId?: string,
): ChecklistSummary {
  const counts: StatusCounts = { present: 0, missing: 0, wrong: 0, 'not-applicable': 0, unchecked: 0 };
  const unchecked: LabelItem[] = [];
  const unproved: LabelItem[] = [];
  const problems: ChecklistProblem[] = [];
  for (const item of LABEL_ITEMS) {
    const entry = items[item];
    if (!entry) {
      counts.unchecked++;
      unchecked.push(item);
      continue;
    }
    counts[entry.status]++;
    if (needsProof(entry.status) && !proofOf(items, item, annotations, mentorId).proof) unproved.push(item);
    if (entry.status === 'missing' || entry.status === 'wrong') problems.push({ item, status: entry.status, note: entry.note });
  }
  return {
    counts,
    total: LABEL_ITEMS.length,
    checked: LABEL_ITEMS.length - unchecked.length,
    unchecked,
    unproved,
    problems,
    complete: unchecked.length === 0,
  };
}

/* ---------------------------------------------------------------------------
 * Suggested "not applicable" items
 * ------------------------------------------------------------------------ */

/**
 * Why an item may not apply:
 * - no-halal-certificate: the halal logo may only be printed on certified
 *   products (BPJPH label design since 2022); none is declared, so the logo
 *   is not expected — and a logo on the artwork would be "wrong".
 * - nutrition-exempt: nutrition facts are required on processed food except
 *   ground coffee, tea, bottled water, herbs, spices, seasonings and
 *   condiments (Peraturan BPOM 22/2019, Pasal 3); the spice category is that.
 * - not-food: the processed-food rules (BPOM 31/2018) are about food; they
 *   do not ask crafts for ingredients, dates, a food registration number or
 *   nutrition facts, nor cosmetics for nutrition facts.
 */
export type NotApplicableReason = 'no-halal-certificate' | 'nutrition-exempt' | 'not-food';

export interface NotApplicableSuggestion {
  item: LabelItem;
  reason: NotApplicableReason;
}

const NOT_FOOD_ITEMS: Readonly<Partial<Record<Participant['category'], readonly LabelItem[]>>> = {
  craft: ['ingredients', 'halal-logo', 'production-code', 'best-before', 'registration-number', 'nutrition-facts'],
  cosmetic: ['nutrition-facts'],
};

/** Items the participant's declared facts suggest are not applicable, each with its reason, in checklist order. */
export function suggestNotApplicable(participant: Pick<Participant, 'category' | 'labelFacts'>): NotApplicableSuggestion[] {
  const reasons = new Map<LabelItem, NotApplicableReason>();
  for (const item of NOT_FOOD_ITEMS[participant.category] ?? []) reasons.set(item, 'not-food');
  if (!reasons.has('halal-logo') && participant.labelFacts.halalCertificate.trim() === '') reasons.set('halal-logo', 'no-halal-certificate');
  if (!reasons.has('nutrition-facts') && participant.category === 'spice') reasons.set('nutrition-facts', 'nutrition-exempt');
  return LABEL_ITEMS.flatMap((item) => {
    const reason = reasons.get(item);
    return reason ? [{ item, reason }] : [];
  });
}

/** Suggestions the mentor has not followed yet (the item is not already marked n.a.). */
export function openSuggestions(
  suggestions: readonly NotApplicableSuggestion[],
  items: ChecklistItems,
): NotApplicableSuggestion[] {
  return suggestions.filter((s) => itemStatus(items, s.item) !== 'not-applicable');
}

/* ---------------------------------------------------------------------------
 * Registration number
 * ------------------------------------------------------------------------ */

/**
 * What a written registration number is: a P-IRT number (home industry,
 * issued by the regency), a BPOM MD (processed food made in Indonesia) or ML
 * (imported) number, or something we cannot recognise.
 */
export type RegistrationKind = 'empty' | 'pirt' | 'bpom-md' | 'bpom-ml' | 'unrecognised';

export type RegistrationWarning = 'expired' | 'unknown-food-type' | 'unknown-province' | 'bpom-unusual-length';

export interface RegistrationReading {
  written: string;
  kind: RegistrationKind;
  /** The decoded P-IRT number when kind is 'pirt' (it may still be unreadable: see its problems). */
  pirt: DecodedPirt | null;
  /** Digits after MD/ML when kind is bpom-*. */
  bpomDigits: string | null;
  /**
   * Doubts that do not make the number unreadable: a P-IRT expiry year in the
   * past, a food-type or province code we do not know, or an MD/ML number
   * that is not 12 digits. MD/ML numbers are printed as the prefix and 12
   * digits (BPOM's inspection director, Liputan6, 25 June 2014); we have not
   * read the format in a regulation, so another length is a doubt, not an error.
   */
  warnings: RegistrationWarning[];
}

const BPOM = /^(?:(?:badan\s*)?b?\s*pom(?:[\s-]*ri)?\s*[:.]?\s*)?(md|ml)\s*[:.]?\s*([\d\s.\-/]+)$/i;

/** Reads a registration number as written on a label or in the participant's facts. */
export function readRegistration(written: string, options: { currentYear?: number } = {}): RegistrationReading {
  const text = written.trim();
  const base = { written: text, pirt: null, bpomDigits: null, warnings: [] };
  const bpom = BPOM.exec(text);
  if (bpom) {
    const digits = (bpom[2] as string).replace(/\D/g, '');
    const kind = (bpom[1] as string).toLowerCase() === 'md' ? 'bpom-md' : 'bpom-ml';
    return { ...base, kind, bpomDigits: digits, warnings: digits.length === 12 ? [] : ['bpom-unusual-length'] };
  }
  const pirt = decodePirt(text, options);
  if (pirt.problems.includes('empty')) return { ...base, kind: 'empty' };
  if (pirt.problems.includes('not-digits')) return { ...base, kind: 'unrecognised' };
  const warnings = pirt.problems.filter(
    (p): p is 'expired' | 'unknown-food-type' | 'unknown-province' =>
      p === 'expired' || p === 'unknown-food-type' || p === 'unknown-province',
  );
  return { ...base, kind: 'pirt', pirt, warnings };
}

/**
 * Why the packaging material could not be checked against the number:
 * - no-number: the participant declared no registration number;
 * - bpom: MD/ML numbers carry no packaging code;
 * - unrecognised: neither P-IRT digits nor an MD/ML number;
 * - wrong-length: not the 15-digit P-IRT layout (newer OSS numbers may be longer);
 * - unknown-packaging-code: the first digit names no packaging type;
 * - multiple-packs: code 8 (ganda) names no single material;
 * - no-material: the participant declared no packaging material.
 */
export type MaterialUnknownReason =
  | 'no-number'
  | 'bpom'
  | 'unrecognised'
  | 'wrong-length'
  | 'unknown-packaging-code'
  | 'multiple-packs'
  | 'no-material';

export interface MaterialCheck {
  status: 'match' | 'mismatch' | 'unknown';
  /** Set when status is 'unknown'. */
  reason: MaterialUnknownReason | null;
  declared: PackagingMaterial | null;
  /** The P-IRT packaging code and the app's nearest material (null when the code names none). */
  packagingCode: number | null;
  codedMaterial: PackagingMaterial | null;
}

function materialCheck(reading: RegistrationReading, declared: PackagingMaterial | null): MaterialCheck {
  const pirt = reading.pirt;
  const base = { declared, packagingCode: pirt?.packagingCode ?? null, codedMaterial: pirt?.packagingMaterial ?? null };
  const unknown = (reason: MaterialUnknownReason): MaterialCheck => ({ ...base, status: 'unknown', reason });
  if (reading.kind === 'empty') return unknown('no-number');
  if (reading.kind === 'bpom-md' || reading.kind === 'bpom-ml') return unknown('bpom');
  if (reading.kind === 'unrecognised' || !pirt) return unknown('unrecognised');
  if (pirt.problems.includes('wrong-length')) return unknown('wrong-length');
  if (!pirt.valid) return unknown('unknown-packaging-code');
  if (pirt.packagingMaterial === null) return unknown('multiple-packs');
  if (declared === null) return unknown('no-material');
  const { status } = checkAgainstDeclared(pirt, declared);
  return { ...base, status, reason: status === 'unknown' ? 'multiple-packs' : null };
}

/** Whether two readings are the same number (digits for P-IRT, prefix and digits for MD/ML); null when either is empty. */
export function sameRegistration(a: RegistrationReading, b: RegistrationReading): boolean | null {
  if (a.kind === 'empty' || b.kind === 'empty') return null;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pirt') {
    // Digits compared, formatting ignored (as samePirtNumber does), at any length: a 16-digit OSS number too.
    const digits = a.pirt?.digits ?? null;
    return digits !== null && digits === (b.pirt?.digits ?? null);
  }
  if (a.kind === 'bpom-md' || a.kind === 'bpom-ml') return a.bpomDigits === b.bpomDigits;
  // Unrecognised on both sides: compare letters and digits, ignoring spacing and punctuation.
  const normal = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return normal(a.written) === normal(b.written);
}

export interface RegistrationCheck {
  declared: RegistrationReading;
  /** The declared number's packaging code against the declared material. */
  material: MaterialCheck;
  /** The number as read on the artwork, when the mentor has typed one. */
  onLabel: {
    reading: RegistrationReading;
    /** Same number as declared; null when nothing is declared. */
    sameAsDeclared: boolean | null;
    /** Its own packaging code against the declared material (differs from `material` only when the numbers differ). */
    material: MaterialCheck;
  } | null;
}

/**
 * Checks the participant's declared registration number: what kind it is,
 * what a P-IRT number's digits say (its first digit names the packaging), and
 * whether that agrees with the declared packaging material; and, when the
 * mentor has typed the number printed on the artwork, whether it is the
 * declared one. Pass `currentYear` to flag an expired P-IRT.
 */
export function checkRegistration(
  facts: Pick<Participant['labelFacts'], 'registrationNumber' | 'packagingMaterial'>,
  options: { onLabel?: string; currentYear?: number } = {},
): RegistrationCheck {
  const declared = readRegistration(facts.registrationNumber, options);
  const printed = readRegistration(options.onLabel ?? '', options);
  return {
    declared,
    material: materialCheck(declared, facts.packagingMaterial),
    onLabel:
      printed.kind === 'empty'
        ? null
        : { reading: printed, sameAsDeclared: sameRegistration(declared, printed), material: materialCheck(printed, facts.packagingMaterial) },
  };
}
