import type { Browser, CDPSession, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { startBrowserHost } from '../support/browserHost.ts';
import { launchChromium } from './chromium.ts';
import { median, percentile, round, type Measure } from './measure.ts';
import { makeReviewImages, makeReviewSeed, reviewRoute, workshopRoute, writeReviewSeed, type ReviewSeed } from './support/reviewSeed.ts';

const SUBMISSIONS = 100;
const ANNOTATIONS = 500;
/** Edits of one mark (a keyboard nudge) on the 500-annotation face, each timed until drawn. */
const EDIT_SAMPLES = 30;
/** Fresh (never opened in this page) submissions timed for open → preview. */
const PREVIEW_SAMPLES = 20;
/** Opens of the 500-annotation submission, each from the workshop page. */
const ANNOTATED_SAMPLES = 5;
/** Samples of each full-resolution measure (a fresh submission each). */
const FULL_RES_SAMPLES = 5;

export interface OpenTiming {
  /** Route change → the stage says a face is shown (data-face-shown). */
  shown: number;
  /** Route change → the end of the frame that draws it (the preview is decoded on that draw). */
  drawn: number;
  /** Route change → kemas:review-full-resolution, when asked for. */
  fullResolution: number | null;
  /** Route change → the end of the frame that draws the original. */
  fullResolutionDrawn: number | null;
}

/**
 * Navigates to a review (hash route) and times it in the page: t0 is taken
 * right before `location.hash` changes; a MutationObserver sees the stage's
 * data-face-shown; "drawn" is a message posted from the next animation frame,
 * delivered once that frame (Fabric's render, queued before it) is done.
 * With `fullResolution`, it also waits for the original to be swapped in.
 */
export function openReview(page: Page, hash: string, assetId: string, fullResolution = false): Promise<OpenTiming> {
  return page.evaluate(
    ({ hash, assetId, fullResolution }) =>
      new Promise<OpenTiming>((resolve, reject) => {
        const mark = 'kemas:review-full-resolution';
        const afterFrame = (then: (t: number) => void) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => then(performance.now());
            channel.port2.postMessage(null);
          });
        const timeout = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${assetId} was not shown within 30 s`));
        }, 30_000);
        const result: OpenTiming = { shown: 0, drawn: 0, fullResolution: null, fullResolutionDrawn: null };
        const waitForOriginal = () => {
          const poll = () => {
            const entry = performance.getEntriesByName(mark)[0];
            if (!entry) return void requestAnimationFrame(poll);
            result.fullResolution = entry.startTime - t0;
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              result.fullResolutionDrawn = performance.now() - t0;
              clearTimeout(timeout);
              resolve(result);
            };
            channel.port2.postMessage(null);
          };
          requestAnimationFrame(poll);
        };
        const observer = new MutationObserver(() => {
          const stage = document.querySelector<HTMLElement>('[data-testid="canvas-stage"]');
          if (stage?.dataset.faceShown !== assetId) return;
          result.shown = performance.now() - t0;
          observer.disconnect();
          afterFrame((t) => {
            result.drawn = t - t0;
            if (fullResolution) waitForOriginal();
            else {
              clearTimeout(timeout);
              resolve(result);
            }
          });
        });
        observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-face-shown'] });
        performance.clearMarks(mark);
        const t0 = performance.now();
        location.hash = hash;
      }),
    { hash, assetId, fullResolution },
  );
}

/**
 * On a shown face, asks for 100 % as the `1` key does (a keydown the review
 * screen's window listener takes) and times until the original is swapped in
 * and until the frame that draws it is done. The app marks
 * kemas:review-full-resolution once per page load; the mark is cleared first,
 * so every sample gets its own.
 */
export function zoomTo100(page: Page): Promise<{ mark: number; drawn: number }> {
  return page.evaluate(
    () =>
      new Promise<{ mark: number; drawn: number }>((resolve, reject) => {
        const mark = 'kemas:review-full-resolution';
        performance.clearMarks(mark);
        const timeout = setTimeout(() => reject(new Error('no full resolution within 30 s')), 30_000);
        const t0 = performance.now();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, cancelable: true }));
        const poll = () => {
          const entry = performance.getEntriesByName(mark)[0];
          if (!entry) return void requestAnimationFrame(poll);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            clearTimeout(timeout);
            resolve({ mark: entry.startTime - t0, drawn: performance.now() - t0 });
          };
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(poll);
      }),
  );
}

/** Back to the workshop page, and quiet: the stage gone (Fabric disposes asynchronously), a frame, an idle period. */
export async function toWorkshop(page: Page, seed: ReviewSeed): Promise<void> {
  await page.evaluate(async (hash) => {
    location.hash = hash;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    while (document.querySelector('[data-testid="canvas-stage"]') || !document.querySelector('main h1')) await frame();
    await frame();
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
  }, workshopRoute(seed));
  await page.getByRole('heading', { level: 1, name: seed.workshop.name }).waitFor();
}

/** Keys as a mentor types them, through the review screen's own listener. */
export function pressKey(page: Page, key: string): Promise<void> {
  return page.evaluate((key) => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
  }, key);
}

/**
 * Edits one mark of the shown face as a mentor does from the keyboard: the
 * canvas focused, Tab selects the first mark, then each → moves it one step.
 * Times each press until the frame that draws the moved mark is done: the key's
 * edit is stored, the live query reads the face's marks back, the screen hands
 * them to the canvas, and the canvas counts a drawn change (data-marks-drawn).
 * The shared badge layout over all marks runs after that frame; the pause
 * between presses leaves it time, as a mentor's pace does.
 */
export function editOneMark(page: Page, samples: number): Promise<number[]> {
  return page.evaluate(
    (samples) =>
      new Promise<number[]>((resolve, reject) => {
        const stage = document.querySelector<HTMLElement>('[data-testid="canvas-stage"]');
        const canvas = stage?.querySelector<HTMLCanvasElement>('canvas.lower-canvas');
        if (!stage || !canvas) return reject(new Error('no canvas stage'));
        stage.focus();
        const key = (name: string) => stage.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
        const drawn = () => Number(canvas.dataset.marksDrawn ?? 0);
        const times: number[] = [];
        const timeout = setTimeout(() => reject(new Error(`only ${times.length} of ${samples} edits drawn within 60 s`)), 60_000);
        /**
         * Resolves once the frame that sets `data-marks-drawn` past `count` is done: the attribute is
         * set as Fabric draws (in that frame's animation callbacks), and a message posted then is
         * delivered once the frame is over, before work queued after it (the badge layout).
         */
        const afterDrawn = (count: number) =>
          new Promise<void>((done) => {
            const observer = new MutationObserver(() => {
              if (drawn() <= count) return;
              observer.disconnect();
              const channel = new MessageChannel();
              channel.port1.onmessage = () => done();
              channel.port2.postMessage(null);
            });
            observer.observe(canvas, { attributes: true, attributeFilter: ['data-marks-drawn'] });
          });
        void (async () => {
          // Tab selects mark 1 (a change of selection only: nothing is built again).
          key('Tab');
          // Selected: the side panel shows the mark's comment field.
          while (!document.getElementById('annotation-comment')) await new Promise((done) => requestAnimationFrame(done));
          for (let i = 0; i < samples; i++) {
            const count = drawn();
            const t0 = performance.now();
            key('ArrowRight');
            await afterDrawn(count);
            times.push(performance.now() - t0);
            // Let the coordinates settle (the view's idle work) before the next press.
            await new Promise((done) => setTimeout(done, 200));
          }
          clearTimeout(timeout);
          resolve(times);
        })();
      }),
    samples,
  );
}

export interface FrameRecord {
  /** The gesture the frame's input belonged to. */
  phase: string;
  /** From this frame's start (rAF timestamp) to the previous one's: what the mentor sees. */
  delta: number;
  /** From dispatching the input to the end of the frame that draws it (Fabric's render, React, paint), vsync wait included. */
  latency: number;
}

/**
 * Pans and zooms as a mentor does and records every frame. One input event
 * per frame, dispatched as soon as the previous frame is done (as Chromium
 * delivers rAF-aligned input before the frame), so every frame has an input
 * to draw. Each phase is timed, not counted in frames: slow frames mean fewer,
 * larger steps along the same path, as with a real mouse and wheel.
 *  - pan at fit: a hand-tool drag in circles of 150 px, one turn a second;
 *  - zoom in: wheel over the label, 8× in 1.5 s (from fit, past the preview's
 *    resolution, so the original is loaded and swapped in mid-gesture);
 *  - pan zoomed in: a drag in circles of 200 px;
 *  - zoom out: wheel, 8× out in 1.5 s.
 */
export function panAndZoom(page: Page): Promise<{ frames: FrameRecord[]; zoomReached: number }> {
  return page.evaluate(
    () =>
      new Promise<{ frames: FrameRecord[]; zoomReached: number }>((resolve, reject) => {
        const upper = document.querySelector<HTMLCanvasElement>('[data-testid="canvas-stage"] canvas.upper-canvas');
        if (!upper) return reject(new Error('no Fabric upper canvas'));
        const box = upper.getBoundingClientRect();
        const cx = box.left + box.width / 2;
        const cy = box.top + box.height / 2;
        const mouse = (type: 'mousedown' | 'mousemove' | 'mouseup', p: { x: number; y: number }) =>
          upper.dispatchEvent(
            new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: p.x, clientY: p.y, button: 0, buttons: type === 'mouseup' ? 0 : 1 }),
          );
        const wheel = (deltaY: number) =>
          upper.dispatchEvent(
            new WheelEvent('wheel', { bubbles: true, cancelable: true, view: window, clientX: cx + box.width * 0.05, clientY: cy - box.height * 0.05, deltaY, deltaMode: 0 }),
          );
        // Wheel: zoom factor = 0.998^deltaY (fabricView), so 8× in 1500 ms is this many deltaY per ms.
        const wheelPerMs = Math.log(8) / Math.log(0.998) / 1500;
        const circle = (radius: number, t: number) => ({
          x: cx + radius * Math.cos((t / 1000) * 2 * Math.PI),
          y: cy + radius * Math.sin((t / 1000) * 2 * Math.PI),
        });
        const phases = [
          { name: 'pan at fit', ms: 2000, radius: 150, wheel: 0 },
          { name: 'zoom in', ms: 1500, radius: 0, wheel: wheelPerMs },
          { name: 'pan zoomed in', ms: 2000, radius: 200, wheel: 0 },
          { name: 'zoom out', ms: 1500, radius: 0, wheel: -wheelPerMs },
        ];
        const frames: FrameRecord[] = [];
        let zoomReached = Number.NaN;
        let index = 0;
        let phaseStart = -1;
        let wheeled = 0;
        let input: { phase: string; at: number } | null = null;
        let last = -1;
        let delta = Number.NaN;

        /** Dispatches the input due now; false when the script is over. */
        const step = (): boolean => {
          const phase = phases[index];
          if (!phase) return false;
          const now = performance.now();
          if (phaseStart < 0) {
            phaseStart = now;
            wheeled = 0;
            // The zoom bar ("114%" or "114 %", by language), read a frame after the last wheel step so React has shown it.
            if (phase.name === 'pan zoomed in') zoomReached = Number.parseInt(document.querySelector('output[aria-label="Perbesaran"]')?.textContent?.replace(/\D/g, '') ?? '', 10);
            if (phase.radius) mouse('mousedown', circle(phase.radius, 0));
          }
          const t = Math.min(now - phaseStart, phase.ms);
          if (phase.radius) mouse('mousemove', circle(phase.radius, t));
          else {
            // What the wheel turned since the last frame (Chromium coalesces wheel events per frame).
            const due = phase.wheel * t - wheeled;
            wheeled += due;
            wheel(due);
          }
          input = { phase: phase.name, at: now };
          if (t >= phase.ms) {
            if (phase.radius) mouse('mouseup', circle(phase.radius, t));
            index++;
            phaseStart = -1;
          }
          return true;
        };
        const channel = new MessageChannel();
        // Runs once the frame (its rAF callbacks, Fabric's render among them, and the rendering update) is done.
        channel.port1.onmessage = () => {
          if (input && !Number.isNaN(delta)) frames.push({ phase: input.phase, delta, latency: performance.now() - input.at });
          input = null;
          if (!step()) return resolve({ frames, zoomReached });
          requestAnimationFrame(tick);
        };
        const tick = (now: number) => {
          delta = last >= 0 ? now - last : Number.NaN;
          last = now;
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function heapMegabytes(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/**
 * Chromium's renderer processes of `browser`, by pid (SystemInfo domain, on the browser target).
 */
async function rendererPids(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await session.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** Proportional set size of a process (Linux): what it holds in RAM, shared pages split among their users. */
function pssMegabytes(pid: number): number {
  const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** After a critical memory-pressure signal: Chromium drops what it keeps only as cache (decoded images, free pages). */
async function purge(cdp: CDPSession): Promise<void> {
  await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
}

async function domNodes(cdp: CDPSession): Promise<number> {
  return (await cdp.send('Memory.getDOMCounters')).nodes;
}

/**
 * The review canvas in Chromium against the browser host, with a 24 MP
 * (6000 × 4000) phone-photo JPEG seeded straight into the app's IndexedDB:
 * open → preview, 100 % → full resolution, frame times while panning and
 * zooming over 500 annotations (and over none, for comparison), JS heap after
 * 100 opens, and the renderer process's memory with a face shown.
 */
export default async function reviewBench(): Promise<Measure[]> {
  const images = await makeReviewImages();
  const seed = makeReviewSeed(images, SUBMISSIONS, ANNOTATIONS);
  const host = await startBrowserHost(4797);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
    await writeReviewSeed(page, seed, images);
    await toWorkshop(page, seed);

    const subs = seed.submissions;
    const assetOf = (i: number) => (seed.assets[i] as (typeof seed.assets)[number]).id;
    const open = (i: number, fullResolution = false) => openReview(page, reviewRoute(seed, subs[i] as (typeof subs)[number]), assetOf(i), fullResolution);

    // The first review after start-up pays for code and font warm-up: reported apart.
    let next = SUBMISSIONS - 1;
    const cold = await open(next--);
    await toWorkshop(page, seed);

    // Open → preview: fresh submissions (one face, no annotations), from the workshop page.
    const plain: OpenTiming[] = [];
    for (let i = 0; i < PREVIEW_SAMPLES; i++) {
      plain.push(await open(next--));
      await toWorkshop(page, seed);
    }
    // …and the one with 500 annotations.
    const annotated: OpenTiming[] = [];
    for (let i = 0; i < ANNOTATED_SAMPLES; i++) {
      annotated.push(await open(0));
      await toWorkshop(page, seed);
    }

    // 100 % (key 1) on a fresh face → the original swapped in.
    const keyed: { mark: number; drawn: number }[] = [];
    for (let i = 0; i < FULL_RES_SAMPLES; i++) {
      await open(next--);
      keyed.push(await zoomTo100(page));
      await pressKey(page, '0');
      await toWorkshop(page, seed);
    }
    // Opening a submission while the remembered zoom is 100 %: preview, then the original straight away.
    await open(next--);
    await zoomTo100(page);
    await toWorkshop(page, seed);
    const at100: OpenTiming[] = [];
    for (let i = 0; i < FULL_RES_SAMPLES; i++) {
      at100.push(await open(next--, true));
      await toWorkshop(page, seed);
    }
    await open(next--);
    await pressKey(page, '0');
    await toWorkshop(page, seed);

    // One mark of the 500 edited (moved from the keyboard) → drawn.
    await open(0);
    const edits = await editOneMark(page, EDIT_SAMPLES);
    await toWorkshop(page, seed);

    // Frame times over the 500-annotation face, with the hand tool.
    await open(0);
    await pressKey(page, 'h');
    const { frames, zoomReached } = await panAndZoom(page);
    await pressKey(page, '0');
    await toWorkshop(page, seed);
    // The same gestures on a fresh face without annotations: what the image alone costs.
    await open(next--);
    await pressKey(page, 'h');
    const control = (await panAndZoom(page)).frames;
    await pressKey(page, '0');
    await toWorkshop(page, seed);

    // Memory: a new browser context (its own renderer process, so no code or caches kept from
    // the runs above), seeded the same way; the workshop page; then 100 submissions opened one
    // after another, review to review, each until its face is shown; back to the workshop page.
    // Renderer process memory is read at start-up and with a face shown, not after the 100: the
    // DevTools Network domain Playwright enables keeps every loaded image's bytes in the renderer
    // (about 0.6 MB per review; flat without it), which would be counted as the studio's.
    await context.close();
    const canReadProcesses = existsSync('/proc/self/smaps_rollup');
    const before = new Set(canReadProcesses ? await rendererPids(browser) : []);
    const fresh = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'id-ID' });
    const memoryPage = await fresh.newPage();
    memoryPage.on('pageerror', (error) => errors.push(error.message));
    await memoryPage.goto(host.url);
    await memoryPage.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
    await writeReviewSeed(memoryPage, seed, images);
    await toWorkshop(memoryPage, seed);
    // The studio's renderer: the process this context brought (the largest, should a spare one come too).
    const ours = canReadProcesses ? (await rendererPids(browser)).filter((pid) => !before.has(pid)) : [];
    const rendererMemory = () => (ours.length ? Math.max(...ours.map(pssMegabytes)) : Number.NaN);
    const cdp = await fresh.newCDPSession(memoryPage);
    const baseline = await heapMegabytes(cdp);
    const baselineNodes = await domNodes(cdp);
    await purge(cdp);
    const rendererBaseline = rendererMemory();
    const openOn = (i: number) => openReview(memoryPage, reviewRoute(seed, subs[i] as (typeof subs)[number]), assetOf(i));
    // First a face without annotations, then the one with 500, then the other 98; the JS heap
    // measured (on the workshop page) after the first, the 50th and the 100th. Growth that is
    // warm-up (code compiled and optimised as it runs) levels off; a leak keeps its slope.
    await openOn(1);
    const rendererPlain = rendererMemory();
    await toWorkshop(memoryPage, seed);
    const warm = await heapMegabytes(cdp);
    await openOn(0);
    const rendererAnnotated = rendererMemory();
    for (let i = 2; i < SUBMISSIONS / 2; i++) await openOn(i);
    await toWorkshop(memoryPage, seed);
    const half = await heapMegabytes(cdp);
    for (let i = SUBMISSIONS / 2; i < SUBMISSIONS; i++) await openOn(i);
    await toWorkshop(memoryPage, seed);
    const after = await heapMegabytes(cdp);
    const afterNodes = await domNodes(cdp);
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);

    const ms = (values: number[], p: 'median' | 95, digits = 1) => round(p === 'median' ? median(values) : percentile(values, 95), digits);
    // Frame times to 0.01 ms: a frame on time at 60 Hz is 16.67 ms, which the goal (< 16.7) accepts.
    const frameMs = (values: number[], p: 'median' | 95) => ms(values, p, 2);
    const deltas = frames.map((f) => f.delta);
    const latency = frames.map((f) => f.latency);
    const phaseP95 = (name: string) => frameMs(frames.filter((f) => f.phase === name).map((f) => f.delta), 95);
    const growth = ((after - baseline) / baseline) * 100;
    const secondHalf = ((after - half) / half) * 100;
    return [
      { name: 'open → preview shown, 24 MP face (median)', value: ms(plain.map((o) => o.shown), 'median'), unit: 'ms', goal: '< 100' },
      { name: 'open → preview shown (p95)', value: ms(plain.map((o) => o.shown), 95), unit: 'ms', goal: '< 100' },
      { name: 'open → preview drawn, its frame done (median)', value: ms(plain.map((o) => o.drawn), 'median'), unit: 'ms' },
      { name: 'open → preview drawn, its frame done (p95)', value: ms(plain.map((o) => o.drawn), 95), unit: 'ms' },
      { name: 'open → preview shown, first review after start-up', value: round(cold.shown), unit: 'ms' },
      { name: `open → preview shown, ${ANNOTATIONS} annotations (median)`, value: ms(annotated.map((o) => o.shown), 'median'), unit: 'ms', goal: '< 100' },
      { name: `open → preview drawn, ${ANNOTATIONS} annotations (median)`, value: ms(annotated.map((o) => o.drawn), 'median'), unit: 'ms' },
      { name: `edit one mark of ${ANNOTATIONS} (keyboard nudge) → drawn (median)`, value: ms(edits, 'median'), unit: 'ms' },
      { name: `edit one mark of ${ANNOTATIONS} (keyboard nudge) → drawn (p95)`, value: ms(edits, 95), unit: 'ms', goal: '< 100' },
      { name: 'key 1 (100 %) → original swapped in (median)', value: ms(keyed.map((k) => k.mark), 'median'), unit: 'ms', goal: '< 600' },
      { name: 'key 1 (100 %) → original drawn, its frame done (median)', value: ms(keyed.map((k) => k.drawn), 'median'), unit: 'ms', goal: '< 600' },
      { name: 'open at remembered 100 % → original swapped in (median)', value: ms(at100.map((o) => o.fullResolution as number), 'median'), unit: 'ms', goal: '< 600' },
      { name: 'open at remembered 100 % → original drawn (median)', value: ms(at100.map((o) => o.fullResolutionDrawn as number), 'median'), unit: 'ms', goal: '< 600' },
      { name: `frames in 7 s of pan + wheel zoom, ${ANNOTATIONS} annotations`, value: frames.length, unit: 'frames' },
      { name: 'frame time, pan + wheel zoom (p50)', value: frameMs(deltas, 'median'), unit: 'ms' },
      { name: 'frame time, pan + wheel zoom (p95)', value: frameMs(deltas, 95), unit: 'ms', goal: '< 16.7' },
      { name: 'frame time p95, pan at fit', value: phaseP95('pan at fit'), unit: 'ms', goal: '< 16.7' },
      { name: 'frame time p95, wheel zoom in 8×', value: phaseP95('zoom in'), unit: 'ms', goal: '< 16.7' },
      { name: 'frame time p95, pan zoomed in', value: phaseP95('pan zoomed in'), unit: 'ms', goal: '< 16.7' },
      { name: 'frame time p95, wheel zoom out 8×', value: phaseP95('zoom out'), unit: 'ms', goal: '< 16.7' },
      { name: 'zoom reached by the wheel', value: zoomReached, unit: '%' },
      { name: 'frame time p95, same gestures, face without annotations', value: frameMs(control.map((f) => f.delta), 95), unit: 'ms' },
      { name: 'longest frame', value: round(Math.max(...deltas), 2), unit: 'ms' },
      { name: 'input → its frame done (p95)', value: ms(latency, 95), unit: 'ms' },
      { name: 'JS heap, workshop page after start-up', value: round(baseline), unit: 'MB' },
      { name: 'JS heap, workshop page after the first review (no annotations)', value: round(warm), unit: 'MB' },
      { name: `JS heap, workshop page after ${SUBMISSIONS / 2} reviews`, value: round(half), unit: 'MB' },
      { name: `JS heap, workshop page after ${SUBMISSIONS} reviews`, value: round(after), unit: 'MB' },
      { name: `JS heap growth, start-up → after ${SUBMISSIONS} reviews`, value: round(growth), unit: '%', goal: '≤ 10' },
      { name: `JS heap growth, review ${SUBMISSIONS / 2} → ${SUBMISSIONS}`, value: round(secondHalf), unit: '%' },
      { name: `DOM nodes, after ${SUBMISSIONS} reviews minus start-up`, value: afterNodes - baselineNodes, unit: 'nodes' },
      ...(ours.length
        ? [
            { name: 'renderer process memory (PSS), workshop page after start-up', value: round(rendererBaseline), unit: 'MB' },
            { name: 'renderer process memory, a face without annotations shown', value: round(rendererPlain), unit: 'MB' },
            { name: `renderer process memory, the ${ANNOTATIONS}-annotation face shown`, value: round(rendererAnnotated), unit: 'MB' },
          ]
        : []),
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
