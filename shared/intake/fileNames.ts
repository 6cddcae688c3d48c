import type { Face } from '../domain/asset.ts';

/** What a design file's name says, when it follows `Business - Product - face[ - v2].ext`. */
export type ParsedDesignFileName = {
  business: string;
  product: string;
  face: Face;
  /** From a marker such as `v2`, `versi 2`, `rev2`; null when the name has none. */
  version: number | null;
};

/** A participant as far as matching a file name needs to know it. */
export type MatchableParticipant = { id: string; business: string; product: string };

/**
 * Lower case, accents removed, every run of punctuation and whitespace made one
 * space, trimmed: `'CV. Kéripik  Tempe—Bu Sari'` → `'cv keripik tempe bu sari'`.
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Face words (normalised, spaces removed) in Indonesian and English. */
const FACE_WORDS: Record<Face, readonly string[]> = {
  front: ['front', 'frontside', 'depan', 'muka', 'tampakdepan', 'sisidepan', 'bagiandepan'],
  back: ['back', 'backside', 'rear', 'belakang', 'tampakbelakang', 'sisibelakang', 'bagianbelakang'],
  left: ['left', 'leftside', 'kiri', 'sisikiri', 'sampingkiri', 'tampakkiri'],
  right: ['right', 'rightside', 'kanan', 'sisikanan', 'sampingkanan', 'tampakkanan'],
  top: ['top', 'atas', 'sisiatas', 'tampakatas'],
  bottom: ['bottom', 'bawah', 'sisibawah', 'tampakbawah', 'alas'],
  dieline: ['dieline', 'dielines', 'diecut', 'pola', 'polapotong', 'polakemasan', 'jaring', 'jaringjaring'],
  mockup: ['mockup', 'mockups'],
  other: ['other', 'lainnya', 'lain', 'lainlain'],
};

const FACE_BY_WORD: ReadonlyMap<string, Face> = new Map(
  (Object.entries(FACE_WORDS) as [Face, readonly string[]][]).flatMap(([face, words]) =>
    words.map((w) => [w, face] as const),
  ),
);

/** The face a word names (`'sisi kiri'`, `'Mock-up'`, `'depan'`), or null. */
export function faceFromWord(word: string): Face | null {
  return FACE_BY_WORD.get(normaliseName(word).replace(/ /g, '')) ?? null;
}

const VERSION_WORD = String.raw`(?:v|ver|versi|version|rev|revisi|revision)`;
/** A whole segment that is a version marker: `v2`, `V 3`, `versi 2`, `rev.2`, `(v2)`. */
const VERSION_SEGMENT = new RegExp(String.raw`^\(?${VERSION_WORD}\s*\.?\s*(\d{1,3})\)?$`, 'i');
/** A version marker at the end of the face segment: `depan v2`, `depan (rev 3)`. */
const VERSION_SUFFIX = new RegExp(String.raw`\s+\(?${VERSION_WORD}\s*\.?\s*(\d{1,3})\)?$`, 'i');
/** The ` (1)` a browser or OS appends to a second download of the same name. */
const COPY_SUFFIX = /\s*\(\d{1,3}\)$/;

/** Spaced hyphens, and en/em dashes with or without spaces. Bare hyphens join words (`jamu-kunyit`). */
const DASH_SEPARATOR = /\s+-+\s+|\s*[\u2013\u2014]+\s*/;
const ANY_SEPARATOR = /\s+-+\s+|\s*[\u2013\u2014]+\s*|_+/;

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  return name.replace(/\.[a-z0-9]{1,5}$/i, '');
}

function tidy(segment: string): string {
  return segment.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

function versionOf(match: RegExpExecArray | null): number | null {
  const n = match ? Number(match[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * Reads `Business - Product - face[ - v2].ext` (or with `_` or `–` between the
 * parts); null when the name does not follow that convention. Exactly three
 * parts besides the version, so an ambiguous name is never guessed at.
 */
export function parseDesignFileName(fileName: string): ParsedDesignFileName | null {
  const stem = baseName(fileName.normalize('NFC')).trim();
  if (!stem) return null;

  // Dashes first: with them, underscores are just spaces inside a part.
  let segments = stem.split(DASH_SEPARATOR);
  if (segments.length < 3) segments = stem.split(ANY_SEPARATOR);
  segments = segments.map(tidy).filter((s) => s.length > 0);

  let version: number | null = null;
  const parts: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const asVersion = i >= 2 ? versionOf(VERSION_SEGMENT.exec(segment)) : null;
    if (asVersion !== null && version === null) version = asVersion;
    else parts.push(segment);
  }
  if (parts.length !== 3) return null;

  const [business, product, rawFace] = parts as [string, string, string];
  let faceText = rawFace.replace(COPY_SUFFIX, '');
  const suffix = VERSION_SUFFIX.exec(faceText);
  if (suffix && versionOf(suffix) !== null) {
    version ??= versionOf(suffix);
    faceText = faceText.slice(0, suffix.index);
  }
  const face = faceFromWord(faceText);
  if (!face) return null;
  if (!normaliseName(business) || !normaliseName(product)) return null;
  return { business, product, face, version };
}

/** Legal-form words that are often written in one list and left out in another. */
const LEGAL_FORMS: ReadonlySet<string> = new Set(['pt', 'cv', 'ud', 'pd', 'umkm', 'ikm', 'koperasi']);

/** The last segment of a path, with its extension: `desain/Brem - depan.jpg` → `Brem - depan.jpg`. */
export function baseFileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function withoutLegalForm(normalised: string): string {
  return normalised
    .split(' ')
    .filter((w) => !LEGAL_FORMS.has(w))
    .join(' ');
}

function pickByProduct<T extends MatchableParticipant>(candidates: T[], product: string): string | null {
  if (candidates.length === 1) return candidates[0]?.id ?? null;
  if (candidates.length === 0) return null;
  const wanted = normaliseName(product);
  const sameProduct = candidates.filter((p) => normaliseName(p.product) === wanted);
  return sameProduct.length === 1 ? (sameProduct[0]?.id ?? null) : null;
}

/** True when two business names are the same, compared with normaliseName and then without legal forms (PT, CV, UD…). */
export function sameBusiness(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return false;
  return x === y || (withoutLegalForm(x) !== '' && withoutLegalForm(x) === withoutLegalForm(y));
}

/**
 * The participant a parsed file name belongs to, or null when none or more
 * than one fits. Business names are compared with normaliseName; when that finds
 * nobody, again without legal forms (PT, CV, UD…). When one business has several
 * participants, the product decides; if it cannot, the answer is null (ask the user).
 */
export function matchParticipant(
  parsed: Pick<ParsedDesignFileName, 'business' | 'product'>,
  participants: readonly MatchableParticipant[],
): string | null {
  const business = normaliseName(parsed.business);
  if (!business) return null;
  const exact = participants.filter((p) => normaliseName(p.business) === business);
  if (exact.length > 0) return pickByProduct(exact, parsed.product);

  const bare = withoutLegalForm(business);
  if (!bare) return null;
  const loose = participants.filter((p) => withoutLegalForm(normaliseName(p.business)) === bare);
  return pickByProduct(loose, parsed.product);
}
