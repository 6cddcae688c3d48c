import { z } from 'zod';
import { idSchema } from '../domain/record.ts';
import { FIRST_RECORDS_VERSION, RECORDS_VERSION } from '../migrations/chain.ts';
import { BUNDLE_TABLES } from './mergeBundle.ts';
import { SIGNATURE_ALGORITHMS } from './signing.ts';

/**
 * The `manifest.json` at the root of a `.kemas` bundle:
 * `{ format: 'kemas-bundle', kind, formatVersion, createdAt, createdBy, app, counts, files }`.
 * A reader checks it before anything else in the archive; every file it lists carries a sha256
 * so a changed or missing file is found before anything is written.
 */
export const BUNDLE_FORMAT = 'kemas-bundle';
/**
 * The version of the records inside (shared/migrations/chain.ts): a reader upgrades records of an
 * older version through the migration chain before their schema check, and refuses a newer one.
 */
export const BUNDLE_FORMAT_VERSION = RECORDS_VERSION;
export const BUNDLE_KINDS = ['workshop', 'review', 'backup'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

/** Room for the 200,000 entries an archive may hold (~110 characters each); refuses a size bomb before parsing. */
export const MAX_MANIFEST_CHARS = 32_000_000;

/**
 * Why a path inside a bundle is refused, or null when it is a plain relative path:
 * no absolute or drive paths, no backslashes, no `.`/`..`/empty segments, no control characters.
 */
export function bundlePathProblem(path: string): string | null {
  if (path.length === 0 || path.length > 255) return 'Path length must be 1–255';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'Path has control characters';
  if (path.includes('\\')) return 'Path has a backslash';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'Path is absolute';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'Path has an empty, . or .. segment';
  return null;
}

export const bundlePathSchema = z.string().superRefine((path, ctx) => {
  const problem = bundlePathProblem(path);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

export const bundleFileSchema = z.object({
  path: bundlePathSchema,
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lower-case hex SHA-256'),
  bytes: z.number().int().nonnegative(),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

const base64Schema = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected base64');

export const manifestSignatureSchema = z.object({
  algorithm: z.enum(SIGNATURE_ALGORITHMS),
  /** Lower-case hex SHA-256 of the public key. */
  keyId: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lower-case hex SHA-256'),
  /** Base64 SPKI (Ed25519: 44 bytes; P-256: 91 bytes). */
  publicKey: base64Schema(400),
  value: base64Schema(400),
});

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  kind: z.enum(BUNDLE_KINDS),
  formatVersion: z.number().int().min(FIRST_RECORDS_VERSION).max(BUNDLE_FORMAT_VERSION),
  /** ISO 8601 time of the export, for people reading the file. */
  createdAt: z.iso.datetime({ offset: true }),
  /** The mentor who exported it. */
  createdBy: z.object({ id: idSchema, name: z.string().max(120) }),
  app: z.object({ name: z.string().max(60), version: z.string().min(1).max(40) }),
  /** Records per table in the bundle. */
  counts: z.partialRecord(z.enum(BUNDLE_TABLES), z.number().int().nonnegative()),
  files: z.array(bundleFileSchema).superRefine((files, ctx) => {
    const seen = new Set<string>();
    files.forEach((f, i) => {
      if (seen.has(f.path)) ctx.addIssue({ code: 'custom', message: 'Duplicate path', path: [i, 'path'] });
      seen.add(f.path);
    });
  }),
  /**
   * The sender's signature over the rest of the manifest (shared/bundles/signing.ts), which lists every
   * file's SHA-256. Absent in bundles made before signing: they still import, marked unsigned.
   */
  signature: manifestSignatureSchema.optional(),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** Why a manifest is refused; the UI translates the code. */
export type ManifestProblem = 'too-large' | 'not-json' | 'not-bundle' | 'newer-version' | 'invalid';

export type ManifestCheck =
  | { ok: true; manifest: BundleManifest }
  /** `path` names the first problem for `invalid` (e.g. `files[2].path`); `version` is the newer format version. */
  | { ok: false; problem: ManifestProblem; path?: string; version?: number };

/** `files[0].path` from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text || '(manifest)';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a manifest's text, coarse to fine: too large, not JSON, not a Kemas bundle, made by a
 * newer app (refused before its shape is read, which a newer format may change), then the shape
 * with the path of its first problem.
 */
export function checkManifest(text: string): ManifestCheck {
  if (text.length > MAX_MANIFEST_CHARS) return { ok: false, problem: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (!isObject(data) || data.format !== BUNDLE_FORMAT) return { ok: false, problem: 'not-bundle' };
  const version = data.formatVersion;
  if (typeof version === 'number' && Number.isFinite(version) && version > BUNDLE_FORMAT_VERSION) {
    return { ok: false, problem: 'newer-version', version };
  }
  const parsed = bundleManifestSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problem: 'invalid', path: pathText(parsed.error.issues[0]?.path ?? []) };
  return { ok: true, manifest: parsed.data };
}
