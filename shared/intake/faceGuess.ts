import { FACES, type Face } from '../domain/asset.ts';

/**
 * What a name or a page says about the face it shows. `side` is a side whose
 * hand is not said (`samping`, `side`): left, or right when left is taken.
 */
export type FaceHint = Face | 'side';

/** Two-word phrases, read before single words: `muka belakang` is the back, not the front. */
const PHRASES: ReadonlyMap<string, FaceHint> = new Map([
  ['die line', 'dieline'],
  ['die cut', 'dieline'],
  ['garis pisau', 'dieline'],
  ['pola potong', 'dieline'],
  ['pola kemasan', 'dieline'],
  ['jaring jaring', 'dieline'],
  ['mock up', 'mockup'],
]);

/** Words that, before a face word, only say "this face": `tampak depan`, `sisi kiri`, `muka belakang`. */
const FACE_PREFIXES: ReadonlySet<string> = new Set(['tampak', 'sisi', 'bagian', 'muka', 'panel', 'samping']);

/** Single words (lower case, accents removed). */
const WORDS: ReadonlyMap<string, FaceHint> = new Map([
  ...(['front', 'depan', 'muka', 'frontside'] as const).map((w) => [w, 'front'] as const),
  ...(['back', 'belakang', 'rear', 'backside'] as const).map((w) => [w, 'back'] as const),
  ...(['left', 'kiri', 'leftside'] as const).map((w) => [w, 'left'] as const),
  ...(['right', 'kanan', 'rightside'] as const).map((w) => [w, 'right'] as const),
  ...(['side', 'samping', 'sisi'] as const).map((w) => [w, 'side'] as const),
  ...(['top', 'atas', 'tutup'] as const).map((w) => [w, 'top'] as const),
  ...(['bottom', 'bawah', 'alas'] as const).map((w) => [w, 'bottom'] as const),
  ...(['dieline', 'dielines', 'diecut', 'pisau', 'jaring', 'template'] as const).map((w) => [w, 'dieline'] as const),
  ...(['mockup', 'mockups', 'mokap'] as const).map((w) => [w, 'mockup'] as const),
  ...(['lainnya'] as const).map((w) => [w, 'other'] as const),
]);

/**
 * Lower-case words of a text: camelCase split (`KopiDepan`), accents removed,
 * every run of anything but letters and digits a break, digits trailing a word
 * dropped (`depan2`), words that are only digits or version markers (`v2`) left out.
 */
export function words(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.replace(/(\p{L})\d+$/u, '$1'))
    .filter((w) => w.length > 0 && !/^\d+$/.test(w) && !/^(v|rev|ver)\d*$/.test(w));
}

/** Every face the words name, in order, phrases first (`muka belakang` → back only). */
function facesNamed(list: readonly string[]): FaceHint[] {
  const found: FaceHint[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    const next = list[i + 1];
    const phrase = next === undefined ? undefined : PHRASES.get(`${word} ${next}`);
    if (phrase) {
      found.push(phrase);
      i++;
      continue;
    }
    // `samping kiri`, `sisi belakang`, `tampak depan`: the second word says which.
    const following = next === undefined ? undefined : WORDS.get(next);
    if (FACE_PREFIXES.has(word) && following && following !== 'side') {
      found.push(following);
      i++;
      continue;
    }
    if (word === 'tampak' || word === 'bagian' || word === 'panel') continue;
    const single = WORDS.get(word);
    if (single) found.push(single);
  }
  return found;
}

/** The one face a list of words names, or null when it names none or two different ones. */
function oneFace(list: readonly string[]): FaceHint | null {
  const named = new Set(facesNamed(list));
  // `samping` beside `kiri` already became left; a lone `side` next to a hand adds nothing.
  if (named.size > 1 && named.has('side') && [...named].every((f) => f === 'side' || f === 'left' || f === 'right')) named.delete('side');
  return named.size === 1 ? ([...named][0] as FaceHint) : null;
}

/**
 * The face a file name says, read word by word, case-insensitive:
 * `KOPI_depan_final.jpg` → front, `back-v2.png` → back, `Kemasan Samping Kiri.tif`
 * → left, `Dieline pisau.pdf` → dieline. Null when it says none, or names two
 * faces (`depan-belakang.pdf`): then the page or the order decides, or the mentor.
 */
export function faceFromFileName(fileName: string): FaceHint | null {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  return oneFace(words(name.replace(/\.[a-z0-9]{1,5}$/i, '')));
}

/**
 * The face a PDF page says about itself: its page label (`Belakang`), or a
 * short line of its text that is only a face's name (`Muka belakang`, `DEPAN`,
 * `Sisi kiri`). Body text (`lihat bagian bawah kemasan`) is not read as a
 * name: a line counts only when every word of it belongs to the face's name.
 */
export function faceFromPage(label: string | null, lines: readonly string[]): FaceHint | null {
  if (label) {
    const fromLabel = nameOnly(label);
    if (fromLabel) return fromLabel;
  }
  const named = new Set(lines.map(nameOnly).filter((f): f is FaceHint => f !== null));
  return named.size === 1 ? ([...named][0] as FaceHint) : null;
}

/** The face a short text is the name of, and nothing else. */
function nameOnly(text: string): FaceHint | null {
  const list = words(text);
  if (list.length === 0 || list.length > 3) return null;
  const allFaceWords = list.every((w) => WORDS.has(w) || FACE_PREFIXES.has(w) || w === 'die' || w === 'line' || w === 'cut' || w === 'mock' || w === 'up' || w === 'garis');
  return allFaceWords ? oneFace(list) : null;
}

/** Faces a pack's pages take in order when nothing says which is which. */
export const ORDER_FACES: readonly Face[] = ['front', 'back', 'left', 'right', 'top', 'bottom'];

/** A hint made a face, given the faces already taken: `side` is left unless left is taken. */
export function resolveHint(hint: FaceHint, taken: ReadonlySet<Face>): Face {
  if (hint !== 'side') return hint;
  return taken.has('left') && !taken.has('right') ? 'right' : 'left';
}

/**
 * The face of every page of one file. A page that says its face keeps it; the
 * file name names the first page otherwise; the rest take the next faces in
 * pack order (front, back, sides, top, bottom) that are not yet taken. A
 * single-page file that says nothing keeps `fallback` (the plan's choice:
 * the next free face of a participant, or `other` in the tray).
 */
export function facesForPages(options: {
  pageHints: readonly (FaceHint | null)[];
  nameHint: FaceHint | null;
  fallback: Face;
  taken?: ReadonlySet<Face>;
}): Face[] {
  const { pageHints, nameHint, fallback } = options;
  const taken = new Set<Face>(options.taken ?? []);
  const said: (Face | null)[] = pageHints.map((hint) => {
    if (!hint) return null;
    const face = resolveHint(hint, taken);
    taken.add(face);
    return face;
  });
  // The file name speaks for the first page (`fallback` is the plan's reading of it, `side` resolved).
  if (said.length > 0 && said[0] === null && nameHint) {
    said[0] = fallback;
    taken.add(fallback);
  }
  if (said.length === 1) return [said[0] ?? fallback];
  return said.map((face) => {
    if (face) return face;
    const next = ORDER_FACES.find((f) => !taken.has(f)) ?? 'other';
    taken.add(next);
    return next;
  });
}

/** True for a face name from FACES. */
export function isFace(value: string): value is Face {
  return (FACES as readonly string[]).includes(value);
}
