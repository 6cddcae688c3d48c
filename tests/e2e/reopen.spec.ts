import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.ts';
import { introduceMentor, openStudio, studioOrigin, studioUrl, waitForReady } from './studio.ts';

test('closing the browser and opening the studio again shows everything as it was', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'kemas-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, locale: 'id-ID' });
  try {
    const first = await launch();
    const page = await first.newPage();
    await openStudio(page);
    await introduceMentor(page, 'Rina Marlina', 'Rumah Kurasi');
    await page.getByRole('button', { name: 'Workshop baru' }).first().click();
    await page.getByLabel('Nama workshop').fill('Workshop Bojonegoro');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('heading', { name: 'Workshop Bojonegoro', level: 1 })).toBeVisible();
    await first.close();

    // The host's cookie lasts as long as the browser: the plain address (no token) now says how
    // to get in, and the way in (the opener file, i.e. the address with the token) finds the data as it was.
    const second = await launch();
    const again = await second.newPage();
    await again.goto(studioOrigin());
    await expect(again.getByRole('heading', { name: 'Terjadi kesalahan' })).toBeVisible();
    await again.goto(studioUrl());
    await waitForReady(again);
    await expect(again.getByRole('button', { name: 'Rina Marlina' })).toBeVisible();
    await expect(again.getByRole('row', { name: /Workshop Bojonegoro/ })).toBeVisible();
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
