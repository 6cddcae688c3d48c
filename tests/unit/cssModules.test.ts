import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * CSS Modules type as `{ [key: string]: string }`, so a misspelt `styles.fooo` compiles and quietly renders no
 * class. This reads every renderer file that imports a `*.module.css` and checks each `styles.x` and
 * `styles[`prefix-${…}`]` against the classes the module defines (exported as written and in camelCase, see
 * css.config.ts).
 */
const root = resolve(import.meta.dirname, '..', '..');
const rendererSrc = join(root, 'renderer', 'src');

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, test);
    return test(entry.name) ? [path] : [];
  });
}

const camel = (name: string) => name.replace(/[-_]+(\w)/g, (_, c: string) => c.toUpperCase());

/** The local classes a module defines: class selectors outside `:global(…)`, at-rule preludes and declarations left out. */
export function moduleClasses(css: string): Set<string> {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const classes = new Set<string>();
  for (const [, selector] of text.matchAll(/([^{};]+)\{/g)) {
    if (!selector || selector.trim().startsWith('@')) continue;
    const local = selector.replace(/:global\([^)]*\)/g, '');
    for (const [, name] of local.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (name) classes.add(name);
  }
  return classes;
}

interface Use {
  file: string;
  module: string;
  key: string;
  dynamic: boolean;
}

function usesIn(file: string): Use[] {
  const source = readFileSync(file, 'utf8');
  const uses: Use[] = [];
  for (const [, name, path] of source.matchAll(/^import (\w+) from '([^']+\.module\.css)';$/gm)) {
    if (!name || !path) continue;
    const module = resolve(dirname(file), path);
    for (const [, key] of source.matchAll(new RegExp(String.raw`\b${name}\.(\w+)`, 'g'))) {
      if (key) uses.push({ file, module, key, dynamic: false });
    }
    for (const [, prefix] of source.matchAll(new RegExp(String.raw`\b${name}\[\`([\w-]*)\$\{`, 'g'))) {
      uses.push({ file, module, key: prefix ?? '', dynamic: true });
    }
  }
  return uses;
}

const sources = files(rendererSrc, (name) => /\.tsx?$/.test(name));
const modules = files(rendererSrc, (name) => name.endsWith('.module.css'));
const uses = sources.flatMap(usesIn);

describe('CSS Modules', () => {
  it('reads the classes a module defines, and none it only reaches globally', () => {
    const css = '/* .comment */ .a-b :global(.button) > .c:hover, .d.e { color: red } @media (width > 40.5em) { .f { top: 0 } }';
    expect([...moduleClasses(css)].sort()).toEqual(['a-b', 'c', 'd', 'e', 'f']);
  });

  it('finds the renderer modules and their uses', () => {
    expect(modules.length).toBeGreaterThan(5);
    expect(uses.length).toBeGreaterThan(100);
  });

  it('every class a component names exists in the module it imports', () => {
    const missing: string[] = [];
    const byModule = new Map(modules.map((m) => [m, moduleClasses(readFileSync(m, 'utf8'))]));
    for (const use of uses) {
      const classes = byModule.get(use.module);
      const where = `${relative(root, use.file)} → ${relative(root, use.module)}`;
      if (!classes) {
        missing.push(`${where}: no such module`);
        continue;
      }
      const found = use.dynamic
        ? [...classes].some((c) => c.startsWith(use.key))
        : [...classes].some((c) => c === use.key || camel(c) === use.key);
      if (!found) missing.push(`${where}: ${use.dynamic ? `${use.key}…` : use.key}`);
    }
    expect(missing).toEqual([]);
  });

  it('every module is imported by a component', () => {
    const imported = new Set(uses.map((u) => u.module));
    const alone = modules.filter((m) => !imported.has(m)).map((m) => relative(root, m));
    expect(alone).toEqual([]);
  });
});
