import { describe, expect, it } from 'vitest';
import { annotationShapeSchema } from '#shared/domain/annotation.ts';
import { createTool, TOOL_NAMES } from '#shared/annotations/tools.ts';
import type { AnnotationShape, ToolOutput } from '#shared/annotations/tools.ts';
import { cancel, down, IDLE, move, up } from './pointer.ts';

function committed(output: ToolOutput): AnnotationShape {
  if (output.kind !== 'commit') throw new Error(`expected a commit, got ${output.kind}`);
  // Whatever a tool commits must be storable as it is.
  return annotationShapeSchema.parse(output.shape);
}

describe('every tool', () => {
  it.each(TOOL_NAMES)('%s starts idle, ignores hover and stray ups, and Escape drops the press', (name) => {
    const tool = createTool(name);
    expect(tool.name).toBe(name);
    expect(tool.state).toBe('idle');
    expect(tool.handle(move(5, 5))).toEqual(IDLE);
    expect(tool.handle(up(5, 5))).toEqual(IDLE);
    tool.handle(down(10, 10));
    tool.handle(move(60, 80));
    expect(tool.handle(cancel)).toEqual(IDLE);
    expect(tool.state).toBe('idle');
    // After Escape the release commits nothing.
    expect(tool.handle(up(60, 80))).toEqual(IDLE);
    expect(tool.state).toBe('idle');
  });

  it('refuses a nonsensical minimum size', () => {
    expect(() => createTool('rect', { minSize: -1 })).toThrow(RangeError);
    expect(() => createTool('rect', { minSize: Number.NaN })).toThrow(RangeError);
  });
});

describe('pin', () => {
  it('shows a pin under the finger and drops it on release, where it was pressed', () => {
    const pin = createTool('pin');
    expect(pin.handle(down(120, 340))).toEqual({ kind: 'drafting', shape: { kind: 'pin', at: { x: 120, y: 340 } } });
    expect(pin.state).toBe('pointing');
    pin.handle(move(123, 338));
    expect(pin.state).toBe('pointing');
    expect(committed(pin.handle(up(123, 338)))).toEqual({ kind: 'pin', at: { x: 120, y: 340 } });
    expect(pin.state).toBe('idle');
  });

  it('drops nothing when Escape comes before the release', () => {
    const pin = createTool('pin');
    pin.handle(down(120, 340));
    expect(pin.handle(cancel)).toEqual(IDLE);
    expect(pin.handle(up(120, 340))).toEqual(IDLE);
  });

  it('does not keep a reference to the adapter’s point object', () => {
    const pin = createTool('pin');
    const point = { x: 1, y: 2 };
    pin.handle({ type: 'down', point });
    point.x = 999;
    expect(committed(pin.handle(up(1, 2)))).toEqual({ kind: 'pin', at: { x: 1, y: 2 } });
  });
});

describe('text', () => {
  it('places empty text on a click, for the review screen to edit', () => {
    const text = createTool('text');
    text.handle(down(40, 50));
    expect(committed(text.handle(up(40, 50)))).toEqual({ kind: 'text', at: { x: 40, y: 50 }, text: '', fontSize: 16 });
  });
});

describe('rect', () => {
  it('a click is not a rectangle', () => {
    const rect = createTool('rect');
    expect(rect.handle(down(100, 100))).toEqual(IDLE);
    expect(rect.state).toBe('pointing');
    expect(rect.handle(up(100, 100))).toEqual(IDLE);
    expect(rect.state).toBe('idle');
  });

  it('previews while dragging and commits the box from press to release', () => {
    const rect = createTool('rect');
    rect.handle(down(100, 100));
    expect(rect.handle(move(102, 101))).toEqual(IDLE);
    expect(rect.state).toBe('pointing');
    expect(rect.handle(move(150, 130))).toEqual({
      kind: 'drafting',
      shape: { kind: 'rect', x: 100, y: 100, width: 50, height: 30 },
    });
    expect(rect.state).toBe('dragging');
    expect(committed(rect.handle(up(180, 160)))).toEqual({ kind: 'rect', x: 100, y: 100, width: 80, height: 60 });
    expect(rect.state).toBe('idle');
  });

  it('stores a positive size when dragged up and to the left', () => {
    const rect = createTool('rect');
    rect.handle(down(200, 200));
    rect.handle(move(150, 120));
    expect(committed(rect.handle(up(150, 120)))).toEqual({ kind: 'rect', x: 150, y: 120, width: 50, height: 80 });
  });

  it('with shift draws a square on the longer side, in the direction dragged', () => {
    const rect = createTool('rect');
    rect.handle(down(200, 200));
    expect(rect.handle(move(260, 220, true))).toEqual({
      kind: 'drafting',
      shape: { kind: 'rect', x: 200, y: 200, width: 60, height: 60 },
    });
    expect(committed(rect.handle(up(170, 190, true)))).toEqual({ kind: 'rect', x: 170, y: 170, width: 30, height: 30 });
  });

  it('a drag thinner than the minimum size commits nothing', () => {
    const rect = createTool('rect');
    rect.handle(down(0, 0));
    rect.handle(move(100, 3));
    expect(rect.handle(up(100, 3))).toEqual(IDLE);
  });

  it('honours a custom minimum size', () => {
    const rect = createTool('rect', { minSize: 20 });
    rect.handle(down(0, 0));
    expect(rect.handle(up(15, 15))).toEqual(IDLE);
    rect.handle(down(0, 0));
    expect(committed(rect.handle(up(25, 25)))).toEqual({ kind: 'rect', x: 0, y: 0, width: 25, height: 25 });
  });

  it('judges the release even when no move arrived in between', () => {
    const rect = createTool('rect');
    rect.handle(down(10, 10));
    expect(committed(rect.handle(up(40, 30)))).toEqual({ kind: 'rect', x: 10, y: 10, width: 30, height: 20 });
  });

  it('a second press without a release starts afresh', () => {
    const rect = createTool('rect');
    rect.handle(down(0, 0));
    rect.handle(move(50, 50));
    rect.handle(down(100, 100));
    expect(rect.state).toBe('pointing');
    expect(committed(rect.handle(up(110, 120)))).toEqual({ kind: 'rect', x: 100, y: 100, width: 10, height: 20 });
  });
});

describe('ellipse', () => {
  it('fits the ellipse in the dragged box', () => {
    const ellipse = createTool('ellipse');
    ellipse.handle(down(100, 50));
    ellipse.handle(move(300, 150));
    expect(ellipse.state).toBe('dragging');
    expect(committed(ellipse.handle(up(300, 150)))).toEqual({ kind: 'ellipse', cx: 200, cy: 100, rx: 100, ry: 50 });
  });

  it('with shift draws a circle', () => {
    const ellipse = createTool('ellipse');
    ellipse.handle(down(100, 100));
    expect(committed(ellipse.handle(up(40, 120, true)))).toEqual({ kind: 'ellipse', cx: 70, cy: 130, rx: 30, ry: 30 });
  });

  it('a click is not an ellipse', () => {
    const ellipse = createTool('ellipse');
    ellipse.handle(down(100, 100));
    expect(ellipse.handle(up(101, 102))).toEqual(IDLE);
  });
});

describe('arrow', () => {
  it('points from where it was pressed to where it was released', () => {
    const arrow = createTool('arrow');
    arrow.handle(down(10, 20));
    expect(arrow.handle(move(60, 70))).toEqual({
      kind: 'drafting',
      shape: { kind: 'arrow', from: { x: 10, y: 20 }, to: { x: 60, y: 70 } },
    });
    expect(committed(arrow.handle(up(90, 25)))).toEqual({ kind: 'arrow', from: { x: 10, y: 20 }, to: { x: 90, y: 25 } });
  });

  it('with shift snaps to the nearest 45°, staying level with the pointer', () => {
    const arrow = createTool('arrow');
    arrow.handle(down(100, 100));
    expect(committed(arrow.handle(up(200, 112, true)))).toMatchObject({ to: { x: 200, y: 100 } });
    arrow.handle(down(100, 100));
    expect(committed(arrow.handle(up(93, 20, true)))).toMatchObject({ to: { x: 100, y: 20 } });
    arrow.handle(down(100, 100));
    expect(committed(arrow.handle(up(150, 160, true)))).toMatchObject({ to: { x: 155, y: 155 } });
    arrow.handle(down(100, 100));
    expect(committed(arrow.handle(up(40, 50, true)))).toMatchObject({ to: { x: 45, y: 45 } });
  });

  it('a short flick is not an arrow', () => {
    const arrow = createTool('arrow');
    arrow.handle(down(100, 100));
    arrow.handle(move(102, 102));
    expect(arrow.state).toBe('pointing');
    expect(arrow.handle(up(102, 102))).toEqual(IDLE);
  });
});

describe('measure', () => {
  it('commits an uncalibrated line for the review screen to calibrate', () => {
    const measure = createTool('measure');
    measure.handle(down(0, 0));
    measure.handle(move(30, 40));
    expect(measure.state).toBe('dragging');
    expect(committed(measure.handle(up(30, 40)))).toEqual({
      kind: 'measure',
      from: { x: 0, y: 0 },
      to: { x: 30, y: 40 },
      mmPerPixel: null,
    });
  });

  it('with shift measures a straight horizontal width', () => {
    const measure = createTool('measure');
    measure.handle(down(10, 500));
    expect(measure.handle(move(700, 530, true))).toMatchObject({ kind: 'drafting', shape: { to: { x: 700, y: 500 } } });
    expect(committed(measure.handle(up(1410, 480, true)))).toMatchObject({ to: { x: 1410, y: 500 } });
  });

  it('too short a line measures nothing', () => {
    const measure = createTool('measure');
    measure.handle(down(10, 10));
    expect(measure.handle(up(12, 11))).toEqual(IDLE);
  });
});

describe('freehand', () => {
  it('draws the stroke as it goes and commits a simplified line', () => {
    const pen = createTool('freehand');
    expect(pen.handle(down(0, 0))).toEqual(IDLE);
    const draft = pen.handle(move(10, 0.2));
    expect(draft).toEqual({ kind: 'drafting', shape: { kind: 'freehand', points: [{ x: 0, y: 0 }, { x: 10, y: 0.2 }] } });
    expect(pen.state).toBe('dragging');
    for (let x = 20; x <= 100; x += 10) pen.handle(move(x, x % 20 === 0 ? 0 : 0.3));
    // Almost straight to (100, 0), then a real turn down to (100, 50).
    for (let y = 10; y <= 50; y += 10) pen.handle(move(100, y));
    const stroke = committed(pen.handle(up(100, 50)));
    expect(stroke).toEqual({ kind: 'freehand', points: [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 50 }] });
    // The preview handed out earlier did not change under the view.
    expect(draft).toMatchObject({ shape: { points: [{ x: 0, y: 0 }, { x: 10, y: 0.2 }] } });
  });

  it('ignores jitter closer than 1.5 px to the last point', () => {
    const pen = createTool('freehand');
    pen.handle(down(0, 0));
    expect(pen.handle(move(1, 1))).toEqual(IDLE);
    expect(pen.state).toBe('pointing');
    expect(pen.handle(move(2, 0))).toMatchObject({ shape: { points: [{ x: 0, y: 0 }, { x: 2, y: 0 }] } });
  });

  it('keeps the corners of a scribble, within a pixel of what was drawn', () => {
    const pen = createTool('freehand');
    pen.handle(down(0, 0));
    const zigzag = Array.from({ length: 40 }, (_, i) => ({ x: (i + 1) * 5, y: i % 2 === 0 ? 20 : 0 }));
    for (const p of zigzag) pen.handle(move(p.x, p.y));
    const stroke = committed(pen.handle(up(200, 0)));
    expect(stroke.kind === 'freehand' && stroke.points.length).toBe(41);
  });

  it('a click or a tremor is not a drawing', () => {
    const pen = createTool('freehand');
    pen.handle(down(50, 50));
    expect(pen.handle(up(50, 50))).toEqual(IDLE);
    pen.handle(down(50, 50));
    pen.handle(move(51.6, 50));
    pen.handle(move(53.2, 50.5));
    expect(pen.handle(up(53.2, 50.5))).toEqual(IDLE);
  });

  it('Escape throws the stroke away', () => {
    const pen = createTool('freehand');
    pen.handle(down(0, 0));
    pen.handle(move(50, 50));
    expect(pen.handle(cancel)).toEqual(IDLE);
    expect(pen.handle(up(100, 100))).toEqual(IDLE);
  });
});

describe('eyedropper', () => {
  it('samples where the pointer is released', () => {
    const dropper = createTool('eyedropper');
    expect(dropper.handle(down(10, 10))).toEqual(IDLE);
    expect(dropper.handle(move(12, 14))).toEqual(IDLE);
    expect(dropper.handle(up(12, 14))).toEqual({ kind: 'sample', point: { x: 12, y: 14 } });
    expect(dropper.state).toBe('idle');
  });
});

describe('hand', () => {
  it('keeps the grabbed image point under the pointer while the view follows', () => {
    // A view at zoom 0.5 with the image shifted; the adapter converts screen → image with the live view.
    const view = { zoom: 0.5, offsetX: 40, offsetY: 10 };
    const toImage = (sx: number, sy: number) => ({ x: (sx - view.offsetX) / view.zoom, y: (sy - view.offsetY) / view.zoom });
    const hand = createTool('hand');
    const feed = (type: 'down' | 'move' | 'up', sx: number, sy: number) => {
      const out = hand.handle({ type, point: toImage(sx, sy) });
      if (out.kind === 'pan') {
        view.offsetX += out.dx * view.zoom;
        view.offsetY += out.dy * view.zoom;
      }
      return out;
    };
    feed('down', 200, 200);
    const grabbed = toImage(200, 200);
    expect(hand.state).toBe('pointing');
    expect(feed('move', 230, 190)).toEqual({ kind: 'pan', dx: 60, dy: -20 });
    expect(hand.state).toBe('dragging');
    expect(feed('move', 250, 250)).toEqual({ kind: 'pan', dx: 40, dy: 120 });
    expect(toImage(250, 250)).toEqual(grabbed);
    expect(feed('up', 250, 250)).toEqual(IDLE);
    expect(hand.handle(move(0, 0))).toEqual(IDLE);
  });
});

describe('select', () => {
  it('leaves everything to Fabric', () => {
    const select = createTool('select');
    expect(select.handle(down(1, 1))).toEqual(IDLE);
    expect(select.handle(move(50, 50))).toEqual(IDLE);
    expect(select.handle(up(50, 50))).toEqual(IDLE);
    expect(select.state).toBe('idle');
  });
});
