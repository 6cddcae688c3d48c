import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '#shared/bundles/bundleFormat.ts';
import { judgeBundle, signerStanding, withoutRefused } from '#shared/bundles/trust.ts';
import { annotation, review } from '../../support/packFixture.ts';

const DEWI_KEY = 'd'.repeat(64);
const SARI_KEY = 'a'.repeat(64);
const OTHER_KEY = 'f'.repeat(64);

const manifest = (mentorId: string, keyId: string | null): BundleManifest => ({
  format: 'kemas-bundle',
  kind: 'review',
  formatVersion: 2,
  createdAt: '2026-12-07T04:00:00Z',
  createdBy: { id: mentorId, name: mentorId },
  app: { name: 'Kemas Studio', version: '0.1.0' },
  counts: {},
  files: [],
  ...(keyId === null ? {} : { signature: { algorithm: 'Ed25519' as const, keyId, publicKey: 'AAAA', value: 'AAAA' } }),
});

const dewisReview = (authorKeyId: string | null = null) => ({ ...review('rv-dewi', 'm-dewi', 's1', [3, 3, 3]), authorKeyId });
const records = (authorKeyId: string | null = null) => ({ reviews: [dewisReview(authorKeyId)], annotations: [annotation('n1', 'm-sari', 'a1', 1, { kind: 'pin', at: { x: 1, y: 1 } })] });

describe('trust on first use', () => {
  it('a first-seen key is offered with its fingerprint; nothing counts as signed until it is accepted', () => {
    const standing = signerStanding(manifest('m-dewi', DEWI_KEY), []);
    expect(standing).toMatchObject({ kind: 'first-seen', mentorId: 'm-dewi', fingerprint: 'DDDD DDDD DDDD DDDD' });
    expect(judgeBundle(manifest('m-dewi', DEWI_KEY), records(), []).unsignedMentors).toEqual(['m-dewi', 'm-sari']);
    expect(judgeBundle(manifest('m-dewi', DEWI_KEY), records(DEWI_KEY), [], true)).toMatchObject({ refused: [], unsignedMentors: ['m-sari'] });
  });

  it('takes a known mentor’s work only from a bundle their key signed', () => {
    const known = [{ keyId: DEWI_KEY, mentorId: 'm-dewi' }];
    expect(judgeBundle(manifest('m-dewi', DEWI_KEY), records(DEWI_KEY), known)).toMatchObject({ signer: { kind: 'known' }, refused: [] });
    // Unsigned (signature stripped): Dewi's review is refused, Sari's (no key known) imports unsigned.
    const stripped = judgeBundle(manifest('m-dewi', null), records(DEWI_KEY), known);
    expect(stripped.refused).toEqual([{ table: 'reviews', id: 'rv-dewi', mentorId: 'm-dewi', reason: 'other-sender' }]);
    expect(stripped.unsignedMentors).toEqual(['m-sari']);
    // Signed by someone else (their own key, their own name): Dewi's review is still refused.
    const byOther = judgeBundle(manifest('m-sari', OTHER_KEY), records(), known, true);
    expect(byOther.refused.map((r) => r.id)).toEqual(['rv-dewi']);
    // A record naming another key than the one that signed.
    expect(judgeBundle(manifest('m-dewi', DEWI_KEY), records(OTHER_KEY), known).refused[0]?.reason).toBe('other-key');
  });

  it('a bundle naming a known mentor but signed by another key is a mismatch', () => {
    const known = [{ keyId: DEWI_KEY, mentorId: 'm-dewi' }, { keyId: SARI_KEY, mentorId: 'm-sari' }];
    expect(signerStanding(manifest('m-dewi', OTHER_KEY), known).kind).toBe('mismatch');
    // Sari's key used to sign a bundle that claims to be Dewi's.
    expect(signerStanding(manifest('m-dewi', SARI_KEY), known).kind).toBe('mismatch');
  });

  it('drops refused records and nothing else', () => {
    const all = records();
    const kept = withoutRefused(all, [{ table: 'reviews', id: 'rv-dewi', mentorId: 'm-dewi', reason: 'other-sender' }]);
    expect(kept.reviews).toEqual([]);
    expect(kept.annotations).toEqual(all.annotations);
  });
});
