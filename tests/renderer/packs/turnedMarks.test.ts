import { describe, expect, it } from 'vitest';
import { util } from 'fabric';
import { markBadge, markBody, uprightOnTurnedFace } from '#renderer/src/canvas/annotationMarks.ts';
import { shownTextBox } from '#shared/annotations/turnedFace.ts';
import { multiply, transformMatrix, toShown, type FaceTransform, type Matrix } from '#shared/domain/faceTransform.ts';

/*
 * The burned PNG draws marks in original pixels under the face's transform
 * (as the review canvas does); a note and a badge are turned back so that,
 * seen through the view, they read upright where they belong.
 */

const FACE = { width: 1000, height: 1400 };
const TURNS: FaceTransform[] = [
  { quarterTurns: 1, flipX: false },
  { quarterTurns: 2, flipX: false },
  { quarterTurns: 3, flipX: false },
  { quarterTurns: 0, flipX: true },
  { quarterTurns: 1, flipX: true },
  { quarterTurns: 3, flipX: true },
];

/** The object's matrix as seen through the view: upright means no turn and no mirror left. */
function seen(object: { calcTransformMatrix(): number[] }, transform: FaceTransform): Matrix {
  return multiply(transformMatrix(transform, FACE), object.calcTransformMatrix() as unknown as Matrix);
}

describe.each(TURNS)('on a face turned $quarterTurns× with flipX $flipX', (transform) => {
  it('draws a note upright, its box centred where the shared model puts it', () => {
    const note = { kind: 'text', at: { x: 300, y: 600 }, text: 'LIHAT 12', fontSize: 56 } as const;
    const body = markBody(note, '#d32f2f', FACE, 1, false, transform);
    const [a, b, c, d] = seen(body, transform);
    expect(a).toBeCloseTo(1, 6);
    expect(d).toBeCloseTo(1, 6);
    expect(b).toBeCloseTo(0, 6);
    expect(c).toBeCloseTo(0, 6);
    const centre = toShown(transform, FACE, body.getCenterPoint());
    const box = shownTextBox(note, FACE, transform, body.width - 2 * note.fontSize * 0.25);
    expect(centre.x).toBeCloseTo(box.x + box.width / 2, 1);
    expect(centre.y).toBeCloseTo(box.y + box.height / 2, 1);
  });

  it('turns a badge back upright about its centre, which stays on its place', () => {
    const badge = markBadge('12', '#2e7d32', { x: 480, y: 700 });
    uprightOnTurnedFace(badge, transform);
    const [a, b, c, d] = seen(badge, transform);
    expect([a, b, c, d].map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual([1, 0, 0, 1]);
    const centre = badge.getCenterPoint();
    expect(centre.x).toBeCloseTo(480, 6);
    expect(centre.y).toBeCloseTo(700, 6);
  });
});

it('leaves marks on an upright face as they were', () => {
  const badge = markBadge('3', '#2e7d32', { x: 10, y: 20 });
  const before = badge.calcTransformMatrix();
  uprightOnTurnedFace(badge, { quarterTurns: 0, flipX: false });
  expect(util.qrDecompose(badge.calcTransformMatrix())).toEqual(util.qrDecompose(before));
});
