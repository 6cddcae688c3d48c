import { describe, expect, it } from 'vitest';
import {
  applyTransformAction,
  cssTransform,
  IDENTITY_TRANSFORM,
  shownSize,
  toOriginal,
  toShown,
  TRANSFORM_ACTIONS,
  type FaceTransform,
} from '#shared/domain/faceTransform.ts';

const size = { width: 400, height: 300 };
const all: FaceTransform[] = [0, 1, 2, 3].flatMap((q) => [false, true].map((flipX) => ({ quarterTurns: q as FaceTransform['quarterTurns'], flipX })));

describe('face transform', () => {
  it('turns a point of a 400×300 picture clockwise and back', () => {
    const right = applyTransformAction(IDENTITY_TRANSFORM, 'rotateRight');
    expect(right).toEqual({ quarterTurns: 1, flipX: false });
    expect(shownSize(right, size)).toEqual({ width: 300, height: 400 });
    // The top-left corner goes to the top-right of the turned face; the top-right to the bottom-right.
    expect(toShown(right, size, { x: 0, y: 0 })).toEqual({ x: 300, y: 0 });
    expect(toShown(right, size, { x: 400, y: 0 })).toEqual({ x: 300, y: 400 });
    expect(toShown(right, size, { x: 10, y: 20 })).toEqual({ x: 280, y: 10 });
    const left = applyTransformAction(IDENTITY_TRANSFORM, 'rotateLeft');
    expect(left.quarterTurns).toBe(3);
    expect(toShown(left, size, { x: 0, y: 0 })).toEqual({ x: 0, y: 400 });
    expect(toShown({ quarterTurns: 2, flipX: false }, size, { x: 10, y: 20 })).toEqual({ x: 390, y: 280 });
  });

  it('mirrors and flips as shown, not as stored', () => {
    expect(toShown(applyTransformAction(IDENTITY_TRANSFORM, 'flipHorizontal'), size, { x: 10, y: 20 })).toEqual({ x: 390, y: 20 });
    expect(toShown(applyTransformAction(IDENTITY_TRANSFORM, 'flipVertical'), size, { x: 10, y: 20 })).toEqual({ x: 10, y: 280 });
    // Turned right, then mirrored left-to-right as shown: the point at shown (280, 10) goes to (20, 10).
    const turnedMirrored = applyTransformAction(applyTransformAction(IDENTITY_TRANSFORM, 'rotateRight'), 'flipHorizontal');
    expect(toShown(turnedMirrored, size, { x: 10, y: 20 })).toEqual({ x: 20, y: 10 });
  });

  it('maps every shown point back to the original point it came from (marks and measures)', () => {
    for (const t of all) {
      for (const p of [{ x: 0, y: 0 }, { x: 123.5, y: 7 }, { x: 400, y: 300 }]) {
        const back = toOriginal(t, size, toShown(t, size, p));
        expect(back.x).toBeCloseTo(p.x, 9);
        expect(back.y).toBeCloseTo(p.y, 9);
      }
      // The shown picture fills exactly its shown size.
      const corners = [{ x: 0, y: 0 }, { x: 400, y: 300 }].map((p) => toShown(t, size, p));
      const s = shownSize(t, size);
      expect(corners.map((c) => [Math.min(c.x, s.width - c.x), Math.min(c.y, s.height - c.y)]).flat().every((v) => Math.abs(v) < 1e-9)).toBe(true);
    }
  });

  it('keeps lengths, so a measure reads the same after a turn', () => {
    const a = { x: 10, y: 20 };
    const b = { x: 310, y: 220 };
    for (const t of all) {
      const [p, q] = [toShown(t, size, a), toShown(t, size, b)];
      expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeCloseTo(Math.hypot(300, 200), 9);
    }
  });

  it('stays one of eight canonical forms: four turns or two flips come back to the start', () => {
    let t = IDENTITY_TRANSFORM;
    for (let i = 0; i < 4; i++) t = applyTransformAction(t, 'rotateRight');
    expect(t).toEqual(IDENTITY_TRANSFORM);
    for (const start of all) {
      expect(applyTransformAction(applyTransformAction(start, 'flipVertical'), 'flipVertical')).toEqual(start);
      expect(applyTransformAction(applyTransformAction(start, 'rotateLeft'), 'rotateRight')).toEqual(start);
      for (const action of TRANSFORM_ACTIONS) {
        const next = applyTransformAction(start, action);
        expect([0, 1, 2, 3]).toContain(next.quarterTurns);
      }
    }
    // A horizontal then a vertical flip is a half turn.
    expect(applyTransformAction(applyTransformAction(IDENTITY_TRANSFORM, 'flipHorizontal'), 'flipVertical')).toEqual({ quarterTurns: 2, flipX: false });
  });

  it('writes the CSS that shows the same picture', () => {
    expect(cssTransform(IDENTITY_TRANSFORM)).toBe('none');
    expect(cssTransform({ quarterTurns: 1, flipX: true })).toBe('rotate(90deg) scaleX(-1)');
  });
});
