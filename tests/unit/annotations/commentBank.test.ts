import { describe, expect, it } from 'vitest';
import { searchSnippets, STARTER_SNIPPETS } from '#shared/annotations/commentBank.ts';
import type { Snippet } from '#shared/annotations/commentBank.ts';
import { ANNOTATION_CATEGORIES, SEVERITIES } from '#shared/domain/annotation.ts';
import { commentSnippetSchema } from '#shared/domain/commentSnippet.ts';

const keysOf = (list: readonly Snippet[]) => list.map((s) => s.key);

describe('starter comment bank', () => {
  it('has at least 30 snippets with unique keys', () => {
    expect(STARTER_SNIPPETS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(keysOf(STARTER_SNIPPETS)).size).toBe(STARTER_SNIPPETS.length);
    for (const s of STARTER_SNIPPETS) expect(s.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('speaks both languages in every snippet, as whole sentences', () => {
    for (const s of STARTER_SNIPPETS) {
      for (const text of [s.text.id, s.text.en]) {
        expect(text.trim(), s.key).toBe(text);
        expect(text, s.key).toMatch(/^[A-Z"]/);
        expect(text, s.key).toMatch(/[.!?"]$/);
      }
      expect(s.text.id, s.key).not.toBe(s.text.en);
    }
  });

  it('uses only known categories and severities, and fits the stored snippet record', () => {
    for (const s of STARTER_SNIPPETS) {
      expect(ANNOTATION_CATEGORIES).toContain(s.category);
      expect(SEVERITIES).toContain(s.severity);
      const record = { id: s.key, createdAt: 0, updatedAt: 0, updatedBy: 'system', deletedAt: null, revisions: {}, text: s.text, category: s.category, builtin: true };
      expect(() => commentSnippetSchema.parse(record), s.key).not.toThrow();
    }
  });

  it('covers every category, and has praise as well as must-fix items', () => {
    for (const c of ANNOTATION_CATEGORIES) expect(STARTER_SNIPPETS.some((s) => s.category === c), c).toBe(true);
    for (const v of SEVERITIES) expect(STARTER_SNIPPETS.filter((s) => s.severity === v).length, v).toBeGreaterThanOrEqual(5);
  });

  it('uses the BPOM and KBBI spellings curators use', () => {
    const all = STARTER_SNIPPETS.map((s) => s.text.id).join(' ');
    expect(all).toContain('kedaluwarsa');
    expect(all).not.toMatch(/kadaluarsa|kadaluwarsa/i);
  });
});

describe('searching snippets by typing a few letters', () => {
  it('finds by word prefix, ignoring case', () => {
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'kedal', 'id'))).toEqual(['label-best-before-missing']);
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'BLEED', 'id'))).toContain('print-bleed');
  });

  it('needs every typed word to match', () => {
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'logo hal', 'id'))).toEqual([
      'label-halal-logo-outdated',
      'label-halal-logo-uncertified',
    ]);
    expect(searchSnippets(STARTER_SNIPPETS, 'logo zzz', 'id')).toEqual([]);
  });

  it('finds P-IRT by "pirt" or "irt"', () => {
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'pirt', 'id'))[0]).toBe('label-pirt-missing');
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'irt', 'id'))[0]).toBe('label-pirt-missing');
  });

  it('ignores accents on either side', () => {
    const bank: Snippet[] = [
      { key: 'cafe', category: 'brand', severity: 'strength', text: { id: 'Kesan kafé yang hangat.', en: 'A warm café feel.' } },
    ];
    expect(keysOf(searchSnippets(bank, 'kafe', 'id'))).toEqual(['cafe']);
    expect(keysOf(searchSnippets(bank, 'CAFÉ', 'en'))).toEqual(['cafe']);
  });

  it('ranks word-start matches before matches inside a word', () => {
    const bank: Snippet[] = [
      { key: 'inside', category: 'other', severity: 'suggestion', text: { id: 'Perbesar logonya.', en: 'x' } },
      { key: 'start', category: 'other', severity: 'suggestion', text: { id: 'Besar sekali.', en: 'y' } },
    ];
    expect(keysOf(searchSnippets(bank, 'besar', 'id'))).toEqual(['start', 'inside']);
  });

  it('ranks the chosen language first, then the other', () => {
    const bank: Snippet[] = [
      { key: 'english-only', category: 'other', severity: 'suggestion', text: { id: 'Perbaiki lipatan.', en: 'Fix the fold line.' } },
      { key: 'indonesian', category: 'other', severity: 'suggestion', text: { id: 'Font terlalu kecil.', en: 'Type too small.' } },
    ];
    expect(keysOf(searchSnippets(bank, 'f', 'id'))).toEqual(['indonesian', 'english-only']);
    expect(keysOf(searchSnippets(bank, 'f', 'en'))).toEqual(['english-only', 'indonesian']);
  });

  it('in English finds English words', () => {
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'zip', 'en'))).toEqual(['material-ziplock']);
    expect(keysOf(searchSnippets(STARTER_SNIPPETS, 'thumbn', 'en'))).toEqual(['legibility-thumbnail']);
  });

  it('an empty query lists the whole bank in order', () => {
    expect(searchSnippets(STARTER_SNIPPETS, '  ', 'id')).toEqual(STARTER_SNIPPETS);
  });

  it('also searches the mentor’s own snippet records', () => {
    const own = [{ id: 'mine', text: { id: 'Tambahkan cerita petani kopi Bondowoso.', en: 'Add the Bondowoso coffee farmers’ story.' } }];
    expect(searchSnippets(own, 'bondo', 'id')).toEqual(own);
  });
});
