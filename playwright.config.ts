import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser build cannot be downloaded here. */
export const CHROMIUM = process.env.KEMAS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // The journeys; with KEMAS_SCREENS set, only the camera (screens.camera.ts), which photographs the main screens for a
  // before/after comparison and is not a test.
  testMatch: process.env.KEMAS_SCREENS ? 'screens.camera.ts' : '*.spec.ts',
  globalSetup: './tests/e2e/globalSetup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Ceilings, not waits: every step waits for a state a person would see. A journey
  // takes ~20 s on an idle machine and several times that with the cores busy
  // (a laptop that is also exporting, or CI beside other work); a ceiling near the
  // idle time turns a slow machine into a failed test.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    locale: 'id-ID',
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
  },
});
