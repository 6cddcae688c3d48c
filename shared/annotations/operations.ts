import { annotationSchema } from '../domain/annotation.ts';
import type { ANNOTATION_CATEGORIES, Annotation, SEVERITIES } from '../domain/annotation.ts';
import type { AnnotationShape } from './shape.ts';
import type { AnnotationPatch } from './history.ts';
import { anchorOf } from './geometry.ts';

export type AnnotationCategory = (typeof ANNOTATION_CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];

export interface NewAnnotation {
  id: string;
  assetId: string;
  submissionId: string;
  mentorId: string;
  shape: AnnotationShape;
  category?: AnnotationCategory;
  severity?: Severity;
  comment?: string;
  link?: Annotation['link'];
}

export type AnnotationChanges = Partial<Pick<Annotation, 'shape' | 'category' | 'severity' | 'comment' | 'link'>>;

/** The record after an edit, and the patch to store and push on the history (null when nothing changed). */
export interface AnnotationEdit {
  annotation: Annotation;
  patch: AnnotationPatch | null;
}

/**
 * The number a new annotation gets: one more than the highest among the
 * mentor's live annotations on the whole submission (all faces share one
 * sequence, so "no. 7" is unambiguous in the critique PDF).
 */
export function nextNumber(existing: readonly Annotation[], mentorId: string, submissionId: string): number {
  let max = 0;
  for (const a of existing) {
    if (a.mentorId === mentorId && a.submissionId === submissionId && a.deletedAt === null) max = Math.max(max, a.number);
  }
  return max + 1;
}

export function createAnnotation(
  input: NewAnnotation,
  existing: readonly Annotation[],
  now: number,
): { annotation: Annotation; patch: AnnotationPatch } {
  const annotation = annotationSchema.parse({
    id: input.id,
    createdAt: now,
    updatedAt: now,
    updatedBy: input.mentorId,
    deletedAt: null,
    revisions: {},
    authorKeyId: null,
    assetId: input.assetId,
    submissionId: input.submissionId,
    mentorId: input.mentorId,
    number: nextNumber(existing, input.mentorId, input.submissionId),
    shape: input.shape,
    category: input.category ?? 'other',
    severity: input.severity ?? 'suggestion',
    comment: input.comment ?? '',
    link: input.link ?? null,
  });
  return { annotation, patch: { id: annotation.id, before: null, after: annotation } };
}

/** Structural equality of plain data; key order does not matter (Fabric and storage order keys differently). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function stamped(current: Annotation, changes: Partial<Annotation>, actor: string, now: number): Annotation {
  return annotationSchema.parse({ ...current, ...changes, updatedAt: now, updatedBy: actor });
}

/** Applies the given fields (undefined ones are ignored). Throws for a deleted annotation: restore it first. */
export function updateAnnotation(current: Annotation, changes: AnnotationChanges, actor: string, now: number): AnnotationEdit {
  if (current.deletedAt !== null) throw new Error(`Annotation ${current.id} is deleted and cannot be edited`);
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => value !== undefined && !same(value, current[key as keyof Annotation])),
  ) as AnnotationChanges;
  if (Object.keys(changed).length === 0) return { annotation: current, patch: null };
  const annotation = stamped(current, changed, actor, now);
  return { annotation, patch: { id: current.id, before: current, after: annotation } };
}

/** A tombstone, so the deletion travels in bundles and can be undone. Deleting twice changes nothing. */
export function deleteAnnotation(current: Annotation, actor: string, now: number): AnnotationEdit {
  if (current.deletedAt !== null) return { annotation: current, patch: null };
  const annotation = stamped(current, { deletedAt: now }, actor, now);
  return { annotation, patch: { id: current.id, before: current, after: annotation } };
}

/**
 * Patches that number the live annotations 1..n in reading order: by face
 * (`faceOrder` of the asset, e.g. front before back), then top to bottom and
 * left to right by badge position. Each mentor × submission is numbered on its
 * own. Annotations already carrying the right number get no patch.
 */
export function renumber(
  annotations: readonly Annotation[],
  faceOrder: (assetId: string) => number,
  actor: string,
  now: number,
): AnnotationPatch[] {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.deletedAt !== null) continue;
    const key = JSON.stringify([a.mentorId, a.submissionId]);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const patches: AnnotationPatch[] = [];
  for (const group of groups.values()) {
    const keyed = group.map((a) => ({ a, face: faceOrder(a.assetId), anchor: anchorOf(a.shape) }));
    keyed.sort(
      (p, q) =>
        p.face - q.face ||
        p.anchor.y - q.anchor.y ||
        p.anchor.x - q.anchor.x ||
        // Same spot: keep the order they were made in, so renumbering twice gives the same result.
        p.a.number - q.a.number ||
        (p.a.id < q.a.id ? -1 : p.a.id > q.a.id ? 1 : 0),
    );
    keyed.forEach(({ a }, i) => {
      if (a.number !== i + 1) patches.push({ id: a.id, before: a, after: stamped(a, { number: i + 1 }, actor, now) });
    });
  }
  return patches;
}

/**
 * Undo and redo put old content back, but to the merge between laptops they
 * are new edits: this stamps each `after` with `actor` and `now` (else an older
 * `updatedAt` would lose to the very version being undone), and turns the
 * removal that undoes a creation into a tombstone, so it travels in bundles too.
 */
export function restampPatches(patches: readonly AnnotationPatch[], actor: string, now: number): AnnotationPatch[] {
  return patches.map((p) => {
    if (p.after !== null) return { ...p, after: stamped(p.after, {}, actor, now) };
    if (p.before === null) return p;
    return { ...p, after: stamped(p.before, { deletedAt: now }, actor, now) };
  });
}
