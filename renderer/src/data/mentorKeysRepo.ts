import { generateKeyPair, importPrivateKey, platformSubtle, type KeyHandle, type SignatureAlgorithm } from '#shared/bundles/signing.ts';
import type { KnownKey, SignerStanding } from '#shared/bundles/trust.ts';
import { mentorKeySchema, type MentorKey } from '#shared/domain/mentorKey.ts';
import type { KemasDatabase } from './db.ts';
import { rememberOwnKey } from './editHistory.ts';
import { newRecordBase } from './records.ts';

/**
 * Mentors' signing keys (issue 16, item 8). Each mentor who works on this laptop gets a key pair; the
 * key the studio signs with is a non-extractable CryptoKey in `meta` (`signingKey:<keyId>`), and the
 * `mentorKeys` row keeps the public key and the PKCS#8 copy a backup carries. Keys accepted from
 * other laptops' bundles are `mentorKeys` rows with trust `accepted`.
 */

const signingKeyRow = (keyId: string) => `signingKey:${keyId}`;

export interface Signer {
  algorithm: SignatureAlgorithm;
  keyId: string;
  publicKey: string;
  privateKey: KeyHandle;
}

/** The keys this studio knows (own and accepted), for judging bundles. */
export async function knownKeys(db: KemasDatabase): Promise<KnownKey[]> {
  const rows = await db.mentorKeys.toArray();
  return rows.filter((k) => k.deletedAt === null).map((k) => ({ keyId: k.id, mentorId: k.mentorId }));
}

export async function ownKeyOf(db: KemasDatabase, mentorId: string): Promise<MentorKey | null> {
  const rows = await db.mentorKeys.where('mentorId').equals(mentorId).toArray();
  return rows.find((k) => k.trust === 'own' && k.deletedAt === null) ?? null;
}

/** The mentor's own key on this laptop, made now if they have none (and no accepted key from elsewhere). */
export async function ensureOwnKey(db: KemasDatabase, mentorId: string): Promise<MentorKey | null> {
  const existing = await ownKeyOf(db, mentorId);
  if (existing) return existing;
  const subtle = platformSubtle();
  if (subtle === null) return null;
  // A key accepted from another laptop means the mentor signs there: a second key here would be refused there.
  const accepted = (await db.mentorKeys.where('mentorId').equals(mentorId).toArray()).some((k) => k.deletedAt === null);
  if (accepted) return null;
  const pair = await generateKeyPair(subtle);
  const row = mentorKeySchema.parse({
    ...newRecordBase(mentorId),
    id: pair.keyId,
    mentorId,
    algorithm: pair.algorithm,
    publicKey: pair.publicKey,
    trust: 'own',
    backupCopy: pair.backupCopy,
  });
  await db.transaction('rw', db.mentorKeys, db.meta, async () => {
    await db.mentorKeys.put(row);
    await db.meta.put({ key: signingKeyRow(pair.keyId), value: pair.privateKey });
  });
  rememberOwnKey(db, mentorId, pair.keyId);
  return row;
}

/**
 * What signs a bundle the mentor sends: their own key's non-extractable CryptoKey, re-made from the
 * backup copy when this laptop got the key from a backup. Null when the mentor has no key here.
 */
export async function signerFor(db: KemasDatabase, mentorId: string): Promise<Signer | null> {
  const own = await ensureOwnKey(db, mentorId);
  const subtle = platformSubtle();
  if (own === null || subtle === null) return null;
  let privateKey = (await db.meta.get(signingKeyRow(own.id)))?.value as KeyHandle | undefined;
  if (privateKey === undefined) {
    if (own.backupCopy === null) return null;
    privateKey = await importPrivateKey(subtle, own.algorithm, own.backupCopy);
    await db.meta.put({ key: signingKeyRow(own.id), value: privateKey });
    rememberOwnKey(db, mentorId, own.id);
  }
  return { algorithm: own.algorithm, keyId: own.id, publicKey: own.publicKey, privateKey };
}

/** The row that accepts a first-seen key (written with the merge, in its transaction). */
export function acceptedKeyRow(signer: Extract<SignerStanding, { kind: 'first-seen' }>, actor: string): MentorKey {
  return mentorKeySchema.parse({
    ...newRecordBase(actor),
    id: signer.keyId,
    mentorId: signer.mentorId,
    algorithm: signer.algorithm,
    publicKey: signer.publicKey,
    trust: 'accepted',
    backupCopy: null,
  });
}
