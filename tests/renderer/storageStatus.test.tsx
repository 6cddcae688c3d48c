import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { askPersistentStorage, readStorageState, type StorageManagerLike } from '#renderer/src/features/storage/persistentStorage.ts';
import { StorageStatus } from '#renderer/src/features/storage/StorageStatus.tsx';
import { createI18n } from '#renderer/src/i18n/i18n.ts';

/** A browser's StorageManager whose persist() grants when `grants` says so. */
function fakeStorage(initially: boolean, grants: boolean, estimate: StorageEstimate = { usage: 250_000_000, quota: 10_000_000_000 }) {
  let persisted = initially;
  return {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = persisted || grants;
      return persisted;
    }),
    estimate: vi.fn(async () => estimate),
  } satisfies StorageManagerLike;
}

async function renderStatus(storage: StorageManagerLike, language: 'id' | 'en' = 'id') {
  const i18n = await createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <StorageStatus storage={storage} />
    </I18nextProvider>,
  );
  return userEvent.setup();
}

describe('persistent storage', () => {
  it('asks once when not yet persistent, and not again once granted', async () => {
    const storage = fakeStorage(false, true);
    expect(await askPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await askPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('says "cannot tell" rather than failing where the browser has no storage manager or it throws', async () => {
    expect(await askPersistentStorage(undefined)).toBeNull();
    expect(await readStorageState(undefined)).toEqual({ persisted: null, usage: null, quota: null });
    const broken = { persisted: () => Promise.reject(new Error('no')), persist: () => Promise.reject(new Error('no')), estimate: () => Promise.reject(new Error('no')) };
    expect(await askPersistentStorage(broken)).toBeNull();
    expect(await readStorageState(broken)).toEqual({ persisted: null, usage: null, quota: null });
  });

  it('shows persistent storage and the room left, with a meter', async () => {
    await renderStatus(fakeStorage(true, true));
    expect(await screen.findByText('Penyimpanan tetap: peramban tidak akan menghapus data studio walau disk hampir penuh.')).toBeTruthy();
    expect(screen.getByText('Ruang tersisa: 9,8 GB dari 10 GB (terpakai 250 MB).')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Ruang terpakai' }).getAttribute('value')).toBe('250000000');
    expect(screen.queryByRole('button', { name: 'Minta penyimpanan tetap' })).toBeNull();
  });

  it('warns when storage is not persistent, asks again on request, and says when the browser still refuses', async () => {
    const storage = fakeStorage(false, false);
    const user = await renderStatus(storage, 'en');
    expect(await screen.findByText(/^Storage is not persistent: when the disk is nearly full/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ask for persistent storage' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'The browser has not allowed persistent storage yet. Installing the studio as an app or bookmarking it often helps.');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('drops the warning once the browser grants it', async () => {
    const storage = fakeStorage(false, true);
    const user = await renderStatus(storage);
    await user.click(await screen.findByRole('button', { name: 'Minta penyimpanan tetap' }));
    await waitFor(() => expect(screen.getByText(/^Penyimpanan tetap:/)).toBeTruthy());
    expect(screen.queryByText(/belum tetap/)).toBeNull();
  });
});
