import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildArchive } from '#renderer/src/data/archiveRepo.ts';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { BundleImportHost } from '#renderer/src/features/bundles/BundleImportHost.tsx';
import { offerImport } from '#renderer/src/features/bundles/pendingImport.ts';
import type { Mentor } from '#shared/domain/mentor.ts';
import type { Participant } from '#shared/domain/participant.ts';
import type { Review } from '#shared/domain/review.ts';
import type { Submission } from '#shared/domain/submission.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import { renderWithStudio } from '../renderWithStudio.tsx';

/*
 * The import dialog as a curator meets it: a mentor's review bundle offered by the desktop
 * (`offerImport`), checked, previewed, merged, and the report with the conflict in words;
 * a damaged bundle refused with nothing written; a full disk during the merge.
 */

const T = Date.UTC(2026, 10, 28, 3);
const base = (id: string, by: string, at = T) => ({ id, createdAt: at - 1000, updatedAt: at, updatedBy: by, deletedAt: null, revisions: {} });
const sari: Mentor = { ...base('m-sari', 'm-sari'), name: 'Sari', organisation: 'Rumah Kurasi' };
const workshop: Workshop = { ...base('w-malang', 'm-dewi'), name: 'Lokakarya Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' };
const participant: Participant = {
  ...base('p-tempe', 'm-dewi'),
  workshopId: workshop.id,
  business: 'Keripik Tempe Bu Sari',
  owner: '',
  product: 'Keripik Tempe',
  category: 'snack',
  city: 'Batu',
  region: '',
  contact: '',
  labelFacts: { registrationNumber: '', halalCertificate: '', netContent: '', packagingMaterial: null },
  packDimensions: null,
};
const submission: Submission = { ...base('s-tempe-1', 'm-dewi'), workshopId: workshop.id, participantId: participant.id, version: 1, title: 'v1', submittedAt: T, note: '' };
const review = (by: string, at: number, score: number): Review => ({
  ...base('r-sari-tempe', by, at),
  submissionId: submission.id,
  mentorId: sari.id,
  authorKeyId: null,
  rubricId: 'preset:mjc-quality-innovation:v1',
  sessionId: null,
  scores: { c1: { score, note: '' } },
  verdict: null,
  strengths: [],
  mustFix: [],
  suggestions: [],
  timeSpentMs: 0,
  status: 'submitted',
  abstained: false,
  conflictOfInterest: false,
  sawOthersAt: null,
  revisedAfterRevealAt: null,
  lastSubmitted: null,
});

let counter = 0;
const sources: KemasDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of sources.splice(0)) await db.delete();
});

/** Sari's laptop: her review of Keripik Tempe v1, edited at T + 60 s; her review bundle as a File. */
async function sariBundle(editedAt = T + 60_000): Promise<File> {
  const db = openDatabase(`bundle-source-${++counter}`);
  sources.push(db);
  await db.workshops.put(workshop);
  await db.participants.put(participant);
  await db.submissions.put(submission);
  await db.mentors.put(sari);
  await db.reviews.put(review(sari.id, editedAt, 4));
  const blob = await buildArchive(db, { kind: 'review', workshopId: workshop.id, mentorId: sari.id }, { app: { name: 'Kemas Studio', version: '0.7.0' }, createdBy: sari, now: T + 120_000 });
  return new File([blob], 'Lokakarya Malang - Sari 2026-11-28.kemas');
}

/** The curator's studio: the workshop, Sari, and a copy of her review the curator edited earlier. */
async function curatorStudio() {
  return renderWithStudio([{ path: '/', element: <BundleImportHost /> }], {
    seed: async (db, me) => {
      await db.workshops.put(workshop);
      await db.participants.put(participant);
      await db.submissions.put(submission);
      await db.mentors.put(sari);
      await db.reviews.put(review(me.id, T + 30_000, 2));
      return '/';
    },
  });
}

async function counts(db: KemasDatabase) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

describe('importing a review bundle', () => {
  it('previews, merges, reports the conflict in human terms, and says nothing changed the second time', async () => {
    const user = userEvent.setup();
    const file = await sariBundle();
    // Review bundles need their workshop's submissions only to show; this one's workshop is here.
    const { db, mentor } = await curatorStudio();
    act(() => offerImport(file));

    const preview = within(await screen.findByRole('dialog', { name: `Pratinjau: ${file.name}` }));
    expect(preview.getByText('Bundel penilaian')).toBeTruthy();
    expect(preview.getByText('Sari')).toBeTruthy();
    const willDo = within(preview.getByRole('table', { name: 'Jika digabungkan' }));
    expect(within(willDo.getByRole('row', { name: /^Penilaian/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '0', '0', '1']);
    // Nothing is written by looking.
    expect((await db.reviews.get('r-sari-tempe'))?.updatedBy).toBe(mentor.id);

    await user.click(preview.getByRole('button', { name: 'Gabungkan' }));
    const report = within(await screen.findByRole('dialog', { name: 'Laporan penggabungan' }));
    expect(report.getByRole('img', { name: 'Hasil penggabungan: Baru 0; Diperbarui 0; Tetap 1; Konflik 1' })).toBeTruthy();
    const conflicts = within(report.getByRole('table', { name: 'Konflik: data yang diubah di dua tempat' }));
    const row = conflicts.getByRole('row', { name: /Penilaian Sari untuk Keripik Tempe Bu Sari v1/ });
    expect(row.textContent).toContain('Sari, ');
    expect(row.textContent).toContain('(bundel)');
    expect(row.textContent).toContain('Dewi, ');
    expect(row.textContent).toContain('(studio ini)');
    expect((await db.reviews.get('r-sari-tempe'))?.scores.c1?.score).toBe(4);
    const after = await counts(db);

    await user.click(report.getByRole('button', { name: 'Impor bundel lain…' }));
    act(() => offerImport(file));
    const again = within(await screen.findByRole('dialog', { name: `Pratinjau: ${file.name}` }));
    expect(again.getByText('Semua isi bundel ini sudah ada di studio Anda: penggabungan tidak akan mengubah apa pun.')).toBeTruthy();
    await user.click(again.getByRole('button', { name: 'Gabungkan' }));
    const second = within(await screen.findByRole('dialog', { name: 'Laporan penggabungan' }));
    expect(second.getByText('Tidak ada yang berubah: semua isi bundel ini sudah ada di studio Anda.')).toBeTruthy();
    expect(await counts(db)).toEqual(after);
  });

  it('warns when the sender’s clock ran ahead: an edit dated days from now would win every merge', async () => {
    const file = await sariBundle(Date.now() + 2 * 24 * 60 * 60 * 1000);
    await curatorStudio();
    act(() => offerImport(file));
    const preview = within(await screen.findByRole('dialog', { name: `Pratinjau: ${file.name}` }));
    expect(preview.getByText(/^1 data di bundel ini tercatat diubah pada waktu yang belum tiba/)).toBeTruthy();
  });

  it('refuses a cut-off bundle in plain words and writes nothing', async () => {
    const file = await sariBundle();
    const { db } = await curatorStudio();
    const before = await counts(db);
    // A download that stopped early: the ZIP's directory at the end is missing.
    act(() => offerImport(new File([file.slice(0, file.size - 120)], 'terpotong.kemas')));
    const alert = await screen.findByRole('alert', {});
    expect(alert.textContent).toContain('Bundel ini tidak diimpor');
    expect(alert.textContent).toContain('terpotong.kemas');
    expect(alert.textContent).toContain('Berkas ini bukan bundel .kemas: arsip ZIP-nya tidak bisa dibaca.');
    expect(alert.textContent).toContain('Tidak ada yang ditulis: studio Anda tetap seperti sebelumnya.');
    expect(await counts(db)).toEqual(before);
  });

  it('a full disk during the merge says so, and the studio is as it was', async () => {
    const user = userEvent.setup();
    const file = await sariBundle();
    const { db } = await curatorStudio();
    const before = await counts(db);
    const beforeReview = await db.reviews.get('r-sari-tempe');
    act(() => offerImport(file));
    const preview = within(await screen.findByRole('dialog', { name: `Pratinjau: ${file.name}` }));
    const table = Object.getPrototypeOf(db.reviews) as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    vi.spyOn(table, 'bulkPut').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await user.click(preview.getByRole('button', { name: 'Gabungkan' }));
    expect((await preview.findByRole('alert')).textContent).toBe('Disk penuh: bundel tidak bisa digabungkan dan tidak ada yang ditulis. Kosongkan ruang disk lalu coba lagi.');
    vi.mocked(table.bulkPut).mockRestore();
    expect(await counts(db)).toEqual(before);
    expect(await db.reviews.get('r-sari-tempe')).toEqual(beforeReview);
  });
});
