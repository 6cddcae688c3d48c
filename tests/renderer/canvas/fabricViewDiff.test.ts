import { Canvas, FabricImage, FabricText, Group } from 'fabric';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '#shared/domain/annotation.ts';
import { FabricView, type DrawnAnnotation } from '#renderer/src/canvas/fabricView.ts';
import type { BadgeLayoutAnswer, BadgeLayoutRequest } from '#renderer/src/canvas/badgeLayoutWorker.ts';
import { layoutBadges } from '#shared/annotations/badgeLayout.ts';
import { annotation } from '../../support/packFixture.ts';

/*
 * Editing one mark of a face with 500 redraws that mark, not the 500: the
 * other marks keep their Fabric objects (the same instances), whatever new
 * objects the live query hands out for the unchanged records. With 500 marks
 * the badges crowd, and the shared layout may move other marks' badges when
 * one mark moves: those badges are moved, not made again (only their leader
 * lines are drawn anew).
 */

const FACE = { width: 20_000, height: 20_000 };
const COUNT = 500;

beforeAll(() => {
  // jsdom loads no pictures: a decode that resolves stands in for the browser's (the bitmap is not what is tested).
  HTMLImageElement.prototype.decode = () => Promise.resolve();
});

afterEach(() => vi.restoreAllMocks());

/** 500 marks of every kind on a grid, far enough apart that no badge moves for another. */
function marks(): Annotation[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const x = (i % 25) * 800 + 100;
    const y = Math.floor(i / 25) * 900 + 100;
    const kinds: Annotation['shape'][] = [
      { kind: 'rect', x, y, width: 300, height: 200 },
      { kind: 'arrow', from: { x, y }, to: { x: x + 300, y: y + 300 } },
      { kind: 'pin', at: { x: x + 50, y: y + 50 } },
      { kind: 'text', at: { x, y }, text: 'Perbesar logo', fontSize: 60 },
      { kind: 'ellipse', cx: x + 150, cy: y + 150, rx: 140, ry: 90 },
    ];
    return annotation(`a${i}`, 'm1', 'f1', i + 1, kinds[i % kinds.length] as Annotation['shape'], { revisions: { laptop: 1 }, updatedAt: 1000 });
  });
}

/** As the live query gives them: new objects for every record, each time. */
function drawn(list: readonly Annotation[]): DrawnAnnotation[] {
  return list.map((a) => ({ annotation: structuredClone(a), editable: true, mine: true }));
}

/** What the data layer writes for an edit: a later edit time and one more edit counted. */
function edited(a: Annotation, changes: Partial<Annotation>): Annotation {
  return { ...a, ...changes, updatedAt: a.updatedAt + 1, revisions: { laptop: (a.revisions.laptop ?? 0) + 1 } };
}

async function shownView() {
  const render = vi.spyOn(Canvas.prototype, 'requestRenderAll');
  const element = document.createElement('canvas');
  document.body.append(element);
  const selections: (string | null)[] = [];
  const view = new FabricView(element, { pointer() {}, select: (id) => selections.push(id), modified() {}, open() {}, zoom() {} });
  view.resize(1000, 800);
  await view.setImage({ url: 'preview.png', width: 1000, height: 1000 }, FACE);
  view.zoomToFit();
  const canvas = render.mock.contexts[0] as Canvas;
  /** After the next frame (marks and chrome are built just before a frame is drawn). */
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  /** Marks' bodies (what the mentor selects: the only objects taking pointer events) and numbered badges. */
  const bodies = () => new Set(canvas.getObjects().filter((o) => o.evented && !(o instanceof FabricImage)));
  const badges = () => new Set(canvas.getObjects().filter((o) => o instanceof Group && !o.evented && o.getObjects().some((c) => c instanceof FabricText)));
  /** Shows the first list: the marks are built after the picture's first frame. */
  const show = async (list: readonly DrawnAnnotation[], selectedId: string | null) => {
    view.setAnnotations(list, selectedId);
    await vi.waitFor(() => expect(element.dataset.marks).toBe(String(list.length)), { timeout: 30_000 });
    await frame();
  };
  return { view, canvas, frame, bodies, badges, selections, element, show };
}

describe('a face with 500 marks, one of them edited', () => {
  it('replaces only the edited mark’s objects when it moves, changes colour or text; the other 499 keep theirs', async () => {
    const { view, frame, bodies, badges, element, show } = await shownView();
    let list = marks();
    await show(drawn(list), null);
    expect(bodies().size).toBe(COUNT);
    expect(badges().size).toBe(COUNT);

    const cases: [number, Partial<Annotation>][] = [
      [250, { shape: { kind: 'rect', x: 3000, y: 9100, width: 350, height: 200 } }],
      [251, { severity: 'must-fix' }],
      [253, { shape: { kind: 'text', at: { x: 3000, y: 9000 }, text: 'Logo terlalu kecil', fontSize: 60 } }],
      [1, { shape: { kind: 'arrow', from: { x: 900, y: 100 }, to: { x: 1300, y: 200 } } }],
    ];
    for (const [index, changes] of cases) {
      const before = { bodies: bodies(), badges: badges() };
      list = list.map((a, i) => (i === index ? edited(a, changes) : a));
      view.setAnnotations(drawn(list), null);
      await frame();
      const after = { bodies: bodies(), badges: badges() };
      // The edited mark's body and badge are new; the other 499 of each are the very same objects.
      expect([...before.bodies].filter((o) => after.bodies.has(o)).length, `bodies kept, edit of mark ${index + 1}`).toBe(COUNT - 1);
      expect([...before.badges].filter((o) => after.badges.has(o)).length, `badges kept, edit of mark ${index + 1}`).toBe(COUNT - 1);
      expect(after.bodies.size).toBe(COUNT);
      expect(after.badges.size).toBe(COUNT);
    }
    // Still every mark, none twice.
    expect(element.dataset.marks).toBe(String(COUNT));
    // The shared layout follows the edits: every badge ends where the PNG and the PDF put it.
    const planned = layoutBadges(
      list.map((a) => ({ key: a.id, shape: a.shape, label: String(a.number) })),
      FACE,
    );
    const spots = (points: { x: number; y: number }[]) => points.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`).sort();
    await vi.waitFor(() => expect(spots([...badges()].map((b) => ({ x: b.left, y: b.top })))).toEqual(spots(planned.map((p) => p.centre))), { timeout: 30_000 });
  });

  it('deletes one mark and brings it back (undo) touching only its objects', async () => {
    const { view, frame, bodies, badges, show } = await shownView();
    const list = marks();
    await show(drawn(list), null);
    const full = { bodies: bodies(), badges: badges() };
    view.setAnnotations(
      drawn(list.filter((_, i) => i !== 10)),
      null,
    );
    await frame();
    const without = { bodies: bodies(), badges: badges() };
    expect(without.bodies.size).toBe(COUNT - 1);
    expect([...without.bodies].every((o) => full.bodies.has(o))).toBe(true);
    expect([...without.badges].every((o) => full.badges.has(o))).toBe(true);
    // Undo stores the record again, with a later edit time.
    view.setAnnotations(drawn(list.map((a, i) => (i === 10 ? edited(a, {}) : a))), null);
    await frame();
    const back = { bodies: bodies(), badges: badges() };
    expect(back.bodies.size).toBe(COUNT);
    expect([...without.bodies].every((o) => back.bodies.has(o))).toBe(true);
    expect([...without.badges].every((o) => back.badges.has(o))).toBe(true);
  });

  it('keeps the edited mark selected on the canvas without reporting a change of selection', async () => {
    const { view, canvas, frame, selections, show } = await shownView();
    let list = marks();
    await show(drawn(list), 'a100');
    const selectedBody = canvas.getActiveObject();
    expect(selectedBody).toBeTruthy();
    list = list.map((a, i) => (i === 100 ? edited(a, { shape: { kind: 'rect', x: 200, y: 3700, width: 300, height: 200 } }) : a));
    view.setAnnotations(drawn(list), 'a100');
    await frame();
    const now = canvas.getActiveObject();
    expect(now).toBeTruthy();
    expect(now).not.toBe(selectedBody);
    expect(now?.left).toBeCloseTo(200, 0);
    expect(selections).toEqual([]);
  });
});

describe('a face’s marks made ahead of their first build, a slice at a time', () => {
  /** The badge layout worker as the browser runs it: it answers in a later task, with the shared layout. */
  class LayoutWorker {
    static answered: (() => void) | null = null;
    onmessage: ((event: MessageEvent<BadgeLayoutAnswer>) => void) | null = null;
    onerror: (() => void) | null = null;
    postMessage(request: BadgeLayoutRequest) {
      setTimeout(() => {
        this.onmessage?.({ data: { id: request.id, places: layoutBadges(request.marks, request.face, undefined, request.transform) } } as MessageEvent<BadgeLayoutAnswer>);
        LayoutWorker.answered?.();
      }, 0);
    }
    terminate() {}
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    LayoutWorker.answered = null;
  });

  it('builds a mark edited while the others are being made as edited, once, with every other mark', async () => {
    vi.stubGlobal('Worker', LayoutWorker);
    const { view, canvas, bodies, badges, element } = await shownView();
    const list = marks();
    // The edit lands right after the layout answered, while the marks are being made ahead in slices.
    const moved = list.map((a, i) => (i === 300 ? edited(a, { shape: { kind: 'rect', x: 7100, y: 11_000, width: 320, height: 210 } }) : a));
    LayoutWorker.answered = () => {
      LayoutWorker.answered = null;
      view.setAnnotations(drawn(moved), null);
    };
    view.setAnnotations(drawn(list), null);
    await vi.waitFor(() => expect(element.dataset.marks).toBe(String(COUNT)), { timeout: 30_000 });
    await vi.waitFor(() => expect(bodies().size).toBe(COUNT), { timeout: 30_000 });
    expect(badges().size).toBe(COUNT);
    // Mark 301's body is where the edit put it (the one made ahead from the record before the edit is not used).
    const body = [...bodies()].find((o) => o.left !== undefined && Math.abs(o.left - 7100) < 1 && Math.abs((o.top ?? 0) - 11_000) < 1);
    expect(body, 'the edited rectangle at its new place').toBeTruthy();
    const before = list[300]!.shape as { x: number; y: number };
    expect([...bodies()].filter((o) => Math.abs((o.left ?? 0) - before.x) < 1 && Math.abs((o.top ?? 0) - before.y) < 1)).toEqual([]);
    expect(canvas.getObjects().filter((o) => o === body)).toHaveLength(1);
  });
});
