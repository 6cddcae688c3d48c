import type { Page } from '@playwright/test';
import { startBrowserHost } from '../support/browserHost.ts';
import { launchChromium } from './chromium.ts';
import { median, percentile, round, type Measure } from './measure.ts';

/** Rounds of scoring all ten criteria of the MJC rubric with number keys. */
const ROUNDS = 20;
/** A quick mentor's pace between number keys (about seven keys a second). */
const PACE_MS = 150;
/** Keys pressed back to back with no pause, to see the writes queue. */
const BURST_ROUNDS = 5;

const REVIEW_ROUTE = '#/workshops/demo-workshop-v1/participants/demo-keripik-tempe/review/demo-keripik-tempe-v1?side=score';

/**
 * Runs in the page before the app: records when each IndexedDB read-write
 * transaction over both `reviews` and `rubrics` completes. That is exactly a
 * score being saved (setScore reads the pinned rubric in the same
 * transaction); the time-spent writes touch `reviews` alone and are not counted.
 */
function recordScoreWrites() {
  const writes: number[] = [];
  (window as unknown as { __kemasScoreWrites: number[] }).__kemasScoreWrites = writes;
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function transaction(this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = open.apply(this, args);
    const names = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
    if (args[1] === 'readwrite' && names.includes('reviews') && names.includes('rubrics')) {
      tx.addEventListener('complete', () => writes.push(performance.now()));
    }
    return tx;
  };
}

interface KeySample {
  /** keydown → the IndexedDB transaction that saves the score has completed. */
  saved: number;
  /** keydown → the panel shows the score (the live query has answered and React rendered it). */
  shown: number;
}

/**
 * Scores the ten criteria from the first one, a number key each, dispatched
 * on the focused scale as the keyboard would (through the review screen's
 * and the panel's own listeners); `pace` ms between keys, 0 for a burst.
 */
function scoreRound(page: Page, value: string, pace: number): Promise<KeySample[]> {
  return page.evaluate(
    async ({ value, pace }) => {
      const writes = (window as unknown as { __kemasScoreWrites: number[] }).__kemasScoreWrites;
      const groups = [...document.querySelectorAll<HTMLElement>('section[aria-labelledby="scoring-title"] [role="radiogroup"]')];
      const first = groups[0]?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
      if (!first) throw new Error('no scale to score');
      first.focus();
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Transactions over the same stores complete in the order they began: key i's save is write base + i.
      const base = writes.length;
      const started: number[] = [];
      const shown: number[] = [];
      const observers: MutationObserver[] = [];
      for (const [i, group] of groups.entries()) {
        const target = document.activeElement;
        if (!target || !group.contains(target)) throw new Error('focus did not move to the next criterion');
        const observer = new MutationObserver(() => {
          if (shown[i] === undefined && group.querySelector('[aria-checked="true"]')?.textContent === value) shown[i] = performance.now();
        });
        observer.observe(group, { subtree: true, attributes: true, attributeFilter: ['aria-checked'] });
        observers.push(observer);
        started[i] = performance.now();
        target.dispatchEvent(new KeyboardEvent('keydown', { key: value, bubbles: true, cancelable: true }));
        target.dispatchEvent(new KeyboardEvent('keyup', { key: value, bubbles: true, cancelable: true }));
        if (pace > 0) {
          const deadline = performance.now() + 5000;
          while (writes.length <= base + i || shown[i] === undefined) {
            if (performance.now() > deadline) throw new Error('a score was not saved and shown within 5 s');
            await sleep(1);
          }
          await sleep(pace);
        }
      }
      const deadline = performance.now() + 5000;
      while (writes.length < base + groups.length || shown.filter((x) => x !== undefined).length < groups.length) {
        if (performance.now() > deadline) throw new Error('scores were not saved and shown within 5 s');
        await sleep(1);
      }
      for (const observer of observers) observer.disconnect();
      return groups.map((_, i) => ({
        saved: (writes[base + i] as number) - (started[i] as number),
        shown: (shown[i] as number) - (started[i] as number),
      }));
    },
    { value, pace },
  );
}

/**
 * Keystroke-to-saved latency while scoring, in Chromium against the browser
 * host: the demo submission's review, number keys on the scoring panel, from
 * keydown to the IndexedDB transaction that saves the score completing (and
 * to the panel showing it).
 */
export default async function scoringBench(): Promise<Measure[]> {
  const host = await startBrowserHost(4812);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'id-ID' });
    await context.addInitScript(recordScoreWrites);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready').length > 0);
    await page.getByLabel('Nama').fill('Dewi Lestari');
    await page.getByLabel('Organisasi').fill('Rumah Kurasi');
    await page.getByRole('button', { name: 'Mulai' }).click();
    await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
    await page.getByRole('link', { name: 'Keripik Tempe Bu Sari' }).waitFor();
    await page.evaluate((hash) => {
      location.hash = hash;
    }, REVIEW_ROUTE);
    await page.getByRole('heading', { name: 'Penilaian' }).waitFor();
    await page.locator('[data-testid="canvas-stage"][data-face-shown]').waitFor();

    // One round to warm up (code compiled, first writes), not counted. Each round changes every
    // score (5, then 1, 2, 3…), so the panel has something new to show.
    await scoreRound(page, '5', PACE_MS);
    const paced: KeySample[] = [];
    for (let r = 0; r < ROUNDS; r++) paced.push(...(await scoreRound(page, String((r % 5) + 1), PACE_MS)));
    const burst: KeySample[] = [];
    for (let r = 0; r < BURST_ROUNDS; r++) burst.push(...(await scoreRound(page, String(((r + 2) % 5) + 1), 0)));
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);

    const ms = (values: number[], p: 'median' | 95) => round(p === 'median' ? median(values) : percentile(values, 95), 2);
    const saved = paced.map((s) => s.saved);
    const shown = paced.map((s) => s.shown);
    return [
      { name: `keystroke → score saved in IndexedDB (p50, ${paced.length} keys)`, value: ms(saved, 'median'), unit: 'ms' },
      { name: 'keystroke → score saved in IndexedDB (p95)', value: ms(saved, 95), unit: 'ms', goal: '≤ 16' },
      { name: 'keystroke → score shown in the panel (p50)', value: ms(shown, 'median'), unit: 'ms' },
      { name: 'keystroke → score shown in the panel (p95)', value: ms(shown, 95), unit: 'ms' },
      { name: `burst of 10 keys, no pause → each saved (p95, ${burst.length} keys)`, value: ms(burst.map((s) => s.saved), 95), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
