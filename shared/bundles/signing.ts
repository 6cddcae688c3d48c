import { canonicalJson } from './mergeRecords.ts';
import { utf8 } from './archiveText.ts';

// Both hosts' runtimes have these globals; shared/ sees neither DOM nor Node types.
declare const btoa: (binary: string) => string;
declare const atob: (base64: string) => string;

/**
 * Signatures over a bundle's manifest (issue 16, item 8). The manifest lists every file with its
 * SHA-256, so one signature over it covers every record and image in the bundle. Keys are WebCrypto
 * key pairs: Ed25519 where the runtime has it, ECDSA P-256 with SHA-256 where it does not.
 * shared/ sees no DOM types, so the WebCrypto surface used here is declared structurally.
 */

export const SIGNATURE_ALGORITHMS = ['Ed25519', 'ECDSA-P256'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** A CryptoKey, opaque here. */
export type KeyHandle = object;

interface KeyPairHandle {
  publicKey: KeyHandle;
  privateKey: KeyHandle;
}

/** The part of `crypto.subtle` signing needs. */
export interface SubtleLike {
  generateKey(algorithm: unknown, extractable: boolean, usages: string[]): Promise<unknown>;
  importKey(format: string, data: Uint8Array, algorithm: unknown, extractable: boolean, usages: string[]): Promise<KeyHandle>;
  exportKey(format: string, key: KeyHandle): Promise<ArrayBuffer>;
  sign(algorithm: unknown, key: KeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: unknown, key: KeyHandle, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

export function platformSubtle(): SubtleLike | null {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  return subtle ?? null;
}

const KEY_PARAMS: Record<SignatureAlgorithm, unknown> = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', namedCurve: 'P-256' },
};
const SIGN_PARAMS: Record<SignatureAlgorithm, unknown> = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', hash: 'SHA-256' },
};

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A key's id: the lower-case hex SHA-256 of its public key (SPKI bytes). */
export async function keyIdOf(subtle: SubtleLike, spki: Uint8Array): Promise<string> {
  return hex(await subtle.digest('SHA-256', spki));
}

/** The short form people compare by eye (as SSH shows a host key): the id's first 16 hex digits in fours. */
export function fingerprint(keyId: string): string {
  return (keyId.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ').toUpperCase();
}

/** A new key pair for a mentor. */
export interface NewKeyPair {
  algorithm: SignatureAlgorithm;
  keyId: string;
  /** Base64 SPKI. */
  publicKey: string;
  /** The signing key, non-extractable. */
  privateKey: KeyHandle;
  /** Base64 PKCS#8 of the private key: the copy a backup carries to another laptop. */
  backupCopy: string;
}

/**
 * Makes a key pair: Ed25519 where the runtime has it (feature-detected by trying), else ECDSA P-256.
 * It is generated extractable once, to take the PKCS#8 copy a backup carries; the key the studio signs
 * with is imported again from it as non-extractable.
 */
export async function generateKeyPair(subtle: SubtleLike, prefer: readonly SignatureAlgorithm[] = SIGNATURE_ALGORITHMS): Promise<NewKeyPair> {
  let lastError: unknown = null;
  for (const algorithm of prefer) {
    try {
      const pair = (await subtle.generateKey(KEY_PARAMS[algorithm], true, ['sign', 'verify'])) as KeyPairHandle;
      const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
      const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
      return {
        algorithm,
        keyId: await keyIdOf(subtle, spki),
        publicKey: toBase64(spki),
        privateKey: await importPrivateKey(subtle, algorithm, toBase64(pkcs8)),
        backupCopy: toBase64(pkcs8),
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('No signature algorithm available');
}

/** The signing key from a backup's PKCS#8 copy, non-extractable. */
export function importPrivateKey(subtle: SubtleLike, algorithm: SignatureAlgorithm, pkcs8: string): Promise<KeyHandle> {
  return subtle.importKey('pkcs8', fromBase64(pkcs8), KEY_PARAMS[algorithm], false, ['sign']);
}

/** The signature a manifest carries. */
export interface ManifestSignature {
  algorithm: SignatureAlgorithm;
  keyId: string;
  /** Base64 SPKI of the signer's public key. */
  publicKey: string;
  /** Base64 signature over `signedBytes(manifest)`. */
  value: string;
}

/** What is signed: the manifest's canonical JSON without its signature. */
export function signedBytes(manifest: object): Uint8Array {
  return utf8(canonicalJson({ ...manifest, signature: undefined }));
}

export async function signManifest(
  subtle: SubtleLike,
  manifest: object,
  signer: { algorithm: SignatureAlgorithm; keyId: string; publicKey: string; privateKey: KeyHandle },
): Promise<ManifestSignature> {
  const value = new Uint8Array(await subtle.sign(SIGN_PARAMS[signer.algorithm], signer.privateKey, signedBytes(manifest)));
  return { algorithm: signer.algorithm, keyId: signer.keyId, publicKey: signer.publicKey, value: toBase64(value) };
}

/**
 * Whether a manifest's signature holds: its key id is the SHA-256 of the public key it carries, and
 * the signature verifies over the rest of the manifest. `unsigned` for a manifest without one (made
 * before signing, or by a studio that could not sign).
 */
export async function verifyManifest(subtle: SubtleLike, manifest: { readonly [key: string]: unknown; signature?: ManifestSignature | undefined }): Promise<'unsigned' | 'valid' | 'invalid'> {
  const signature = manifest.signature;
  if (signature === undefined) return 'unsigned';
  try {
    const spki = fromBase64(signature.publicKey);
    if ((await keyIdOf(subtle, spki)) !== signature.keyId) return 'invalid';
    const key = await subtle.importKey('spki', spki, KEY_PARAMS[signature.algorithm], false, ['verify']);
    return (await subtle.verify(SIGN_PARAMS[signature.algorithm], key, fromBase64(signature.value), signedBytes(manifest))) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
