import type { Page } from '@playwright/test';
import { startBrowserHost } from '../support/browserHost.ts';
import { launchChromium } from './chromium.ts';
import { median, percentile, round, type Measure } from './measure.ts';
import { libraryFixture, thumbnailKey, type LibraryFixture } from './support/libraryFixture.ts';

const SUBMISSIONS = 2_000;
const LOADS = 5;
/** Pixels per frame while scrolling: 9,000 px/s at 60 Hz, a brisk fling through a 300 px row every two frames. */
const SCROLL_STEP = 150;
const QUERY = 'kopi luwak';
const FRAME_BUDGET = 1000 / 60;

/** "2.000 kiriman" (or "2000 kiriman"): the grid's count line for `n` results. */
function countPattern(n: number): string {
  const digits = String(n);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '[.,\\u00a0\\u202f]?');
  return `^${grouped} (kiriman|submissions)$`;
}

/**
 * Writes the fixture straight into the app's IndexedDB, in one transaction,
 * after checking the stores are the ones Dexie made for SCHEMA_V1.
 */
async function seed(page: Page, fixture: LibraryFixture): Promise<void> {
  const rows = {
    mentors: [fixture.mentor],
    workshops: [fixture.workshop],
    participants: fixture.participants,
    submissions: fixture.submissions,
    assets: fixture.assets,
    meta: [{ key: 'currentMentorId', value: fixture.mentor.id }],
  };
  const blobRows = fixture.assets.map((a) => ({ id: thumbnailKey(a.id), assetId: a.id }));
  await page.evaluate(
    async ({ rows, blobRows, thumbnailBase64 }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kemas-studio');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('The app has not created its database'));
      });
      const names = [...Object.keys(rows), 'assetBlobs'];
      for (const name of names) {
        const keyPath = db.transaction(name).objectStore(name).keyPath;
        const expected = name === 'meta' ? 'key' : 'id';
        if (keyPath !== expected) throw new Error(`Store ${name} has keyPath ${String(keyPath)}, expected ${expected}`);
      }
      const bytes = Uint8Array.from(atob(thumbnailBase64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: 'image/jpeg' });
      const tx = db.transaction(names, 'readwrite');
      for (const [name, list] of Object.entries(rows)) {
        const store = tx.objectStore(name);
        for (const row of list as object[]) store.put(row);
      }
      const blobs = tx.objectStore('assetBlobs');
      for (const row of blobRows) blobs.put({ ...row, kind: 'thumbnail', blob });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('Seeding aborted'));
      });
      db.close();
    },
    { rows, blobRows, thumbnailBase64: fixture.thumbnailBase64 },
  );
}

interface LoadTiming {
  ready: number;
  grid: number;
  thumbnail: number;
}

/** Reloads the gallery route and reads, from navigation start, when the app, the grid and a thumbnail were on screen. */
async function loadGallery(page: Page, pattern: string): Promise<LoadTiming> {
  await page.reload();
  const grid = await page.waitForFunction((pattern) => {
    const status = document.querySelector('section[aria-labelledby="gallery-title"] p[aria-live="polite"]');
    const card = document.querySelector('[data-testid="gallery-scroll"] [data-testid="library-card"]');
    return status && card && new RegExp(pattern).test(status.textContent ?? '') ? performance.now() : 0;
  }, pattern);
  const thumbnail = await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="gallery-scroll"] [data-testid="library-card"] img');
    return img?.complete && img.naturalWidth > 0 ? performance.now() : 0;
  });
  const ready = await page.evaluate(() => performance.getEntriesByName('kemas:app-ready')[0]?.startTime ?? 0);
  return { ready, grid: Number(await grid.jsonValue()), thumbnail: Number(await thumbnail.jsonValue()) };
}

interface ScrollResult {
  /** requestAnimationFrame intervals while scrolling, ms. */
  intervals: number[];
  /**
   * Main-thread busy time per frame, ms: from the frame's first scroll event
   * (or its rAF callback) until a message posted from the rAF callback runs,
   * i.e. scroll handlers, React, style, layout, paint, and any task queued ahead.
   */
  work: number[];
  /** Card elements in the DOM, sampled every frame. */
  cards: number[];
  /** requestAnimationFrame intervals on the same page at rest, ms. */
  idle: number[];
  scrollHeight: number;
}

/**
 * Scrolls the gallery from top to bottom by `step` pixels a frame (set from a
 * rAF callback, so each frame has one scroll to handle), recording each
 * frame's interval, main-thread busy time and the cards in the DOM. Before
 * that, one second of the same page at rest gives the interval floor.
 */
function scrollThrough(page: Page, step: number): Promise<ScrollResult> {
  return page.evaluate(async (step) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="gallery-scroll"]');
    if (!scroller) throw new Error('No gallery scroll container');
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

    const idle: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < 60; i++) {
      const t = await nextFrame();
      idle.push(t - last);
      last = t;
    }

    const intervals: number[] = [];
    const work: number[] = [];
    const cards: number[] = [];
    let frameStart: number | null = null;
    const onScroll = () => {
      frameStart ??= performance.now();
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    const channel = new MessageChannel();
    let pendingStart = 0;
    channel.port1.onmessage = () => work.push(performance.now() - pendingStart);

    await new Promise<void>((resolve) => {
      let previous = 0;
      let settle = 10;
      const frame = (t: number) => {
        const start = Math.min(frameStart ?? performance.now(), performance.now());
        frameStart = null;
        if (previous) intervals.push(t - previous);
        previous = t;
        cards.push(scroller.querySelectorAll('[data-testid="library-card"]').length);
        const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
        if (!atBottom) scroller.scrollTop += step;
        pendingStart = start;
        channel.port2.postMessage(null);
        if (atBottom && --settle === 0) resolve();
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    window.removeEventListener('scroll', onScroll, { capture: true });
    await nextFrame();
    return { intervals, work, cards, idle, scrollHeight: scroller.scrollHeight };
  }, step);
}

interface KeystrokeTiming {
  /** From the input event to the frame after it (the count is drawn by then), ms. */
  latency: number;
  count: string;
}

/**
 * Types `query` into the search box a key at a time (100 ms apart, like a
 * quick typist) and times each keystroke from its input event to the end of
 * the next frame, reading the count line then.
 */
async function typeSearch(page: Page, query: string): Promise<KeystrokeTiming[]> {
  await page.evaluate(() => {
    const log: KeystrokeTiming[] = [];
    (window as unknown as { __searchLog: KeystrokeTiming[] }).__searchLog = log;
    document.addEventListener(
      'input',
      (event) => {
        if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'search') return;
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const status = document.querySelector('section[aria-labelledby="gallery-title"] p[aria-live="polite"]');
            log.push({ latency: performance.now() - start, count: status?.textContent ?? '' });
          };
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  const box = page.locator('section[aria-labelledby="gallery-title"] input[type="search"]');
  await box.click();
  await box.pressSequentially(query, { delay: 100 });
  await page.waitForFunction((n) => (window as unknown as { __searchLog: unknown[] }).__searchLog.length >= n, query.length);
  return page.evaluate(() => (window as unknown as { __searchLog: KeystrokeTiming[] }).__searchLog);
}

/**
 * The library grid at 2,000 submissions in Chromium against the browser host:
 * opening it, scrolling it top to bottom, and searching it.
 */
export default async function libraryBench(): Promise<Measure[]> {
  const fixture = await libraryFixture(SUBMISSIONS);
  const host = await startBrowserHost(4795);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
    await seed(page, fixture);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/workshops/${fixture.workshop.id}?view=gallery`);

    const pattern = countPattern(SUBMISSIONS);
    const loads: LoadTiming[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await loadGallery(page, pattern));

    const scroll = await scrollThrough(page, SCROLL_STEP);
    if (scroll.intervals.length < 50) throw new Error(`Only ${scroll.intervals.length} frames while scrolling: is the grid ${SUBMISSIONS} cards tall?`);
    const dropped = scroll.intervals.filter((ms) => ms > FRAME_BUDGET * 1.5).length;

    await page.evaluate(() => {
      document.querySelector('[data-testid="gallery-scroll"]')?.scrollTo(0, 0);
    });
    const keys = await typeSearch(page, QUERY);
    const latencies = keys.map((k) => k.latency);
    const finalCount = keys.at(-1)?.count ?? '';
    const matched = Number(/^([\d.,\s\u00a0\u202f]+)/.exec(finalCount)?.[1]?.replace(/\D/g, '') ?? Number.NaN);
    if (!(matched > 0 && matched < SUBMISSIONS)) throw new Error(`Search for "${QUERY}" left "${finalCount}"`);
    await context.close();

    const n = SUBMISSIONS.toLocaleString('en');
    return [
      { name: `library ${n}: open gallery to count and first card (median of ${LOADS} loads)`, value: round(median(loads.map((l) => l.grid))), unit: 'ms' },
      { name: `library ${n}: open gallery, first load after seeding`, value: round(loads[0]?.grid ?? Number.NaN), unit: 'ms' },
      { name: `library ${n}: open gallery to first thumbnail drawn (median)`, value: round(median(loads.map((l) => l.thumbnail))), unit: 'ms' },
      { name: `library ${n}: of which start-up to app-ready (median)`, value: round(median(loads.map((l) => l.ready))), unit: 'ms' },
      {
        name: `library ${n}: frame interval scrolling ${Math.round(scroll.scrollHeight / 1000)}k px, p50`,
        value: round(median(scroll.intervals)),
        unit: 'ms',
        peer: { name: 'same page at rest', value: round(median(scroll.idle)) },
      },
      {
        name: `library ${n}: frame interval scrolling, p95`,
        value: round(percentile(scroll.intervals, 95)),
        unit: 'ms',
        peer: { name: 'same page at rest', value: round(percentile(scroll.idle, 95)) },
        goal: '< 16.7',
      },
      { name: `library ${n}: main-thread busy per frame scrolling, p95`, value: round(percentile(scroll.work, 95)), unit: 'ms', goal: '< 16.7' },
      { name: `library ${n}: frames over 25 ms while scrolling`, value: round((dropped / scroll.intervals.length) * 100), unit: `% of ${scroll.intervals.length}` },
      { name: `library ${n}: card elements in the DOM while scrolling (max)`, value: Math.max(...scroll.cards), unit: 'cards' },
      { name: `library ${n}: search keystroke to count on screen (median of ${keys.length})`, value: round(median(latencies)), unit: 'ms' },
      { name: `library ${n}: search keystroke to count on screen (max; "${QUERY}" → ${matched})`, value: round(Math.max(...latencies)), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
