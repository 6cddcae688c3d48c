import { describe, expect, it } from 'vitest';
import { checkArchive } from '#shared/bundles/archive.ts';
import { fingerprint, generateKeyPair, platformSubtle, signManifest, verifyManifest, type NewKeyPair, type SubtleLike } from '#shared/bundles/signing.ts';
import { archiveBytes, archiveInput, memorySource, mentor } from '../../support/archiveFixture.ts';
import { review } from '../../support/packFixture.ts';
import { tamperBundle } from '../../support/tamperBundle.ts';

const subtle = platformSubtle() as SubtleLike;

const reviewInput = () =>
  archiveInput({ mentors: [mentor('m-rina', 'Rina Prasetyo')], reviews: [review('rv1', 'm-rina', 's1', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3])] }, [], 'review');

const signWith = (pair: NewKeyPair) => (manifest: object) => signManifest(subtle, manifest, pair);

describe('manifest signatures', () => {
  it('signs with Ed25519 where the runtime has it, ECDSA P-256 otherwise, and verifies either', async () => {
    for (const prefer of [['Ed25519'], ['ECDSA-P256']] as const) {
      const pair = await generateKeyPair(subtle, prefer);
      expect(pair.algorithm).toBe(prefer[0]);
      expect(pair.keyId).toMatch(/^[0-9a-f]{64}$/);
      const manifest = { format: 'kemas-bundle', files: [{ path: 'records/reviews.json', sha256: 'a'.repeat(64), bytes: 10 }] };
      const signed = { ...manifest, signature: await signManifest(subtle, manifest, pair) };
      expect(await verifyManifest(subtle, signed)).toBe('valid');
      expect(await verifyManifest(subtle, manifest)).toBe('unsigned');
      // One changed checksum, and the signature no longer holds.
      expect(await verifyManifest(subtle, { ...signed, files: [{ ...manifest.files[0]!, sha256: 'b'.repeat(64) }] })).toBe('invalid');
    }
  });

  it('falls back to ECDSA P-256 when Ed25519 is missing', async () => {
    const noEd25519: SubtleLike = {
      ...subtle,
      generateKey: (algorithm, extractable, usages) =>
        (algorithm as { name: string }).name === 'Ed25519' ? Promise.reject(new Error('NotSupportedError')) : subtle.generateKey(algorithm, extractable, usages),
      importKey: subtle.importKey.bind(subtle),
      exportKey: subtle.exportKey.bind(subtle),
      sign: subtle.sign.bind(subtle),
      verify: subtle.verify.bind(subtle),
      digest: subtle.digest.bind(subtle),
    };
    expect((await generateKeyPair(noEd25519)).algorithm).toBe('ECDSA-P256');
  });

  it('keeps the signing key non-extractable; only the backup copy leaves', async () => {
    const pair = await generateKeyPair(subtle);
    await expect(subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    expect(pair.backupCopy.length).toBeGreaterThan(40);
  });

  it('refuses a key id that is not its public key’s, and shows a short fingerprint', async () => {
    const a = await generateKeyPair(subtle);
    const b = await generateKeyPair(subtle);
    const manifest = { format: 'kemas-bundle' };
    const signature = await signManifest(subtle, manifest, a);
    expect(await verifyManifest(subtle, { ...manifest, signature: { ...signature, keyId: b.keyId } })).toBe('invalid');
    expect(await verifyManifest(subtle, { ...manifest, signature: { ...signature, publicKey: b.publicKey } })).toBe('invalid');
    expect(fingerprint(a.keyId)).toMatch(/^[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/);
  });
});

describe('signed bundles', () => {
  it('a signed review bundle reads back as signed by its sender', async () => {
    const pair = await generateKeyPair(subtle);
    const checked = await checkArchive(memorySource(await archiveBytes(reviewInput(), { sign: signWith(pair) })));
    expect(checked.ok && checked.archive.signature).toBe('valid');
    expect(checked.ok && checked.archive.manifest.signature?.keyId).toBe(pair.keyId);
  });

  it('a score raised and every checksum recomputed is refused: the signature no longer matches', async () => {
    const pair = await generateKeyPair(subtle);
    const bytes = await archiveBytes(reviewInput(), { sign: signWith(pair) });
    const forged = await tamperBundle(bytes, (records) => {
      const r = records.reviews![0] as { scores: Record<string, { score: number }>; updatedAt: number };
      for (const s of Object.values(r.scores)) s.score = 5;
      r.updatedAt += 60_000;
    });
    expect(await checkArchive(memorySource(forged))).toMatchObject({ ok: false, problem: 'bad-signature', path: 'manifest.json' });
    // The same edit without touching the records still reads: the tool itself is not what is refused.
    const untouched = await tamperBundle(bytes, () => {});
    expect((await checkArchive(memorySource(untouched))).ok).toBe(true);
  });

  it('a bundle stripped of its signature, or from before signing, reads as unsigned', async () => {
    const pair = await generateKeyPair(subtle);
    const stripped = await tamperBundle(await archiveBytes(reviewInput(), { sign: signWith(pair) }), () => {}, { kind: 'strip' });
    const checked = await checkArchive(memorySource(stripped));
    expect(checked.ok && checked.archive.signature).toBe('unsigned');
    const old = await checkArchive(memorySource(await archiveBytes(reviewInput())));
    expect(old.ok && old.archive.signature).toBe('unsigned');
  });
});
