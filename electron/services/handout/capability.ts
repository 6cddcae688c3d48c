import { createHash, randomBytes } from 'node:crypto';

/** Random bytes in one capability link: 192 bits, well past the 128 the issue asks for. */
export const CAPABILITY_BYTES = 24;

/** A new unguessable link segment: 32 base64url characters. */
export function newCapability(): string {
  return randomBytes(CAPABILITY_BYTES).toString('base64url');
}

export function isCapabilityShaped(segment: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(segment);
}

/** Letters and digits that cannot be mistaken for one another on a printed card (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V). */
const CODE_ALPHABET = '3469ACDEFGHJKMNPQRTWXY';

/**
 * The short code shown beside a QR and on the phone page, e.g. "K7M-Q2P":
 * derived from the capability so the mentor and the owner can check that a
 * card and a page belong together. It opens nothing by itself.
 */
export function checkCode(capability: string): string {
  const digest = createHash('sha256').update(`kemas-handout-code:${capability}`).digest();
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[(digest[i] as number) % CODE_ALPHABET.length];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
