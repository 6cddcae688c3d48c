// Runs ingestFile on every file of a folder in this (separate) Node process
// and prints the outcomes as JSON. wasmParity.test.ts starts it with
// `--no-addons`: Node then refuses native addons, sharp's loader cannot open
// @img/sharp-linux-x64 and falls back to @img/sharp-wasm32, exactly as it does
// in a Linux desktop build that ships only the WebAssembly package.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFile } from '#electron/services/ingest/ingestFile.ts';
import { DEFAULT_INGEST_LIMITS, type IngestOutcome } from '#shared/intake/ingestOutcome.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: node --no-addons ingestInChild.ts <folder>');

const sharpModule = await import('sharp');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const serialise = (outcome: IngestOutcome) =>
  outcome.ok
    ? {
        ok: true,
        faces: outcome.faces.map((face) => ({
          ...face,
          preview: { ...face.preview, bytes: base64(face.preview.bytes) },
          thumbnail: { ...face.thumbnail, bytes: base64(face.thumbnail.bytes) },
        })),
      }
    : outcome;

const outcomes: Record<string, unknown> = {};
for (const name of (await readdir(folder)).sort()) {
  const bytes = new Uint8Array(await readFile(join(folder, name)));
  outcomes[name] = serialise(await ingestFile(bytes, name, DEFAULT_INGEST_LIMITS, sharpModule));
}
process.stdout.write(JSON.stringify({ versions: sharpModule.default.versions, outcomes }));
