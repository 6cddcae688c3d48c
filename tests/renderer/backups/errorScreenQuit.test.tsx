import { bridge, connectHost, pushMenuCommand } from './hostBridge.ts';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorScreen } from '#renderer/src/app/ErrorScreen.tsx';
import { DatabaseProvider } from '#renderer/src/data/DatabaseProvider.tsx';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { createMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';

/*
 * A screen failed: the shell (and the backup provider in it) is gone and the error screen shows.
 * The desktop's "about to quit" must still get its final backup and an answer, not wait 20 s.
 */
let dir: string;
let db: KemasDatabase;
let counter = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-error-quit-'));
  connectHost(dir, { backup: { folder: dir, intervalMinutes: 30, keep: 10 } });
  db = openDatabase(`error-quit-test-${++counter}`);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
  rmSync(dir, { recursive: true, force: true });
});

function Broken(): never {
  throw new Error('a screen failed');
}

async function showErrorScreen() {
  const router = createMemoryRouter([{ path: '/', element: <Broken />, errorElement: <ErrorScreen /> }]);
  render(
    <I18nextProvider i18n={await createI18n('id')}>
      <DatabaseProvider db={db}>
        <RouterProvider router={router} />
      </DatabaseProvider>
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { level: 1 });
}

const quitAnswers = () => bridge.calls.filter((c) => c.channel === 'backup.quitReady').map((c) => c.request);

describe('quitting while a screen has failed', () => {
  it('still makes the final backup and answers the desktop', async () => {
    const mentor = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
    await createWorkshop(db, { name: 'Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' }, mentor.id);
    await showErrorScreen();
    pushMenuCommand('backup.beforeQuit');
    await waitFor(() => expect(quitAnswers()).toEqual([{ ok: true }]));
    expect(readdirSync(dir).filter((n) => n.endsWith('.kemas'))).toEqual([expect.stringMatching(/-quit\.kemas$/)]);
  }, 300_000);

  it('answers at once, without a backup, when nothing changed since the last one', async () => {
    await showErrorScreen();
    pushMenuCommand('backup.beforeQuit');
    await waitFor(() => expect(quitAnswers()).toEqual([{ ok: true }]));
    expect(bridge.calls.some((c) => c.channel === 'backup.begin')).toBe(false);
  });
});
