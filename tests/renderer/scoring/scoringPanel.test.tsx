import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '#shared/domain/annotation.ts';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { useAllAnnotations } from '#renderer/src/data/hooks.ts';
import { usePinnedRubric, useReview } from '#renderer/src/data/reviewHooks.ts';
import { getOrCreateDraft } from '#renderer/src/data/reviewsRepo.ts';
import { ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { ScoringPanel } from '#renderer/src/features/scoring/ScoringPanel.tsx';
import { renderWithStudio } from '../renderWithStudio.tsx';

const clock = { base: 0, since: null, flush: async () => {} };

/** The panel as the review screen mounts it, on the review the route names. */
function Harness() {
  const { reviewId = '' } = useParams();
  const review = useReview(reviewId);
  const rubric = usePinnedRubric(review?.rubricId ?? null);
  const annotations = useAllAnnotations(review?.submissionId ?? '');
  if (!review || !rubric || !annotations) return <p>…</p>;
  return (
    <ScoringPanel
      review={review}
      rubric={rubric}
      annotations={annotations.filter((a) => a.deletedAt === null)}
      otherReviews={[]}
      mentorNames={new Map()}
      clock={clock}
      onSelectAnnotation={() => {}}
    />
  );
}

function annotation(mentorId: string, number: number, severity: Annotation['severity'], comment: string, link: Annotation['link'] = null): Annotation {
  return {
    id: `note-${number}`,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: mentorId,
    deletedAt: null,
    revisions: {},
    assetId: 'face-1',
    submissionId: 'sub-1',
    mentorId,
    authorKeyId: null,
    number,
    shape: { kind: 'pin', at: { x: 10, y: 10 } },
    category: 'legibility',
    severity,
    comment,
    link,
  };
}

async function openPanel(withAnnotations = false) {
  const view = await renderWithStudio([{ path: '/review/:reviewId', element: <Harness /> }], {
    seed: async (db, mentor) => {
      await ensurePresetRubrics(db);
      const review = await getOrCreateDraft(db, {
        submissionId: 'sub-1',
        mentorId: mentor.id,
        sessionId: null,
        rubricId: presetRubricId(MJC_QUALITY_INNOVATION),
      });
      if (withAnnotations) {
        await db.annotations.bulkAdd([
          annotation(mentor.id, 1, 'must-fix', 'Tambahkan nomor P-IRT', { to: 'criterion', criterionId: 'mjc-quality-label' }),
          annotation(mentor.id, 2, 'strength', 'Warna merek kuat'),
          annotation(mentor.id, 3, 'suggestion', ''),
          annotation('someone-else', 4, 'must-fix', 'Bukan milik Anda'),
        ]);
      }
      return `/review/${review.id}`;
    },
  });
  await screen.findByRole('heading', { name: 'Penilaian' });
  const [review] = await view.db.reviews.toArray();
  if (!review) throw new Error('no review');
  return { ...view, reviewId: review.id };
}

const scaleOf = (name: string) => screen.getByRole('radiogroup', { name });

describe('scoring panel', () => {
  it('scores the focused criterion with a number key and moves to the next; arrows move between criteria', async () => {
    const user = userEvent.setup();
    const { db, reviewId } = await openPanel();
    const label = scaleOf('Informasi & kepatuhan label');
    within(label).getAllByRole('radio')[0]?.focus();
    await user.keyboard('4');
    await waitFor(async () => expect((await db.reviews.get(reviewId))?.scores['mjc-quality-label']?.score).toBe(4));
    const legibility = scaleOf('Keterbacaan & hierarki informasi');
    expect(legibility.contains(document.activeElement)).toBe(true);
    expect(await within(label).findByRole('radio', { name: '4', checked: true })).toBeTruthy();
    // The chosen level's descriptor is shown under the scale.
    expect(screen.getByText(/Semua informasi wajib lengkap dan benar sesuai ketentuan BPOM/)).toBeTruthy();

    await user.keyboard('{ArrowUp}');
    expect(label.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('4');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(scaleOf('Kualitas cetak & produksi').contains(document.activeElement)).toBe(true);

    // ← → only highlight a level and preview its descriptor; Space picks it.
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement?.textContent).toBe('3');
    expect(screen.getByText('Pratinjau nilai 3:')).toBeTruthy();
    expect((await db.reviews.get(reviewId))?.scores['mjc-quality-print']).toBeUndefined();
    await user.keyboard(' ');
    await waitFor(async () => expect((await db.reviews.get(reviewId))?.scores['mjc-quality-print']?.score).toBe(3));
  });

  it('updates group subtotals, the overall and its chart as criteria are scored', async () => {
    const user = userEvent.setup();
    await openPanel();
    expect(screen.getByRole('heading', { name: /^Kualitas Subtotal belum ada · 0\/5 dinilai/ })).toBeTruthy();
    within(scaleOf('Informasi & kepatuhan label')).getAllByRole('radio')[0]?.focus();
    await user.keyboard('5');
    expect(await screen.findByRole('heading', { name: /^Kualitas Subtotal 100,0 · 1\/5 dinilai/ })).toBeTruthy();
    await user.keyboard('1');
    // Label (30) at 100 and legibility (20) at 0: 30 / 50 = 60.
    expect(await screen.findByRole('heading', { name: /^Kualitas Subtotal 60,0 · 2\/5 dinilai/ })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Nilai keseluruhan' }).textContent).toBe('60,0');
    expect(screen.getByText('Sementara: 2 dari 10 kriteria dinilai')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Kualitas 60,0; Inovasi belum dinilai; Keseluruhan 60,0/ })).toBeTruthy();
  });

  it('keeps Submit disabled, saying why, until every criterion and the verdict are set; then submits and reopens', async () => {
    const user = userEvent.setup();
    const { db, reviewId } = await openPanel();
    const submit = screen.getByRole('button', { name: 'Kirim penilaian' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(submit.getAttribute('aria-describedby')).toBe('submit-reason');
    expect(screen.getByText('Belum bisa dikirim: 10 kriteria belum dinilai, putusan belum dipilih.')).toBeTruthy();

    within(scaleOf('Informasi & kepatuhan label')).getAllByRole('radio')[0]?.focus();
    await user.keyboard('4443344332');
    await screen.findByText('Belum bisa dikirim: putusan belum dipilih.');
    // After the last criterion, focus is on the verdict.
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Siap pasar' }));
    await user.click(screen.getByRole('radio', { name: 'Perbaikan kecil' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Kirim penilaian' }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(/Belum bisa dikirim/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));
    expect(await screen.findByText('Terkirim')).toBeTruthy();
    expect((await db.reviews.get(reviewId))?.status).toBe('submitted');
    // Locked: the scale cannot be changed until reopened.
    expect((within(scaleOf('Orisinalitas')).getAllByRole('radio')[0] as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Buka lagi untuk mengubah' })));
    await user.click(screen.getByRole('button', { name: 'Buka lagi untuk mengubah' }));
    expect(await screen.findByText('Draf')).toBeTruthy();
    expect((await db.reviews.get(reviewId))?.status).toBe('draft');
  });

  it("gathers the mentor's own annotations into the lists, keeps edits, and shows linked counts", async () => {
    const user = userEvent.setup();
    const { db, reviewId } = await openPanel(true);
    expect(screen.getByRole('button', { name: 'Anotasi tertaut: 1' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kumpulkan dari anotasi (3 baru)' }));
    await waitFor(async () =>
      expect(await db.reviews.get(reviewId)).toMatchObject({
        mustFix: ['Tambahkan nomor P-IRT'],
        suggestions: ['Keterbacaan'],
        strengths: ['Warna merek kuat'],
      }),
    );
    const item = await screen.findByRole('textbox', { name: 'Wajib diperbaiki nomor 1' });
    await user.clear(item);
    await user.type(item, 'Cantumkan nomor P-IRT di belakang');
    await user.tab();
    await waitFor(async () => expect((await db.reviews.get(reviewId))?.mustFix).toEqual(['Cantumkan nomor P-IRT di belakang']));
    // The edit stays; gathering again would offer only the annotation's own text, as one new item.
    expect(await screen.findByRole('button', { name: 'Kumpulkan dari anotasi (1 baru)' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Butir baru untuk Saran' }), 'Coba kemasan standing pouch{Enter}');
    await waitFor(async () => expect((await db.reviews.get(reviewId))?.suggestions).toEqual(['Keterbacaan', 'Coba kemasan standing pouch']));
    await user.click(screen.getByRole('button', { name: 'Hapus Saran nomor 1' }));
    await waitFor(async () => expect((await db.reviews.get(reviewId))?.suggestions).toEqual(['Coba kemasan standing pouch']));
  });
});
