import { createHash } from 'node:crypto';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * A forger's tool for tests (issue 16, item 9 as reported): opens a `.kemas`, lets `edit` change its
 * records, then recomputes every file's SHA-256 and size in the manifest and zips it again, so every
 * checksum holds. `signature` says what becomes of the sender's signature: kept as it was (it no
 * longer matches), removed (an "unsigned" bundle), or replaced by `resign(manifest)`.
 */
export async function tamperBundle(
  bytes: Uint8Array,
  edit: (records: Record<string, unknown[]>) => void,
  signature: { kind: 'keep' } | { kind: 'strip' } | { kind: 'resign'; resign: (manifest: Record<string, unknown>) => Promise<unknown> } = { kind: 'keep' },
): Promise<Uint8Array> {
  const files = unzipSync(bytes);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const records: Record<string, unknown[]> = {};
  for (const [path, data] of Object.entries(files)) {
    const table = /^records\/(\w+)\.json$/.exec(path)?.[1];
    if (table) records[table] = JSON.parse(decoder.decode(data)) as unknown[];
  }
  edit(records);
  for (const [table, rows] of Object.entries(records)) files[`records/${table}.json`] = encoder.encode(JSON.stringify(rows));
  const manifest = JSON.parse(decoder.decode(files['manifest.json'])) as Record<string, unknown> & { files: { path: string; sha256: string; bytes: number }[] };
  manifest.files = manifest.files.map((f) => {
    const data = files[f.path]!;
    return { path: f.path, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
  });
  if (signature.kind === 'strip') delete manifest.signature;
  if (signature.kind === 'resign') manifest.signature = await signature.resign(manifest);
  files['manifest.json'] = encoder.encode(JSON.stringify(manifest));
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = [data, { level: path.startsWith('blobs/') ? 0 : 6 }];
  return zipSync(zippable);
}
