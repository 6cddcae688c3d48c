import { describe, expect, it, vi } from 'vitest';
import { RecordNotFoundError } from '#renderer/src/data/records.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { isQuotaError, saveErrorMessage } from '#renderer/src/ui/errorMessage.ts';

describe('save error messages', () => {
  it('tells a mentor the disk is full, even when IndexedDB wraps it in an AbortError', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const i18n = await createI18n('id');
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    expect(saveErrorMessage(abort, i18n.t)).toBe(
      'Penyimpanan penuh. Kosongkan ruang disk, lalu coba lagi. Tidak ada data yang hilang.',
    );
    expect(saveErrorMessage(new RecordNotFoundError('Workshop', 'w1'), i18n.t)).toBe(
      'Data ini tidak ditemukan. Mungkin sudah dihapus.',
    );
    const other = saveErrorMessage(new TypeError('x is undefined'), i18n.t);
    expect(other).toBe('Perubahan ini tidak bisa disimpan. Data lain tetap aman; coba lagi.');
    expect(other).not.toContain('undefined');
  });

  it('finds a full disk however IndexedDB and Dexie hand it over, and nothing else', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota }))).toBe(true);
    // Dexie's BulkError (bulkAdd) and ModifyError list the errors of the failed items.
    expect(isQuotaError(Object.assign(new Error('1 of 2 operations failed'), { name: 'BulkError', failures: [quota] }))).toBe(true);
    expect(isQuotaError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('x', 'ConstraintError') }))).toBe(false);
    expect(isQuotaError(Object.assign(new Error('1 failed'), { name: 'BulkError', failures: [new TypeError('x')] }))).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = { name: 'AbortError', inner: loop };
    expect(isQuotaError(loop)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
