import { startBrowserHost } from '../support/browserHost.ts';
import { launchChromium } from './chromium.ts';
import { median, percentile, round, type Measure } from './measure.ts';

const RUNS = 12;

/**
 * App start-up in the browser host: from navigation start to the app's
 * 'app-ready' milestone (database open, language loaded, first screen drawn),
 * in a fresh profile each time, as a mentor opening the studio sees it.
 */
export default async function startupBench(): Promise<Measure[]> {
  const host = await startBrowserHost(4792);
  const browser = await launchChromium();
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(host.url);
      const ready = () =>
        page.waitForFunction(() => performance.getEntriesByName('kemas:app-ready')[0]?.startTime ?? 0);
      cold.push(Number(await (await ready()).jsonValue()));
      await page.reload();
      warm.push(Number(await (await ready()).jsonValue()));
      await context.close();
    }
    return [
      { name: 'start-up to interactive, first visit (median)', value: round(median(cold)), unit: 'ms' },
      { name: 'start-up to interactive, first visit (p95)', value: round(percentile(cold, 95)), unit: 'ms' },
      { name: 'start-up to interactive, reload (median)', value: round(median(warm)), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await host.stop();
  }
}
