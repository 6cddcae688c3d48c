import type { z } from 'zod';
import type { annotationShapeSchema } from '../domain/annotation.ts';

/** The geometry of one annotation, in original image pixels (see shared/domain/annotation.ts). */
export type AnnotationShape = z.infer<typeof annotationShapeSchema>;
export type ShapeKind = AnnotationShape['kind'];
/** One member of the shape union, e.g. `ShapeOf<'measure'>`. */
export type ShapeOf<K extends ShapeKind> = Extract<AnnotationShape, { kind: K }>;

export interface Point {
  x: number;
  y: number;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
