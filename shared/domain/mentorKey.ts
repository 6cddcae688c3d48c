import { z } from 'zod';
import { SIGNATURE_ALGORITHMS } from '../bundles/signing.ts';
import { idSchema, recordBase } from './record.ts';

/**
 * A mentor's public key as this studio knows it (records version 3): its own, made here or brought by
 * a backup (this studio can sign with it), or accepted from a signed bundle on first use. The id is
 * the key id (hex SHA-256 of the public key). Travels only in backups.
 */
export const mentorKeySchema = z.object({
  ...recordBase,
  id: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a key id'),
  mentorId: idSchema,
  algorithm: z.enum(SIGNATURE_ALGORITHMS),
  /** Base64 SPKI. */
  publicKey: z.string().min(1).max(400),
  /** `own`: this studio holds the private key; `accepted`: seen first on a signed bundle and accepted. */
  trust: z.enum(['own', 'accepted']),
  /**
   * Own keys only: the private key as base64 PKCS#8, the copy a backup carries so the mentor can sign
   * on another laptop (the key the studio signs with is a non-extractable CryptoKey made from it).
   */
  backupCopy: z.string().max(400).nullable(),
});
export type MentorKey = z.infer<typeof mentorKeySchema>;
