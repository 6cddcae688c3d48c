import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SessionScreen } from '#renderer/src/features/sessions/SessionScreen.tsx';
import { WorkshopScreen } from '#renderer/src/features/workshops/WorkshopScreen.tsx';
import type { KemasDatabase } from '#renderer/src/data/db.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import type { ScoringSession } from '#shared/domain/session.ts';
import { renderWithStudio } from '../renderWithStudio.tsx';
import { seedSession, seedWorkshop, submitReview, type SessionFixture } from './sessionFixture.ts';

const routes = [
  { path: '/workshops/:workshopId', element: <WorkshopScreen /> },
  { path: '/workshops/:workshopId/sessions/:sessionId', element: <SessionScreen /> },
];

type Seed = (db: KemasDatabase, me: Mentor, fixture: SessionFixture) => Promise<ScoringSession>;

/** Opens a session made by `seed`, on the tab given. */
async function openSession(seed: Seed, tab = '', language: 'id' | 'en' = 'id') {
  let made: ScoringSession | null = null;
  const view = await renderWithStudio(routes, {
    language,
    seed: async (db, me) => {
      const fixture = await seedWorkshop(db, me);
      made = await seed(db, me, fixture);
      return `/workshops/${fixture.workshopId}/sessions/${made.id}${tab ? `?tab=${tab}` : ''}`;
    },
  });
  return { ...view, session: made as unknown as ScoringSession };
}

describe('the new-session dialog', () => {
  it('counts matching submissions as filters change, refuses a session without mentors, and makes one with a mentor added on the spot', async () => {
    const user = userEvent.setup();
    let fixture: SessionFixture | null = null;
    const { db, mentor } = await renderWithStudio(routes, {
      seed: async (db, me) => {
        fixture = await seedWorkshop(db, me);
        return `/workshops/${fixture.workshopId}?view=sessions`;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Sesi penilaian baru' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Sesi penilaian baru' }));
    // Latest versions: Keripik v2 and Kopi v1.
    expect(await dialog.findByText('2 kiriman cocok.')).toBeTruthy();
    await user.selectOptions(dialog.getByLabelText('Versi'), 'all');
    expect(await dialog.findByText('3 kiriman cocok.')).toBeTruthy();
    await user.click(within(dialog.getByRole('group', { name: 'Wilayah' })).getByLabelText('Jember'));
    expect(await dialog.findByText('1 kiriman cocok.')).toBeTruthy();
    await user.click(within(dialog.getByRole('group', { name: 'Wilayah' })).getByLabelText('Jember'));

    await user.type(dialog.getByLabelText(/Nama sesi/), 'Penilaian akhir');
    await user.click(within(dialog.getByRole('group', { name: 'Mentor' })).getByRole('checkbox', { name: /Dewi/ }));
    await user.click(dialog.getByRole('button', { name: 'Buat sesi' }));
    expect(await dialog.findByText('Pilih setidaknya satu mentor.')).toBeTruthy();
    expect(await db.sessions.count()).toBe(0);

    await user.click(within(dialog.getByRole('group', { name: 'Mentor' })).getByRole('checkbox', { name: /Dewi/ }));
    await user.type(dialog.getByLabelText('Nama mentor baru'), 'Sri Wahyuni');
    await user.click(dialog.getByRole('button', { name: 'Tambahkan mentor' }));
    expect(await within(dialog.getByRole('group', { name: 'Mentor' })).findByRole('checkbox', { name: /Sri Wahyuni/, checked: true })).toBeTruthy();
    await user.click(dialog.getByRole('radio', { name: /dibagi rata/ }));
    await user.click(dialog.getByRole('button', { name: 'Buat sesi' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Penilaian akhir/ })).toBeTruthy();
    const [session] = await db.sessions.toArray();
    const sri = (await db.mentors.toArray()).find((m) => m.name === 'Sri Wahyuni');
    const f = fixture as unknown as SessionFixture;
    expect(session).toMatchObject({
      name: 'Penilaian akhir',
      assignment: 'split',
      blind: false,
      mentorIds: [mentor.id, sri?.id],
      submissionIds: [f.submissionIds.keripik1, f.submissionIds.keripik2, f.submissionIds.kopi1],
    });
  });
});

describe('a blind session', () => {
  const blind: Seed = async (db, me, f) => {
    const session = await seedSession(db, me, f, { blind: true });
    // Budi has finished; Dewi (me) has not started.
    for (const id of session.submissionIds) await submitReview(db, session, id, f.budi.id, 4);
    return session;
  };

  it('shows numbers instead of names and hides results until the session is closed', async () => {
    const user = userEvent.setup();
    await openSession(blind);
    const queue = await screen.findByRole('table', { name: 'Kiriman di antrean saya dan statusnya' });
    expect(within(queue).getByRole('link', { name: 'Kiriman 1' }).getAttribute('href')).toMatch(/\/review\/.+-v1\?session=/);
    expect(within(queue).getAllByRole('link').map((a) => a.textContent)).toEqual(['Kiriman 1', 'Kiriman 2', 'Kiriman 3']);
    expect(screen.queryByText(/Keripik Sari/)).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Hasil' }));
    expect(await screen.findByRole('heading', { name: 'Hasil masih disembunyikan' })).toBeTruthy();
    // Budi finished his queue, but only a curator's reveal (or closing) shows results by default.
    expect(screen.getByText(/setelah kurator membuka hasil atau menutup sesi/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Hasil per kiriman' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Tutup sesi' }));
    const results = await screen.findByRole('table', { name: 'Hasil per kiriman' });
    expect(within(results).getByRole('row', { name: /Keripik Sari · versi 2/ }).textContent).toContain('75,0');
    expect(screen.getByText('Ditutup')).toBeTruthy();
  });
});

describe('results of a named session', () => {
  const scored: Seed = async (db, me, f) => {
    const session = await seedSession(db, me, f);
    const s = f.submissionIds;
    // Keripik improves from v1 (25 and 25) to v2 (75 and 100); Kopi: 100 and 50, a 50-point spread.
    await submitReview(db, session, s.keripik1, me.id, 2);
    await submitReview(db, session, s.keripik1, f.budi.id, 2);
    await submitReview(db, session, s.keripik2, me.id, 4);
    await submitReview(db, session, s.keripik2, f.budi.id, 5);
    await submitReview(db, session, s.kopi1, me.id, 5);
    await submitReview(db, session, s.kopi1, f.budi.id, 3);
    return session;
  };

  it('ranks, flags wide spreads, and moves the flag with the threshold', async () => {
    const user = userEvent.setup();
    await openSession(scored, 'results');
    const results = await screen.findByRole('table', { name: 'Hasil per kiriman' });
    const rows = within(results).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['1', '2', '3']);
    expect(rows[0]?.textContent).toContain('Keripik Sari · versi 2');
    expect(rows[0]?.textContent).toContain('87,5');
    expect(rows[1]?.textContent).toContain('Kopi Ijen · versi 1');
    expect(rows[1]?.textContent).toContain('Perlu dibahas');
    expect(rows[0]?.textContent).toContain('Perlu dibahas'); // 75 and 100: 25 > 20
    expect(screen.getByText(/2 kiriman perlu dibahas \(selisih lebih dari 20 poin\)\./)).toBeTruthy();

    const threshold = screen.getByLabelText('Batas perbedaan (poin)');
    await user.clear(threshold);
    await user.type(threshold, '30');
    expect(await screen.findByText(/1 kiriman perlu dibahas \(selisih lebih dari 30 poin\)\./)).toBeTruthy();
    await user.clear(threshold);
    await user.type(threshold, '-5');
    expect(await screen.findByText('Isi angka 0 sampai 100.')).toBeTruthy();
  });

  it('shows the change between versions as a table and a chart', async () => {
    await openSession(scored, 'results');
    const table = await screen.findByRole('table', { name: 'Perubahan nilai per peserta' });
    const row = within(table).getByRole('row', { name: /Keripik Sari/ });
    expect(row.textContent).toContain('v1 → v2');
    expect(row.textContent).toContain('+62,5');
    expect(screen.getByRole('img', { name: /perubahan nilai dari versi pertama ke terbaru: Keripik Sari \+62,5/ })).toBeTruthy();
  });

  it('reads the same in English (numbers stay in the Indonesian format, en-ID), with no missing message', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      await openSession(scored, 'results', 'en');
      const results = await screen.findByRole('table', { name: 'Results per submission' });
      expect(within(results).getByRole('row', { name: /Keripik Sari · version 2/ }).textContent).toContain('87,5');
      expect(screen.getByText(/2 submissions to discuss \(scores differ by more than 20 points\)/)).toBeTruthy();
      expect(screen.getByRole('table', { name: 'Score change per participant' }).textContent).toContain('+62,5');
      expect(screen.getByRole('button', { name: 'Export XLSX' })).toBeTruthy();
    } finally {
      console.error = original;
    }
    expect(errors.filter((e) => e.includes('Missing translation'))).toEqual([]);
  });

  it('refuses to take out a mentor who has scored, saying who', async () => {
    const user = userEvent.setup();
    await openSession(scored);
    await user.click(await screen.findByRole('button', { name: 'Ubah sesi' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Ubah sesi penilaian' }));
    await user.click(within(dialog.getByRole('group', { name: 'Mentor' })).getByRole('checkbox', { name: /Budi Santoso/ }));
    await user.click(dialog.getByRole('button', { name: 'Simpan' }));
    expect(await dialog.findByText('Mentor berikut sudah menilai di sesi ini dan tidak bisa dikeluarkan: Budi Santoso.')).toBeTruthy();
  });

  it('the dashboard counts each mentor’s work', async () => {
    const { db, session, mentor } = await openSession(scored, 'dashboard');
    const table = await screen.findByRole('table', { name: 'Kemajuan tiap mentor' });
    expect(within(table).getByRole('row', { name: /Budi Santoso/ }).textContent).toBe('Budi Santoso330000');
    await db.sessions.update(session.id, { conflicts: [{ mentorId: mentor.id, submissionId: session.submissionIds[0] as string }] });
    await waitFor(() => expect(within(table).getByRole('row', { name: /Dewi/ }).textContent).toBe('Dewi220010'));
  });
});
