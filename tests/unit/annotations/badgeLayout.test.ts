import { describe, expect, it } from 'vitest';
import { clippedAnchor, clipSegment, layoutBadges, leaderLine, type BadgeInput, type BadgePlace } from '#shared/annotations/badgeLayout.ts';
import { CHROME, layoutBadgeRadius, outputChromeUnit, PHONE_REFERENCE_SIDE, textBox, TEXT_PADDING } from '#shared/annotations/appearance.ts';
import { shownTextBox } from '#shared/annotations/turnedFace.ts';
import { IDENTITY_TRANSFORM, shownSize, toOriginal, toShown, type FaceTransform } from '#shared/domain/faceTransform.ts';
import type { AnnotationShape } from '#shared/annotations/shape.ts';

const FACE = { width: 1200, height: 1600 };
const R = layoutBadgeRadius(FACE);

function boxesOverlap(a: BadgePlace, b: BadgePlace): boolean {
  return Math.abs(a.centre.x - b.centre.x) < a.halfWidth + b.halfWidth && Math.abs(a.centre.y - b.centre.y) < a.radius + b.radius;
}

function expectInside(place: BadgePlace, face = FACE) {
  expect(place.centre.x - place.halfWidth).toBeGreaterThanOrEqual(-1e-9);
  expect(place.centre.y - place.radius).toBeGreaterThanOrEqual(-1e-9);
  expect(place.centre.x + place.halfWidth).toBeLessThanOrEqual(face.width + 1e-9);
  expect(place.centre.y + place.radius).toBeLessThanOrEqual(face.height + 1e-9);
}

const mark = (key: string, shape: AnnotationShape, label = key): BadgeInput => ({ key, shape, label });

describe('badge layout', () => {
  it.each([
    ['paper and canvas', undefined],
    ['the phone pack', PHONE_REFERENCE_SIDE],
  ])('moves a badge off a text note it would cover (%s)', (_surface, referenceSide) => {
    // A rectangle whose corner (its badge's anchor) lies inside the words of a note.
    const note = mark('1', { kind: 'text', at: { x: 500, y: 700 }, text: 'Perbesar!', fontSize: 60 });
    const rect = mark('2', { kind: 'rect', x: 560, y: 720, width: 300, height: 200 });
    const [n, r] = layoutBadges([note, rect], FACE, referenceSide) as [BadgePlace, BadgePlace];
    const box = textBox({ kind: 'text', at: { x: 500, y: 700 }, text: 'Perbesar!', fontSize: 60 }, FACE);
    const covers = Math.abs(r.centre.x - (box.x + box.width / 2)) < r.halfWidth + box.width / 2 && Math.abs(r.centre.y - (box.y + box.height / 2)) < r.radius + box.height / 2;
    expect(covers).toBe(false);
    expect(r.moved).toBe(true);
    expect(boxesOverlap(n, r)).toBe(false);
    // The note's own badge stays beside it.
    expect(n.moved).toBe(false);
  });

  it('moves an ellipse badge off the pin just above it, along a leader line, and leaves the pin where it is', () => {
    // The report: a pin on "KOPI" with an ellipse just below; the ellipse's badge covered pin 1.
    const pin = mark('1', { kind: 'pin', at: { x: 600, y: 400 } });
    const ellipse = mark('2', { kind: 'ellipse', cx: 600, cy: 400 + R * 5, rx: 200, ry: R * 4.6 });
    const [p, e] = layoutBadges([pin, ellipse], FACE) as [BadgePlace, BadgePlace];
    expect(p.centre).toEqual({ x: 600, y: 400 });
    expect(p.moved).toBe(false);
    expect(boxesOverlap(p, e)).toBe(false);
    expect(e.moved).toBe(true);
    const leader = leaderLine(e);
    expect(leader).not.toBeNull();
    // The leader starts on the ellipse's top and is short: a few badge sizes at most.
    expect(leader?.[0]).toEqual({ x: 600, y: 400 + R * 0.4 });
    expect(Math.hypot(e.centre.x - e.anchor.x, e.centre.y - e.anchor.y)).toBeLessThan(R * 6);
  });

  it('keeps the badge of an arrow that starts outside the picture where the arrow enters it, wholly inside', () => {
    const arrow = mark('4', { kind: 'arrow', from: { x: -300, y: 800 }, to: { x: 300, y: 800 } });
    const [a] = layoutBadges([arrow], FACE) as [BadgePlace];
    expect(a.anchor).toEqual({ x: 0, y: 800 });
    expectInside(a);
    expect(a.centre.x).toBeCloseTo(a.halfWidth, 6);
  });

  it('places a badge for every mark, even one wholly outside the picture', () => {
    const marks = [
      mark('1', { kind: 'rect', x: -500, y: -500, width: 100, height: 100 }),
      mark('2', { kind: 'freehand', points: [{ x: 5000, y: 100 }, { x: 5100, y: 200 }] }),
      mark('3', { kind: 'text', at: { x: 1190, y: 1590 }, text: 'Terlalu kecil', fontSize: 51.2 }),
      mark('4', { kind: 'measure', from: { x: -100, y: 100 }, to: { x: 100, y: 100 }, mmPerPixel: null }),
    ];
    const places = layoutBadges(marks, FACE);
    expect(places.map((p) => p.key)).toEqual(['1', '2', '3', '4']);
    for (const p of places) expectInside(p);
  });

  it('never lets two badges overlap or a badge cover a pin, on a crowded face', () => {
    // 60 marks in a 400 px square: far more than fit without moving.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const marks: BadgeInput[] = Array.from({ length: 60 }, (_, i) => {
      const at = { x: 400 + random() * 400, y: 600 + random() * 400 };
      const shapes: AnnotationShape[] = [
        { kind: 'pin', at },
        { kind: 'rect', x: at.x, y: at.y, width: 80, height: 40 },
        { kind: 'arrow', from: at, to: { x: at.x + 90, y: at.y + 30 } },
        { kind: 'ellipse', cx: at.x, cy: at.y, rx: 30, ry: 30 },
      ];
      return mark(String(i + 1), shapes[i % shapes.length] as AnnotationShape);
    });
    const places = layoutBadges(marks, FACE);
    expect(places).toHaveLength(60);
    for (let i = 0; i < places.length; i += 1) {
      expectInside(places[i] as BadgePlace);
      for (let j = i + 1; j < places.length; j += 1) expect(boxesOverlap(places[i] as BadgePlace, places[j] as BadgePlace), `${i + 1} and ${j + 1}`).toBe(false);
    }
    const dot = CHROME.pinDot * outputChromeUnit(FACE);
    marks.forEach((m, i) => {
      if (m.shape.kind !== 'pin') return;
      const pin = m.shape.at;
      places.forEach((p, j) => {
        if (i === j) return;
        const covered = Math.abs(p.centre.x - pin.x) < p.halfWidth + dot && Math.abs(p.centre.y - pin.y) < p.radius + dot;
        expect(covered, `badge ${j + 1} over pin ${i + 1}`).toBe(false);
      });
    });
  });

  it('gives the same places for the same marks, whatever else is going on (no randomness, no measuring)', () => {
    const marks = [mark('1', { kind: 'pin', at: { x: 10, y: 10 } }), mark('2', { kind: 'pin', at: { x: 12, y: 12 } })];
    expect(layoutBadges(marks, FACE)).toEqual(layoutBadges(marks, FACE));
  });

  it('widens the badge for a long label ("A12") and keeps it clear of its neighbours', () => {
    const [a, b] = layoutBadges(
      [mark('A12', { kind: 'pin', at: { x: 300, y: 300 } }), mark('B3', { kind: 'pin', at: { x: 300 + R * 2.2, y: 300 } })],
      FACE,
    ) as [BadgePlace, BadgePlace];
    expect(a.halfWidth).toBeGreaterThan(R);
    expect(boxesOverlap(a, b)).toBe(false);
  });
});

const EVERY_TRANSFORM: FaceTransform[] = [0, 1, 2, 3].flatMap((q) => [false, true].map((flipX) => ({ quarterTurns: q as FaceTransform['quarterTurns'], flipX })));

/** A badge as it is drawn on the face as shown: upright, its width across the face as seen. */
function seen(place: BadgePlace, t: FaceTransform): { x: number; y: number; hw: number; hh: number } {
  const c = toShown(t, FACE, place.centre);
  return { x: c.x, y: c.y, hw: place.halfWidth, hh: place.radius };
}

const overlapsBox = (b: { x: number; y: number; hw: number; hh: number }, r: { x: number; y: number; width: number; height: number }) =>
  Math.abs(b.x - (r.x + r.width / 2)) < b.hw + r.width / 2 && Math.abs(b.y - (r.y + r.height / 2)) < b.hh + r.height / 2;

describe.each(EVERY_TRANSFORM)('badges on a face turned $quarterTurns× with flipX $flipX', (t) => {
  const note = { kind: 'text', at: { x: 300, y: 700 }, text: 'LIHAT 12', fontSize: 70 } as const;

  it('put a note’s badge just left of the note as it reads upright, as on an upright face (not above or beside its turned box)', () => {
    const [n] = layoutBadges([mark('8', note)], FACE, undefined, t) as [BadgePlace];
    const box = shownTextBox(note, FACE, t);
    const b = seen(n, t);
    expect(n.moved).toBe(false);
    expect(b.y).toBeCloseTo(box.y + box.height / 2, 6);
    expect(b.x + b.hw).toBeCloseTo(box.x - note.fontSize * TEXT_PADDING, 6);
    // The anchor (where a leader would start) is on the note's left edge as seen.
    const anchor = toShown(t, FACE, n.anchor);
    expect(anchor.x).toBeCloseTo(box.x, 6);
    expect(anchor.y).toBeCloseTo(box.y + box.height / 2, 6);
  });

  it('keep every other badge off the note as it reads upright', () => {
    // A rectangle whose corner, as seen, lies inside the words of the upright note.
    const box = shownTextBox(note, FACE, t);
    const a = toOriginal(t, FACE, { x: box.x + box.width * 0.3, y: box.y + box.height * 0.4 });
    const b = toOriginal(t, FACE, { x: box.x + box.width * 0.3 + 300, y: box.y + box.height * 0.4 + 200 });
    const rect = mark('2', { kind: 'rect', x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) });
    const [n, r] = layoutBadges([mark('1', note), rect], FACE, undefined, t) as [BadgePlace, BadgePlace];
    expect(overlapsBox(seen(r, t), box)).toBe(false);
    expect(r.moved).toBe(true);
    const [sn, sr] = [seen(n, t), seen(r, t)];
    expect(Math.abs(sn.x - sr.x) < sn.hw + sr.hw && Math.abs(sn.y - sr.y) < sn.hh + sr.hh).toBe(false);
  });

  it('plan a long label (“A12”) as it is drawn, upright: inside the face as shown and clear of its neighbour', () => {
    // Two arrow tails side by side as seen, closer than two pills are wide.
    const R0 = layoutBadgeRadius(FACE);
    const tails = [
      { x: 500, y: 600 },
      { x: 500 + R0 * 2.3, y: 600 },
    ].map((p) => toOriginal(t, FACE, p));
    const marks = tails.map((from, i) => mark(i === 0 ? 'A12' : 'B12', { kind: 'arrow', from, to: { x: from.x + 1, y: from.y + 400 } }));
    const places = layoutBadges(marks, FACE, undefined, t) as [BadgePlace, BadgePlace];
    const [a, b] = places.map((p) => seen(p, t)) as [ReturnType<typeof seen>, ReturnType<typeof seen>];
    expect(a.hw).toBeGreaterThan(R0);
    expect(Math.abs(a.x - b.x) < a.hw + b.hw && Math.abs(a.y - b.y) < a.hh + b.hh).toBe(false);
    const shown = shownSize(t, FACE);
    for (const s of [a, b]) {
      expect(s.x - s.hw).toBeGreaterThanOrEqual(-1e-6);
      expect(s.y - s.hh).toBeGreaterThanOrEqual(-1e-6);
      expect(s.x + s.hw).toBeLessThanOrEqual(shown.width + 1e-6);
      expect(s.y + s.hh).toBeLessThanOrEqual(shown.height + 1e-6);
    }
  });
});

it.each(EVERY_TRANSFORM)('keeps a note’s own badge off its words when the note lies against the picture’s left edge as seen (turned $quarterTurns×, flipX $flipX)', (t) => {
  // The note's box, as seen, starts at the left edge: there is no room left of it.
  const probe = { kind: 'text', at: { x: 0, y: 0 }, text: 'LIHAT 12', fontSize: 70 } as const;
  const upright = shownTextBox(probe, FACE, t);
  const centre = toOriginal(t, FACE, { x: upright.width / 2, y: 800 });
  const size = textBox(probe, FACE);
  const note = { ...probe, at: { x: centre.x - size.width / 2, y: centre.y - size.height / 2 } };
  const box = shownTextBox(note, FACE, t);
  expect(box.x).toBeCloseTo(0, 6);
  const [n] = layoutBadges([mark('8', note)], FACE, undefined, t) as [BadgePlace];
  expect(overlapsBox(seen(n, t), box)).toBe(false);
  // Still close to the note, along a short leader line from its left edge.
  expect(n.moved).toBe(true);
  expect(Math.hypot(n.centre.x - n.anchor.x, n.centre.y - n.anchor.y)).toBeLessThan(R * 6);
});

it('plans an upright face exactly as before when told its transform is none', () => {
  const marks = [mark('1', { kind: 'text', at: { x: 500, y: 700 }, text: 'Perbesar!', fontSize: 60 }), mark('2', { kind: 'rect', x: 560, y: 720, width: 300, height: 200 })];
  expect(layoutBadges(marks, FACE, undefined, IDENTITY_TRANSFORM)).toEqual(layoutBadges(marks, FACE));
});

describe('anchors inside the picture', () => {
  it('clips a segment to the picture, and misses one wholly outside', () => {
    expect(clipSegment({ x: -100, y: 100 }, { x: 100, y: 100 }, FACE)).toEqual([{ x: 0, y: 100 }, { x: 100, y: 100 }]);
    expect(clipSegment({ x: -100, y: -100 }, { x: -10, y: -10 }, FACE)).toBeNull();
  });

  it('takes a freehand line where it first enters the picture', () => {
    expect(clippedAnchor({ kind: 'freehand', points: [{ x: -5, y: 3 }, { x: 20, y: 30 }] }, FACE)).toEqual({ x: 20, y: 30 });
  });
});
