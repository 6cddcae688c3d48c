import { APP_INFO, bridge, connectHost } from './hostBridge.ts';
import { act, cleanup, render, screen } from '@testing-library/react';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emitCommand } from '#renderer/src/app/commands.ts';
import { DatabaseProvider } from '#renderer/src/data/DatabaseProvider.tsx';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { createMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { BackupProvider } from '#renderer/src/features/backups/BackupProvider.tsx';
import { BackupStatus } from '#renderer/src/features/backups/BackupStatus.tsx';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { ToastProvider } from '#renderer/src/ui/Toasts.tsx';

/*
 * Automatic backups in the renderer against the real host handlers and backup service (a temp
 * folder, see hostBridge.ts). No images here: jsdom's Blob does not survive fake-indexeddb (the
 * e2e journey covers images).
 */
let dir: string;
let db: KemasDatabase;
let counter = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-auto-backup-'));
  connectHost(dir, { backup: { folder: dir, intervalMinutes: 1, keep: 10 } });
  db = openDatabase(`auto-backup-test-${++counter}`);
  // Only the interval is faked: IndexedDB (fake-indexeddb) runs on real timers.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(async () => {
  // Unmount first: live queries must not outlive the database.
  cleanup();
  vi.useRealTimers();
  await db.delete();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls on real timers (testing-library's waitFor polls with setInterval, which is faked here). */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

const backups = () => readdirSync(dir).filter((n) => n.endsWith('.kemas'));

async function renderStatus() {
  const mentor = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
  const i18n = await createI18n('id');
  render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ToastProvider>
          <MemoryRouter>
            <BackupProvider appInfo={APP_INFO} enabled>
              <BackupStatus />
            </BackupProvider>
          </MemoryRouter>
        </ToastProvider>
      </DatabaseProvider>
    </I18nextProvider>,
  );
  await screen.findByRole('link', { name: 'Belum ada cadangan' });
  // The provider has read the settings (interval 1 minute) and set its timer.
  await until(() => vi.getTimerCount() > 0, 'the interval timer');
  return mentor;
}

async function minutePasses() {
  await act(async () => {
    vi.advanceTimersByTime(60_000);
  });
}

describe('automatic backups', () => {
  it('back up on the interval only when something changed since the last backup', async () => {
    const mentor = await renderStatus();
    await minutePasses();
    await until(() => /^Cadangan terakhir: \d{2}\.\d{2}$/.test(screen.getByRole('link').textContent ?? ''), 'the status line');
    expect(backups()).toEqual([expect.stringMatching(/^kemas-cadangan-\d{8}-\d{6}-auto\.kemas$/)]);

    // Nothing changed: no second backup.
    await minutePasses();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(bridge.calls.filter((c) => c.channel === 'backup.begin')).toHaveLength(1);

    // An edit makes the next interval back up again.
    await createWorkshop(db, { name: 'Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, mentor.id);
    await minutePasses();
    await until(() => backups().length === 2, 'a second backup');
    expect(readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('answers the desktop host’s quit request after a final backup, and at once when nothing changed', async () => {
    await renderStatus();
    act(() => emitCommand('backup.beforeQuit'));
    await until(() => bridge.calls.some((c) => c.channel === 'backup.quitReady'), 'the quit answer');
    expect(bridge.calls.find((c) => c.channel === 'backup.quitReady')?.request).toEqual({ ok: true });
    expect(backups()).toEqual([expect.stringMatching(/-quit\.kemas$/)]);

    bridge.calls.length = 0;
    act(() => emitCommand('backup.beforeQuit'));
    await until(() => bridge.calls.some((c) => c.channel === 'backup.quitReady'), 'the quit answer');
    expect(bridge.calls.find((c) => c.channel === 'backup.quitReady')?.request).toEqual({ ok: true });
    expect(bridge.calls.some((c) => c.channel === 'backup.begin')).toBe(false);
    expect(backups()).toHaveLength(1);
  });
});
