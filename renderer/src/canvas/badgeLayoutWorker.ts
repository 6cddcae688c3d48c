// The badge layout worker: laying out the badges of hundreds of crowded marks
// (shared/annotations/badgeLayout.ts) takes longer than a frame, so after an
// edit the review canvas asks for it here, off the main thread, and keeps
// taking keys and drawing frames meanwhile.
import { layoutBadges, type BadgeInput, type BadgePlace } from '#shared/annotations/badgeLayout.ts';

export interface BadgeLayoutRequest {
  id: number;
  marks: BadgeInput[];
  face: { width: number; height: number };
}

export interface BadgeLayoutAnswer {
  id: number;
  places?: BadgePlace[];
  error?: string;
}

self.onmessage = (event: MessageEvent<BadgeLayoutRequest>) => {
  const { id, marks, face } = event.data;
  try {
    const answer: BadgeLayoutAnswer = { id, places: layoutBadges(marks, face) };
    self.postMessage(answer);
  } catch (error) {
    const answer: BadgeLayoutAnswer = { id, error: error instanceof Error ? error.message : String(error) };
    self.postMessage(answer);
  }
};
