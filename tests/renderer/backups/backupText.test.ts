import { describe, expect, it, vi } from 'vitest';
import { ArchiveRefusal } from '#shared/bundles/archive.ts';
import { backupErrorText } from '#renderer/src/features/backups/backupText.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';

describe('why a backup failed, in words', () => {
  it('says when the studio holds more than a backup can restore, naming the entry, in both languages', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const tooBig = new ArchiveRefusal('entry-too-large', { path: 'blobs/3', detail: '1200000000 bytes' });
    expect(backupErrorText(tooBig, (await createI18n('id')).t)).toBe(
      'Studio ini memuat lebih banyak data daripada yang bisa dipulihkan dari satu cadangan (blobs/3). Cadangan lama tetap ada.',
    );
    expect(backupErrorText(tooBig, (await createI18n('en')).t)).toMatch(/^This studio holds more than one backup can restore \(blobs\/3\)/);
    expect(backupErrorText(new Error('boom'), (await createI18n('en')).t)).toBe('Something did not work as it should.');
  });
});
