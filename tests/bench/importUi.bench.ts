import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from '../support/browserHost.ts';
import { launchChromium } from './chromium.ts';
import { median, percentile, round, type Measure } from './measure.ts';
import { writeImageSet } from './support/benchImages.ts';

/** The issue's yardstick: a participant group's phone photos, 4000 × 3000 JPEGs of ~4 MB. */
const PHOTOS = 20;
/** The ETA is judged once this many files are done. */
const ETA_AFTER = 3;

/** A script that ran in a long animation frame (Chromium's long-animation-frame entries), times in ms. */
interface FrameScript {
  start: number;
  duration: number;
  /** What called it, e.g. `MessagePort.onmessage`, `IDBRequest.onsuccess`, `Promise.resolve`. */
  invoker: string;
  source: string;
}

interface Probe {
  /** Main-thread tasks over 50 ms (the browser's long-task observer), start and duration in ms. */
  longTasks: { start: number; duration: number }[];
  /** The scripts of animation frames over 50 ms, to say what ran in a long task. */
  frameScripts: FrameScript[];
  /** Animation-frame starts, in ms: the gaps between them are the frames a person sees. */
  frames: number[];
  /** The import panel's figures each time they changed. */
  progress: { at: number; done: number; etaMs: number | null; finished: boolean }[];
  /** When the file picker handed over the files. */
  started: number;
}

/** First run and a new workshop, as a mentor does it, in Bahasa Indonesia. */
async function newWorkshop(page: Page): Promise<void> {
  await page.getByLabel('Nama').fill('Dewi Lestari');
  await page.getByLabel('Organisasi').fill('Rumah Kurasi');
  await page.getByRole('button', { name: 'Mulai' }).click();
  await page.getByRole('button', { name: 'Workshop baru' }).first().click();
  await page.getByLabel('Nama workshop').fill('Klinik Kemasan Bojonegoro (bench)');
  await page.getByLabel('Wilayah (Bakorwil)').fill('Bojonegoro');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Klinik Kemasan Bojonegoro (bench)' }).waitFor();
}

/** Starts the long-task observer, the frame probe and the progress recorder in the page. */
function startProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const probe: Probe & { stop: boolean } = { longTasks: [], frameScripts: [], frames: [], progress: [], started: Number.NaN, stop: false };
    (window as unknown as { kemasProbe: typeof probe }).kemasProbe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    interface ScriptTiming { startTime: number; duration: number; invoker: string; sourceFunctionName: string; sourceURL: string }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { scripts: ScriptTiming[] })[]) {
        for (const s of entry.scripts) {
          const file = s.sourceURL.split('/').pop() ?? '';
          probe.frameScripts.push({ start: s.startTime, duration: s.duration, invoker: s.invoker, source: `${s.sourceFunctionName || '(anonymous)'} ${file}` });
        }
      }
    }).observe({ type: 'long-animation-frame' });
    const frame = (t: number) => {
      probe.frames.push(t);
      if (!probe.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const read = () => {
      const panel = document.querySelector<HTMLElement>('section[aria-labelledby="import-panel-title"]');
      if (!panel) return;
      const done = Number(panel.dataset.done);
      const etaMs = panel.dataset.etaMs ? Number(panel.dataset.etaMs) : null;
      const finished = panel.dataset.finished === 'true';
      const last = probe.progress.at(-1);
      if (last && last.done === done && last.etaMs === etaMs && last.finished === finished) return;
      probe.progress.push({ at: performance.now(), done, etaMs, finished });
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-eta-ms', 'data-finished'] });
    document.addEventListener('change', () => (probe.started = performance.now()), { capture: true, once: true });
  });
}

/** CPU seconds used so far by Chromium's renderer processes (SystemInfo domain, on the browser target). */
async function rendererCpuSeconds(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  await session.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

/**
 * What ran in each long task, from the long-animation-frame scripts inside it
 * (their durations are wall time too). A task with no script in it ran the
 * browser's own work (style, layout, paint, garbage collection, messages) or
 * waited for a core while the machine was busy with other work; with the
 * renderer's CPU time beside it, the run says which.
 */
function explainLongTasks(tasks: readonly { start: number; duration: number }[], scripts: readonly FrameScript[], started: number): string[] {
  return tasks.map((task) => {
    const inside = scripts.filter((s) => s.start >= task.start - 1 && s.start < task.start + task.duration);
    const scripted = inside.reduce((sum, s) => sum + s.duration, 0);
    const named = inside
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((s) => `${s.invoker} → ${s.source} ${Math.round(s.duration)} ms`)
      .join('; ');
    return `long task at ${((task.start - started) / 1000).toFixed(1)} s: ${Math.round(task.duration)} ms, scripts ${Math.round(scripted)} ms${named ? ` (${named})` : ''}`;
  });
}

/**
 * The import screen while 20 phone photos import through the file picker:
 * main-thread long tasks (PerformanceObserver 'longtask'), the frames a
 * person sees (an animation-frame probe), and how far the ETA shown after the
 * third file was from the real end. The browser host's workers decode on the
 * same two cores as the page, as on a mentor's laptop.
 */
export default async function importUiBench(): Promise<Measure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kemas-import-bench-'));
  const host = await startBrowserHost(4789);
  const browser = await launchChromium();
  try {
    const images = await writeImageSet(dir, { phone: PHOTOS, large: 0, cmyk: 0 }, availableParallelism());
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
    await newWorkshop(page);
    // A quiet moment before the import, so start-up work is not counted.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    await startProbe(page);
    const cpuBefore = await rendererCpuSeconds(browser);
    await page.locator('input[type="file"][multiple]:not([webkitdirectory])').first().setInputFiles(images.map((i) => i.path));
    await page.locator('section[aria-labelledby="import-panel-title"][data-finished="true"]').waitFor({ timeout: 600_000 });
    const rendererCpu = (await rendererCpuSeconds(browser)) - cpuBefore;
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { kemasProbe: Probe & { stop: boolean } }).kemasProbe;
      p.stop = true;
      return { longTasks: p.longTasks, frameScripts: p.frameScripts, frames: p.frames, progress: p.progress, started: p.started };
    });
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
    const finished = probe.progress.find((p) => p.finished);
    const summary = page.locator('section[aria-labelledby="import-panel-title"]');
    if (!finished || !(await summary.textContent())?.includes(`${PHOTOS} tampak diimpor`)) {
      throw new Error(`The import did not bring in ${PHOTOS} faces: ${await summary.textContent()}`);
    }
    const end = finished.at;
    const during = (t: number) => t >= probe.started && t <= end;
    const tasks = probe.longTasks.filter((t) => during(t.start));
    const starts = probe.frames.filter(during);
    const frames = starts.slice(1).map((t, i) => t - (starts[i] as number));
    const atEta = probe.progress.find((p) => p.done >= ETA_AFTER && p.etaMs !== null);
    const etaError = atEta ? ((atEta.at + (atEta.etaMs as number) - end) / (end - atEta.at)) * 100 : Number.NaN;
    const halfway = probe.progress.find((p) => p.done >= PHOTOS / 2 && p.etaMs !== null);
    const etaErrorHalfway = halfway ? ((halfway.at + (halfway.etaMs as number) - end) / (end - halfway.at)) * 100 : Number.NaN;
    const longest = tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0;
    for (const line of explainLongTasks(tasks, probe.frameScripts, probe.started)) process.stdout.write(`\n  ${line}`);
    return [
      { name: `import of ${PHOTOS} phone photos (12 MP JPEG) through the file picker`, value: round((end - probe.started) / 1000, 2), unit: 's' },
      { name: 'main-thread tasks over 50 ms during the import', value: tasks.length, unit: 'tasks' },
      { name: 'longest main-thread task during the import', value: round(longest), unit: 'ms', goal: '≤ 100' },
      { name: 'main-thread time in tasks over 50 ms, past their first 50 ms (blocking time)', value: round(tasks.reduce((sum, t) => sum + t.duration - 50, 0)), unit: 'ms' },
      {
        name: "renderer processes' CPU time during the import (all their threads; the page's share of the cores)",
        value: round(rendererCpu * 1000),
        unit: 'ms',
      },
      { name: 'frame time during the import (p50)', value: round(median(frames), 2), unit: 'ms' },
      { name: 'frame time during the import (p95)', value: round(percentile(frames, 95), 2), unit: 'ms', goal: '≤ 33' },
      { name: 'longest frame during the import', value: round(Math.max(...frames), 1), unit: 'ms' },
      { name: `ETA error after ${ETA_AFTER} files (shown end − real end, % of the time left)`, value: round(etaError), unit: '%', goal: '±30' },
      { name: `ETA error after ${PHOTOS / 2} files`, value: round(etaErrorHalfway), unit: '%', goal: '±30' },
    ];
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
