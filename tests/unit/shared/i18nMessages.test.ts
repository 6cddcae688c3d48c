import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../shared/i18n/messages.ts';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const root = join(import.meta.dirname, '..', '..', '..');
const idKeys = new Set(leafKeys(messages.id as unknown as Tree));
const enKeys = new Set(leafKeys(messages.en as unknown as Tree));

/** Plural keys are used without their suffix: t('x.count', { count }). */
function resolves(keys: Set<string>, key: string): boolean {
  return keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
}

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

  it('defines every key the renderer asks for with a literal t() call', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'renderer', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1] as string);
      // Keys built from a domain value, e.g. t(`categories.${c}`): the prefix must exist.
      for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_]+)\.\$\{/g)) used.add(`${match[1]}.*`);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((key) =>
      key.endsWith('.*')
        ? ![...idKeys].some((k) => k.startsWith(key.slice(0, -1)))
        : !resolves(idKeys, key) || !resolves(enKeys, key),
    );
    expect(missing).toEqual([]);
  });
});
