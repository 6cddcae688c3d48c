import { APP_INFO, bridge, connectHost } from './hostBridge.ts';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseProvider } from '#renderer/src/data/DatabaseProvider.tsx';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { createMentor } from '#renderer/src/data/mentorsRepo.ts';
import { BackupProvider } from '#renderer/src/features/backups/BackupProvider.tsx';
import { BackupsScreen } from '#renderer/src/features/backups/BackupsScreen.tsx';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { ToastProvider } from '#renderer/src/ui/Toasts.tsx';

/** The Cadangan screen against the real host handlers and backup service on a temp folder (hostBridge.ts). */
let dir: string;
let db: KemasDatabase;
let counter = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-backups-screen-'));
  connectHost(join(dir, 'Cadangan'));
  db = openDatabase(`backups-screen-test-${++counter}`);
});
afterEach(async () => {
  // Unmount first: live queries must not outlive the database.
  cleanup();
  await db.delete();
  rmSync(dir, { recursive: true, force: true });
});

async function renderScreen() {
  await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
  const i18n = await createI18n('id');
  render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ToastProvider>
          <MemoryRouter initialEntries={['/backups']}>
            <BackupProvider appInfo={{ ...APP_INFO, host: 'browser', capabilities: { nativeDialogs: false } }} enabled>
              <Routes>
                <Route path="/backups" element={<BackupsScreen />} />
              </Routes>
            </BackupProvider>
          </MemoryRouter>
        </ToastProvider>
      </DatabaseProvider>
    </I18nextProvider>,
  );
  await screen.findByText('Belum ada cadangan di folder ini.');
  return userEvent.setup();
}

const lastSettingsUpdate = () => bridge.calls.filter((c) => c.channel === 'settings.update').at(-1)?.request;

describe('Cadangan screen', () => {
  it('refuses a folder that is relative or a file, and bad numbers, with the reason, and saves nothing', async () => {
    const user = await renderScreen();
    // The browser host has no folder dialog: the path is typed, and the help says there is no backup on quit.
    expect(screen.queryByRole('button', { name: 'Pilih…' })).toBeNull();
    expect(screen.getByText(/tidak ada cadangan saat keluar/)).toBeTruthy();
    const folder = screen.getByLabelText('Folder cadangan');
    await user.type(folder, 'Cadangan/relatif');
    await user.click(screen.getByRole('button', { name: 'Simpan pengaturan' }));
    expect(await screen.findByText('Tulis path lengkap sebuah folder, mis. /home/nama/Kemas Studio/Cadangan.')).toBeTruthy();

    writeFileSync(join(dir, 'catatan.txt'), 'bukan folder');
    await user.clear(folder);
    await user.type(folder, join(dir, 'catatan.txt'));
    const interval = screen.getByLabelText('Cadangan otomatis setiap (menit)');
    await user.clear(interval);
    await user.type(interval, 'sering');
    await user.click(screen.getByRole('button', { name: 'Simpan pengaturan' }));
    expect(await screen.findByText('Path ini sebuah berkas, bukan folder.')).toBeTruthy();
    expect(screen.getByText('Masukkan angka 0 sampai 1440.')).toBeTruthy();
    expect(lastSettingsUpdate()).toBeUndefined();
  });

  it('saves a new folder and schedule, backs up into it, and deletes a backup after asking', async () => {
    const user = await renderScreen();
    const usb = join(dir, 'USB', 'Cadangan Kemas');
    const folder = screen.getByLabelText('Folder cadangan');
    await user.type(folder, usb);
    const keep = screen.getByLabelText('Simpan cadangan otomatis terakhir');
    await user.clear(keep);
    await user.type(keep, '5');
    const interval = screen.getByLabelText('Cadangan otomatis setiap (menit)');
    await user.clear(interval);
    await user.type(interval, '0');
    await user.click(screen.getByRole('button', { name: 'Simpan pengaturan' }));
    expect(await screen.findByText('Pengaturan cadangan tersimpan.')).toBeTruthy();
    expect(lastSettingsUpdate()).toEqual({ backup: { folder: usb, intervalMinutes: 0, keep: 5 } });
    await screen.findByText(usb);

    await user.click(screen.getByRole('button', { name: 'Cadangkan sekarang' }));
    expect(await screen.findByText(/^Cadangan tersimpan: kemas-cadangan-\d{8}-\d{6}-manual\.kemas/, {})).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Manual')).toBeTruthy();
    expect(readdirSync(usb)).toEqual([expect.stringMatching(/-manual\.kemas$/)]);

    await user.click(within(table).getByRole('button', { name: /^Hapus cadangan / }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Ini tidak bisa diurungkan\./)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Hapus' }));
    await screen.findByText('Belum ada cadangan di folder ini.');
    await waitFor(() => expect(readdirSync(usb)).toEqual([]));
  });
});
