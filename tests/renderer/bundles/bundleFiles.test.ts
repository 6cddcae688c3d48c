import { describe, expect, it } from 'vitest';
import { reviewBundleName, workshopBundleName } from '#renderer/src/features/bundles/bundleFiles.ts';

describe('bundle file names', () => {
  // Noon local time, so the calendar day is the same in every time zone the tests run in.
  const day = new Date(2026, 10, 28, 12).getTime();

  it('name the workshop and the day it was exported, as a .kemas file', () => {
    expect(workshopBundleName('Lokakarya Malang', day)).toBe('Lokakarya Malang 2026-11-28.kemas');
  });

  it('name the workshop and the mentor for review bundles, safe on every system', () => {
    expect(reviewBundleName('Lokakarya: Malang/Batu', 'Budi Santoso', day)).toBe('Lokakarya Malang-Batu - Budi Santoso 2026-11-28.kemas');
  });
});
