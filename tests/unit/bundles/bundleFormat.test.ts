import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION, MAX_MANIFEST_CHARS, bundlePathProblem, checkManifest } from '#shared/bundles/bundleFormat.ts';

const good = () => ({
  format: 'kemas-bundle',
  kind: 'review',
  formatVersion: 1,
  createdAt: '2026-11-28T10:00:00.000Z',
  createdBy: { id: 'mentor-1', name: 'Ani' },
  app: { name: 'Kemas Studio', version: '0.1.0' },
  counts: { reviews: 3, annotations: 10 },
  files: [
    { path: 'records/reviews.json', sha256: 'a'.repeat(64), bytes: 1200 },
    { path: 'images/sub-1/front.webp', sha256: '0123456789abcdef'.repeat(4), bytes: 52000 },
  ],
});

describe('checkManifest', () => {
  it('accepts a valid manifest', () => {
    const result = checkManifest(JSON.stringify(good()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.manifest.counts.reviews).toBe(3);
    expect(checkManifest(`\uFEFF${JSON.stringify(good())}`).ok).toBe(true);
  });

  it('refuses text that is not JSON, and JSON that is not a bundle', () => {
    expect(checkManifest('{"format": "kemas-bundle",')).toEqual({ ok: false, problem: 'not-json' });
    expect(checkManifest('')).toEqual({ ok: false, problem: 'not-json' });
    expect(checkManifest('[1,2]')).toEqual({ ok: false, problem: 'not-bundle' });
    expect(checkManifest(JSON.stringify({ ...good(), format: 'kemas-rubric' }))).toEqual({ ok: false, problem: 'not-bundle' });
  });

  it('refuses a newer format version before reading its shape', () => {
    expect(checkManifest(JSON.stringify({ format: 'kemas-bundle', formatVersion: BUNDLE_FORMAT_VERSION + 1, files: 'whatever' }))).toEqual({
      ok: false,
      problem: 'newer-version',
      version: BUNDLE_FORMAT_VERSION + 1,
    });
  });

  it('names the path of the first invalid field', () => {
    const cases: [unknown, string][] = [
      [{ ...good(), kind: 'everything' }, 'kind'],
      [{ ...good(), formatVersion: 0 }, 'formatVersion'],
      [{ ...good(), counts: { reviews: -1 } }, 'counts.reviews'],
      [{ ...good(), counts: { secrets: 1 } }, 'counts'],
      [{ ...good(), files: [{ path: '../../etc/passwd', sha256: 'a'.repeat(64), bytes: 1 }] }, 'files[0].path'],
      [{ ...good(), files: [{ path: 'ok.json', sha256: 'A'.repeat(64), bytes: 1 }] }, 'files[0].sha256'],
    ];
    for (const [manifest, path] of cases) expect(checkManifest(JSON.stringify(manifest))).toEqual({ ok: false, problem: 'invalid', path });
    const dup = good();
    dup.files.push({ ...dup.files[0]! });
    expect(checkManifest(JSON.stringify(dup))).toEqual({ ok: false, problem: 'invalid', path: 'files[2].path' });
  });

  it('refuses a manifest too large to be real before parsing', () => {
    expect(checkManifest(' '.repeat(MAX_MANIFEST_CHARS + 1))).toEqual({ ok: false, problem: 'too-large' });
  });
});

describe('bundlePathProblem', () => {
  it('allows plain relative paths and refuses escapes', () => {
    expect(bundlePathProblem('images/a b/front.webp')).toBeNull();
    for (const bad of ['', '/etc/passwd', 'C:/x', 'c:x', 'a/../b', '..', './a', 'a//b', 'a\\b', 'a/\u0000b', 'x'.repeat(256)]) {
      expect(bundlePathProblem(bad), bad).not.toBeNull();
    }
  });
});
