// Annotations as the store would hold them, for history and operation tests.
import { createAnnotation } from '#shared/annotations/operations.ts';
import type { NewAnnotation } from '#shared/annotations/operations.ts';
import type { Annotation } from '#shared/domain/annotation.ts';

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

let counter = 0;

/** Creates an annotation the way the review screen does, numbered against `existing`. */
export function made(existing: readonly Annotation[], overrides: Partial<NewAnnotation> = {}, now = T0): Annotation {
  counter += 1;
  return createAnnotation(
    {
      id: `ann-${counter}`,
      assetId: 'front',
      submissionId: 'sub-1',
      mentorId: 'mentor-sari',
      shape: { kind: 'pin', at: { x: 10 * counter, y: 10 } },
      ...overrides,
    },
    existing,
    now,
  ).annotation;
}
