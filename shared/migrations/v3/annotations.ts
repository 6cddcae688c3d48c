import type { MigrationContext, MigrationStep, StoredRecord } from '../migration.ts';

/*
 * The sizes version 2 drew an unsized text mark at (shared/annotations/appearance.ts at 4e4ef2e:
 * TEXT_SCREEN_SIZE chrome units, OUTPUT_REFERENCE_SIDE image pixels of the face's longer side per
 * chrome-unit step), copied here so that the step stays what it was when the drawing code moves on.
 */
const TEXT_SCREEN_SIZE = 16;
const OUTPUT_REFERENCE_SIDE = 500;
const round2 = (n: number): number => Math.round(n * 100) / 100;
const defaultTextSize = (face: { width: number; height: number }): number => round2((TEXT_SCREEN_SIZE * Math.max(face.width, face.height)) / OUTPUT_REFERENCE_SIDE);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The pixel size of the face a mark sits on, from its asset record (`metadata.width/height`). */
function faceSize(asset: StoredRecord | undefined): { width: number; height: number } | null {
  const metadata = asset?.metadata;
  if (!isPlainObject(metadata) || !positive(metadata.width) || !positive(metadata.height)) return null;
  return { width: metadata.width, height: metadata.height };
}

/**
 * Text marks made before their font size was stored (all of version 1, some of version 2) get the
 * size every surface drew them at: version 2's default for their face. When the face is not at hand (a
 * review file read by a studio that lacks it), the face is taken as the reference side or, when the
 * text sits further out, twice the text's position: a face the anchor lies inside, so the text
 * stays readable rather than a speck.
 */
export function withStoredTextSize(record: StoredRecord, context: MigrationContext): StoredRecord {
  const shape = record.shape;
  if (!isPlainObject(shape) || shape.kind !== 'text' || positive(shape.fontSize)) return record;
  const at = isPlainObject(shape.at) ? shape.at : {};
  const x = typeof at.x === 'number' && Number.isFinite(at.x) ? Math.abs(at.x) : 0;
  const y = typeof at.y === 'number' && Number.isFinite(at.y) ? Math.abs(at.y) : 0;
  const asset = typeof record.assetId === 'string' ? context.find('assets', record.assetId) : undefined;
  const side = Math.max(OUTPUT_REFERENCE_SIDE, 2 * x, 2 * y);
  const face = faceSize(asset) ?? { width: side, height: side };
  return { ...record, shape: { ...shape, fontSize: defaultTextSize(face) } };
}

export const ANNOTATION_STEPS: MigrationStep[] = [
  {
    table: 'annotations',
    name: "a text mark's font size is stored (its face's default when it had none)",
    reads: ['assets'],
    up: withStoredTextSize,
  },
];
