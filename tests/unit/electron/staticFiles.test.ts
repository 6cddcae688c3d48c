import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticPath } from '#electron/services/staticFiles.ts';

const root = resolve('/srv/kemas/renderer');

describe('resolveStaticPath', () => {
  it('maps the empty path and / to index.html', () => {
    expect(resolveStaticPath(root, '')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
  });

  it('maps a URL path to the file inside the root, decoding it once', () => {
    expect(resolveStaticPath(root, '/assets/main.js')).toBe(join(root, 'assets', 'main.js'));
    expect(resolveStaticPath(root, '/assets/logo%20mark.svg')).toBe(join(root, 'assets', 'logo mark.svg'));
    // Double encoding stays a literal name, it does not become a second `..`.
    expect(resolveStaticPath(root, '/%252e%252e%252fsecret.txt')).toBe(join(root, '%2e%2e%2fsecret.txt'));
  });

  it('keeps "absolute" URL paths inside the root', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveStaticPath(root, '/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it.each([
    '/../secret.txt',
    '../secret.txt',
    '/assets/../../secret.txt',
    '/assets/../index.html',
    '/./index.html',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2f..%2fetc%2fpasswd',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/%00',
    '/\0',
    '/%E0%A4%A',
    '/%',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });

  it('never returns a path outside the root for a sibling folder sharing its prefix', () => {
    const result = resolveStaticPath(root, '/../renderer-evil/x.js');
    expect(result).toBeNull();
    for (const path of ['/a/b/c.js', '/x', '/%41']) {
      const resolved = resolveStaticPath(root, path);
      expect(resolved?.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer needs and falls back to octet-stream', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/r/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/archive.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/noextension')).toBe('application/octet-stream');
  });
});
