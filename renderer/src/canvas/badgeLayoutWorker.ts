// The badge layout worker: laying out the badges of hundreds of crowded marks
// (shared/annotations/badgeLayout.ts) takes longer than a frame, so after an
// edit the review canvas asks for it here, off the main thread, and keeps
// taking keys and drawing frames meanwhile.
import { layoutBadges, type BadgeInput, type BadgePlace } from '#shared/annotations/badgeLayout.ts';
import type { FaceTransform } from '#shared/domain/faceTransform.ts';

export interface BadgeLayoutRequest {
  id: number;
  marks: BadgeInput[];
  face: { width: number; height: number };
  /** How the face is shown: badges are planned as it is seen. */
  transform: FaceTransform;
}

export interface BadgeLayoutAnswer {
  id: number;
  places?: BadgePlace[];
  error?: string;
}

self.onmessage = (event: MessageEvent<BadgeLayoutRequest>) => {
  const { id, marks, face, transform } = event.data;
  try {
    const answer: BadgeLayoutAnswer = { id, places: layoutBadges(marks, face, undefined, transform) };
    self.postMessage(answer);
  } catch (error) {
    const answer: BadgeLayoutAnswer = { id, error: error instanceof Error ? error.message : String(error) };
    self.postMessage(answer);
  }
};
