import { bridge, connectHost } from './hostBridge.ts';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { DATABASE_NAME, openDatabase } from '#renderer/src/data/db.ts';
import { createMentor, setCurrentMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { runBackup } from '#renderer/src/features/backups/backupRunner.ts';
import { RecoveryScreen } from '#renderer/src/features/backups/RecoveryScreen.tsx';
import type { OpenFailure } from '#renderer/src/data/backupRepo.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';

/** The recovery screen against the real host handlers and backup service on a temp folder (hostBridge.ts). */
let dir: string;
let folder: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kemas-recovery-'));
  folder = join(dir, 'Cadangan');
  connectHost(folder);
});
afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
  rmSync(dir, { recursive: true, force: true });
});

const workshop = (name: string) => ({ name, region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' });

/** A studio with a backup of one workshop, a second workshop made after it, then taken over by a newer app. */
async function studioMadeNewerAfterBackup(): Promise<void> {
  const db = openDatabase();
  await db.open();
  const mentor = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
  await setCurrentMentor(db, mentor.id);
  await createWorkshop(db, workshop('Dalam cadangan'), mentor.id);
  await runBackup(db, 'manual', { app: { name: 'Kemas Studio', version: '0.1.0' } });
  await createWorkshop(db, workshop('Sesudah cadangan'), mentor.id);
  db.close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, 1000);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(new Error(String(request.error)));
  });
}

async function renderRecovery(failure: OpenFailure, onReopen = vi.fn()) {
  const i18n = await createI18n('id');
  render(
    <I18nextProvider i18n={i18n}>
      <RecoveryScreen failure={failure} detail="SimulatedError: for the test" onReopen={onReopen} />
    </I18nextProvider>,
  );
  return { user: userEvent.setup(), onReopen };
}

const storedVersion = async () => (await indexedDB.databases()).find((d) => d.name === DATABASE_NAME)?.version;

describe('recovery screen', () => {
  it.each([
    ['locked', /sedang dipakai di tempat lain/],
    ['quota', /hampir penuh/],
    ['other', /Ini bisa sementara/],
  ] as const)('for a %s failure offers to try again and restart, never a restore, and touches nothing', async (failure, reason) => {
    const db = openDatabase();
    await db.open();
    await createWorkshop(db, workshop('Tetap ada'), 'm');
    db.close();
    const { user, onReopen } = await renderRecovery(failure);
    expect(screen.getByText(reason)).toBeTruthy();
    expect(screen.getByText('Data Anda tidak diubah dan tidak dihapus. Tidak ada yang perlu dipulihkan dari cadangan.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pulihkan cadangan terbaru' })).toBeNull();
    expect(bridge.calls.some((c) => c.channel.startsWith('backup.'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Mulai ulang studio' }));
    expect(onReopen).toHaveBeenCalledTimes(1);
    // The cause passed: trying again opens the database and starts the studio, with the data there.
    await user.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await waitFor(() => expect(onReopen).toHaveBeenCalledTimes(2));
    const reopened = openDatabase();
    expect((await reopened.workshops.toArray()).map((w) => w.name)).toEqual(['Tetap ada']);
    reopened.close();
  });

  it('for a database made by a newer app, copies it raw into the backup folder, names the file, then restores the latest backup', async () => {
    await studioMadeNewerAfterBackup();
    const { user, onReopen } = await renderRecovery('version');
    expect(screen.getByText(/dibuat oleh Kemas Studio yang lebih baru/)).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Pulihkan cadangan terbaru' }));
    await user.click(screen.getByRole('button', { name: 'Ya, ganti semuanya' }));
    await screen.findByText('Studio dipulihkan.', {}, { timeout: 10_000 });

    const rescue = readdirSync(folder).find((n) => /-rescue\.kemas$/.test(n));
    if (!rescue) throw new Error('no raw copy in the backup folder');
    expect(screen.getByRole('status').textContent).toBe(`Salinan mentah basis data lama tersimpan sebagai ${rescue} di ${folder}.`);
    // The raw copy holds what the backup did not: the workshop made after it.
    const files = unzipSync(new Uint8Array(readFileSync(join(folder, rescue))));
    const workshops = JSON.parse(new TextDecoder().decode(files['tables/workshops.json'])) as { name: string }[];
    expect(workshops.map((w) => w.name).sort()).toEqual(['Dalam cadangan', 'Sesudah cadangan']);
    // The studio is the backup's, at this app's version.
    expect(await storedVersion()).toBe(RECORDS_VERSION * 10); // Dexie stores version n as n × 10
    const db = openDatabase();
    expect((await db.workshops.toArray()).map((w) => w.name)).toEqual(['Dalam cadangan']);
    db.close();
    await user.click(screen.getByRole('button', { name: 'Buka studio' }));
    expect(onReopen).toHaveBeenCalled();
  });

  it('deletes nothing when the raw copy cannot be written, and says so', async () => {
    await studioMadeNewerAfterBackup();
    const run = bridge.run!;
    bridge.run = (channel, request) =>
      channel === 'backup.begin' && (request as { reason: string }).reason === 'rescue' ? Promise.reject(new Error('EACCES: permission denied')) : run(channel, request);
    const { user } = await renderRecovery('upgrade');
    expect(screen.getByText('Data di komputer ini tidak bisa diperbarui ke versi studio ini.')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Pulihkan cadangan terbaru' }));
    await user.click(screen.getByRole('button', { name: 'Ya, ganti semuanya' }));
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(/^Salinan mentah basis data lama tidak bisa disimpan \(.+\), jadi tidak ada yang dihapus\.$/);
    expect(await storedVersion()).toBe(1000);
    expect(readdirSync(folder).some((n) => n.includes('rescue'))).toBe(false);
  });
});
