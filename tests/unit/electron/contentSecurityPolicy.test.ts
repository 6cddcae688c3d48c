import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '#electron/services/contentSecurityPolicy.ts';

/** Parses a CSP into directive → source list. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    if (map.has(name)) throw new Error(`Directive ${name} appears twice (browsers ignore the second)`);
    map.set(name.toLowerCase(), sources);
  }
  return map;
}

const policy = directives(CONTENT_SECURITY_POLICY);

describe('CONTENT_SECURITY_POLICY', () => {
  it('starts from nothing allowed', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('cannot be framed, has no base URI and posts no forms', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('names no remote origin, wildcard or unsafe keyword anywhere', () => {
    const lower = CONTENT_SECURITY_POLICY.toLowerCase();
    expect(lower).not.toContain('http');
    expect(lower).not.toContain('ws:');
    expect(lower).not.toContain('wss:');
    expect(lower).not.toContain('*');
    expect(lower).not.toContain('unsafe-eval');
    expect(lower).not.toContain('unsafe-inline');
    expect(lower).not.toContain('wasm-unsafe-eval');
    expect(lower).not.toContain('filesystem:');
  });

  it('lets scripts and connections come from the studio itself only', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('allows only self, blob: and data: as sources anywhere', () => {
    const allowed = new Set(["'self'", "'none'", 'blob:', 'data:']);
    for (const [name, sources] of policy) {
      for (const source of sources) expect(allowed.has(source), `${name} ${source}`).toBe(true);
    }
    // data: URLs are for images only, never for scripts.
    for (const [name, sources] of policy) if (sources.includes('data:')) expect(name).toBe('img-src');
  });
});

describe('SECURITY_HEADERS', () => {
  it('sends the CSP with nosniff, no referrer and same-origin isolation', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });
});
