import { describe, expect, it } from 'vitest';
import { messages } from '#shared/i18n/messages.ts';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

const idKeys = new Set(leafKeys(messages.id as unknown as Tree));
const enKeys = new Set(leafKeys(messages.en as unknown as Tree));

describe('translations', () => {
  it('has the same keys in Bahasa Indonesia and English', () => {
    expect([...enKeys].filter((k) => !idKeys.has(k))).toEqual([]);
    expect([...idKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has no empty string in either language', () => {
    for (const [language, tree] of Object.entries(messages)) {
      const empty = leafKeys(tree as unknown as Tree).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, language).toEqual([]);
    }
  });

  it('keeps the same {{placeholders}} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of idKeys) {
      const get = (tree: unknown) => key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree) as string;
      expect(placeholders(get(messages.en)), key).toEqual(placeholders(get(messages.id)));
    }
  });
});
