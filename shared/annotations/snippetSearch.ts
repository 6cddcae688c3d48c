import type { Language } from '../contract/channels.ts';
import type { Bilingual } from '../domain/record.ts';

/** Lower case without accents, so 'kedaluwarsa', 'Kedaluwarsa' and 'kédaluwarsa' are one word. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * The searchable words of a text. A hyphenated or dotted term also counts
 * joined up, so 'P-IRT' is found by typing 'irt' or 'pirt'.
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const chunk of fold(text).split(/\s+/)) {
    const pieces = chunk.split(SEPARATORS).filter(Boolean);
    words.push(...pieces);
    if (pieces.length > 1) words.push(pieces.join(''));
  }
  return words;
}

interface Match {
  /** How many typed words matched only inside a word rather than at its start (fewer is better). */
  inside: number;
  /** Index of the word where the first typed word matched (earlier is better). */
  position: number;
}

function match(words: readonly string[], tokens: readonly string[]): Match | null {
  let inside = 0;
  let position = -1;
  for (const token of tokens) {
    let at = words.findIndex((w) => w.startsWith(token));
    if (at < 0) {
      at = words.findIndex((w) => w.includes(token));
      if (at < 0) return null;
      inside += 1;
    }
    if (position < 0) position = at;
  }
  return { inside, position };
}

/**
 * Snippets whose text holds every typed word (as the start of a word, or
 * failing that inside one), case- and accent-insensitive. Matches in
 * `language` come first, then those that only match in the other language;
 * within each, word-start matches before inside matches, then earlier in the
 * text, then the bank's own order. An empty query returns every snippet.
 */
export function searchSnippets<T extends { text: Bilingual }>(snippets: readonly T[], query: string, language: Language): T[] {
  const tokens = fold(query).split(SEPARATORS).filter(Boolean);
  if (tokens.length === 0) return [...snippets];
  const other: Language = language === 'id' ? 'en' : 'id';
  const ranked: Array<{ snippet: T; tier: number; m: Match; index: number }> = [];
  snippets.forEach((snippet, index) => {
    const own = match(wordsOf(snippet.text[language]), tokens);
    const foreign = own ? null : match(wordsOf(snippet.text[other]), tokens);
    const m = own ?? foreign;
    if (m) ranked.push({ snippet, tier: own ? 0 : 1, m, index });
  });
  ranked.sort((p, q) => p.tier - q.tier || p.m.inside - q.m.inside || p.m.position - q.m.position || p.index - q.index);
  return ranked.map((r) => r.snippet);
}
