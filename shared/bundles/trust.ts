import type { BundleManifest } from './bundleFormat.ts';
import type { BundleRecords } from './mergeBundle.ts';
import { fingerprint } from './signing.ts';

/**
 * Who may write a mentor's work (issue 16, item 8), decided before a bundle is merged. Trust is on
 * first use, as SSH does it: the first key seen for a mentor is shown with its fingerprint to accept,
 * and from then on that mentor's reviews, annotations and checklists are taken only from bundles that
 * key signed. Pure: the studio passes the keys it knows.
 */

/** A mentor's public key as this studio knows it: its own (it holds the private key) or accepted. */
export interface KnownKey {
  keyId: string;
  mentorId: string;
}

/** The bundle's sender as its signature shows them. */
export type SignerStanding =
  /** Made before signing, or by a studio that could not sign. */
  | { kind: 'unsigned' }
  /** Signed with a key this studio knows for the mentor the bundle names as sender. */
  | { kind: 'known'; keyId: string; mentorId: string }
  /** Signed with a key this studio has not seen, by a mentor it knows no key of: to accept. */
  | { kind: 'first-seen'; keyId: string; mentorId: string; fingerprint: string; algorithm: string; publicKey: string }
  /**
   * Names a sender whose key this studio knows, but is signed by another key (or by a key known for
   * another mentor): refused whole.
   */
  | { kind: 'mismatch'; keyId: string; mentorId: string; fingerprint: string };

/** The tables whose records belong to one mentor, and must be signed by that mentor's key. */
export const AUTHORED_TABLES = ['reviews', 'annotations', 'labelChecklists'] as const;
export type AuthoredTable = (typeof AUTHORED_TABLES)[number];

/** A record refused because its mentor's key is known and did not sign it. */
export interface RefusedRecord {
  table: AuthoredTable;
  id: string;
  mentorId: string;
  /** `other-sender`: the bundle is someone else's; `other-key`: the record says another key made it. */
  reason: 'other-sender' | 'other-key';
}

export interface TrustJudgement {
  signer: SignerStanding;
  /** Records not to write, with why. */
  refused: RefusedRecord[];
  /** Mentors whose records in the bundle are taken without a signature of theirs (no key known for them). */
  unsignedMentors: string[];
}

export function signerStanding(manifest: BundleManifest, known: readonly KnownKey[]): SignerStanding {
  const signature = manifest.signature;
  if (signature === undefined) return { kind: 'unsigned' };
  const mentorId = manifest.createdBy.id;
  const key = known.find((k) => k.keyId === signature.keyId);
  if (key !== undefined) {
    return key.mentorId === mentorId
      ? { kind: 'known', keyId: key.keyId, mentorId }
      : { kind: 'mismatch', keyId: signature.keyId, mentorId, fingerprint: fingerprint(signature.keyId) };
  }
  if (known.some((k) => k.mentorId === mentorId)) return { kind: 'mismatch', keyId: signature.keyId, mentorId, fingerprint: fingerprint(signature.keyId) };
  return {
    kind: 'first-seen',
    keyId: signature.keyId,
    mentorId,
    fingerprint: fingerprint(signature.keyId),
    algorithm: signature.algorithm,
    publicKey: signature.publicKey,
  };
}

/**
 * Judges a checked bundle against the keys this studio knows. `accepted` is true once the person has
 * accepted a first-seen key (the preview asks): until then nothing signed by it counts as signed.
 * A record claiming mentor M, where M has a known key, is refused unless the bundle is M's, signed by
 * M's key, and the record names no other key (`authorKeyId`).
 */
export function judgeBundle(manifest: BundleManifest, records: BundleRecords, known: readonly KnownKey[], accepted = false): TrustJudgement {
  const signer = signerStanding(manifest, known);
  const keys = [...known];
  if (signer.kind === 'first-seen' && accepted) keys.push({ keyId: signer.keyId, mentorId: signer.mentorId });
  const signedBy = signer.kind === 'known' || (signer.kind === 'first-seen' && accepted) ? { keyId: signer.keyId, mentorId: signer.mentorId } : null;
  const refused: RefusedRecord[] = [];
  const unsigned = new Set<string>();
  for (const table of AUTHORED_TABLES) {
    for (const record of records[table] ?? []) {
      const theirs = keys.filter((k) => k.mentorId === record.mentorId);
      const authorKeyId = (record as { authorKeyId?: string | null }).authorKeyId ?? null;
      const bySender = signedBy !== null && signedBy.mentorId === record.mentorId;
      if (theirs.length === 0) {
        if (!bySender) unsigned.add(record.mentorId);
        continue;
      }
      if (!bySender || !theirs.some((k) => k.keyId === signedBy.keyId)) {
        refused.push({ table, id: record.id, mentorId: record.mentorId, reason: 'other-sender' });
      } else if (authorKeyId !== null && authorKeyId !== signedBy.keyId) {
        refused.push({ table, id: record.id, mentorId: record.mentorId, reason: 'other-key' });
      }
    }
  }
  return { signer, refused, unsignedMentors: [...unsigned].sort() };
}

/** The bundle's records without the refused ones. */
export function withoutRefused(records: BundleRecords, refused: readonly RefusedRecord[]): BundleRecords {
  if (refused.length === 0) return records;
  const out: Record<string, unknown> = { ...records };
  for (const table of AUTHORED_TABLES) {
    const ids = new Set(refused.filter((r) => r.table === table).map((r) => r.id));
    if (ids.size > 0 && records[table]) out[table] = records[table].filter((r) => !ids.has(r.id));
  }
  return out as BundleRecords;
}
