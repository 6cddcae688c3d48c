import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KemasDatabase } from '#renderer/src/data/db.ts';
import { createDraft, ensurePresetRubrics, presetRubricId } from '#renderer/src/data/rubricsRepo.ts';
import { RubricEditorScreen } from '#renderer/src/features/rubrics/RubricEditorScreen.tsx';
import { RubricsScreen } from '#renderer/src/features/rubrics/RubricsScreen.tsx';
import { MJC_QUALITY_INNOVATION } from '#shared/scoring/presets.ts';
import { renderWithStudio } from '../renderWithStudio.tsx';

const routes = [
  { path: '/rubrics', element: <RubricsScreen /> },
  { path: '/rubrics/:rubricId', element: <RubricEditorScreen /> },
];

async function openBlankDraft(language: 'id' | 'en' = 'id') {
  let draftId = '';
  const view = await renderWithStudio(routes, {
    language,
    seed: async (db, mentor) => {
      draftId = (await createDraft(db, 'blank', mentor.id)).id;
      return `/rubrics/${draftId}`;
    },
  });
  return { ...view, draftId };
}

const stored = async (db: KemasDatabase, id: string) => {
  const r = await db.rubrics.get(id);
  if (!r) throw new Error('gone');
  return r;
};

describe('rubric editor', () => {
  it('keeps Publish disabled and lists why until names and every descriptor are written in both languages, then publishes', async () => {
    const user = userEvent.setup();
    const { db, draftId } = await openBlankDraft('en');
    const publish = await screen.findByRole('button', { name: 'Publish' });
    expect((publish as HTMLButtonElement).disabled).toBe(true);
    const panel = screen.getByRole('region', { name: 'Publish' });
    expect(within(panel).getByRole('button', { name: 'The rubric has no name yet (Bahasa Indonesia and English).' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Criterion 1.1: 10 level descriptors are not written yet.' })).toBeTruthy();

    // A reason moves focus to the field that fixes it.
    await user.click(within(panel).getByRole('button', { name: /The rubric has no name yet/ }));
    expect(document.activeElement?.id).toBe('rubric-name-id');

    const nameFields = screen.getAllByLabelText('Name (Bahasa Indonesia)');
    const enFields = screen.getAllByLabelText('Name (English)');
    await user.type(nameFields[0] as HTMLElement, 'Rubrik Batik');
    await user.type(enFields[0] as HTMLElement, 'Batik rubric');
    await user.type(nameFields[1] as HTMLElement, 'Motif');
    await user.type(enFields[1] as HTMLElement, 'Pattern');
    await user.type(nameFields[2] as HTMLElement, 'Keaslian motif');
    await user.type(enFields[2] as HTMLElement, 'Pattern authenticity');
    expect(within(panel).getByRole('button', { name: 'Criterion 1.1 (Pattern authenticity): 10 level descriptors are not written yet.' })).toBeTruthy();
    for (const score of [1, 2, 3, 4, 5]) {
      await user.type(screen.getByLabelText(`Level ${score} descriptor (Bahasa Indonesia)`), `Tingkat ${score}`);
      await user.type(screen.getByLabelText(`Level ${score} descriptor (English)`), `Level ${score}`);
    }
    expect(await within(panel).findByText('Ready to publish. Once published, this version can no longer change.')).toBeTruthy();
    expect((publish as HTMLButtonElement).disabled).toBe(false);
    await waitFor(async () => expect((await stored(db, draftId)).groups[0]?.criteria[0]?.levels[4]?.descriptor.en).toBe('Level 5'));
    expect(await within(panel).findByText('Saved')).toBeTruthy();

    await user.click(publish);
    expect(await screen.findByText(/This version is published and cannot change/)).toBeTruthy();
    expect((await stored(db, draftId)).status).toBe('published');
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Make new version' })).toBeTruthy();
  });

  it('checks group weights live: the sum, what to change, and the weight fields marked', async () => {
    const user = userEvent.setup();
    const { db, draftId } = await openBlankDraft();
    expect(await screen.findByText('Bobot kelompok: 100 = 100.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tambah kelompok' }));
    const weights = screen.getAllByLabelText('Bobot kelompok');
    expect((weights[1] as HTMLInputElement).value).toBe('0');
    await user.clear(weights[0] as HTMLElement);
    await user.type(weights[0] as HTMLElement, '62,5');
    expect(screen.getByText('Bobot kelompok: 62,5 + 0 = 62,5. Jumlahnya harus tepat 100 (tambah 37,5).')).toBeTruthy();
    expect(weights.every((w) => w.getAttribute('aria-invalid') === 'true')).toBe(true);
    await user.clear(weights[1] as HTMLElement);
    await user.type(weights[1] as HTMLElement, '37.5');
    expect(screen.getByText('Bobot kelompok: 62,5 + 37,5 = 100.')).toBeTruthy();
    await waitFor(async () => expect((await stored(db, draftId)).groups.map((g) => g.weight)).toEqual([62.5, 37.5]));

    // Something that is not a number is explained and never saved.
    await user.type(weights[1] as HTMLElement, 'x');
    expect(screen.getByText('Masukkan angka, misalnya 12,5.')).toBeTruthy();
    expect((await stored(db, draftId)).groups[1]?.weight).toBe(37.5);
  });

  it('changing a scale regenerates the levels, keeps surviving descriptors, and Ctrl+Z brings dropped ones back', async () => {
    const user = userEvent.setup();
    let draftId = '';
    const { db } = await renderWithStudio(routes, {
      seed: async (db2, mentor) => {
        draftId = (await createDraft(db2, { preset: MJC_QUALITY_INNOVATION }, mentor.id)).id;
        return `/rubrics/${draftId}`;
      },
    });
    const label = await screen.findByRole('region', { name: 'Kriteria 1.1: Informasi & kepatuhan label' });
    const max = within(label).getByLabelText('sampai');
    await user.clear(max);
    await user.type(max, '3');
    expect(await screen.findByText('Skala baru membuang 2 deskriptor berisi. Ctrl+Z mengembalikannya.')).toBeTruthy();
    expect(within(label).getByText('Deskriptor level (3)')).toBeTruthy();
    await waitFor(async () => expect((await stored(db, draftId)).groups[0]?.criteria[0]?.levels.map((l) => l.score)).toEqual([1, 2, 3]));

    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(await within(label).findByText('Deskriptor level (5)')).toBeTruthy();
    expect((max as HTMLInputElement).value).toBe('5');
    await waitFor(async () => {
      const levels = (await stored(db, draftId)).groups[0]?.criteria[0]?.levels;
      expect(levels?.[4]?.descriptor.en).toMatch(/^Complete, correct and well organised/);
    });

    // "To" below "from" is explained at the field and not applied.
    await user.clear(max);
    await user.type(max, '0');
    expect(within(label).getByText('Nilai “sampai” harus lebih besar dari “dari”.')).toBeTruthy();
    expect(within(label).getByText('Deskriptor level (5)')).toBeTruthy();
  });

  it('removes a criterion, says so, and undoes the removal', async () => {
    const user = userEvent.setup();
    let draftId = '';
    const { db } = await renderWithStudio(routes, {
      seed: async (db2, mentor) => {
        draftId = (await createDraft(db2, { preset: MJC_QUALITY_INNOVATION }, mentor.id)).id;
        return `/rubrics/${draftId}`;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Hapus kriteria 1.3 Kualitas cetak & produksi' }));
    expect(await screen.findByText('Kriteria 1.3: Kualitas cetak & produksi dihapus. Ctrl+Z mengembalikannya.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Kualitas cetak/ })).toBeNull();
    expect(document.activeElement?.id).toBe('rubric-g0-add');
    await waitFor(async () => expect((await stored(db, draftId)).groups[0]?.criteria).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Urungkan' }));
    expect(await screen.findByRole('region', { name: 'Kriteria 1.3: Kualitas cetak & produksi' })).toBeTruthy();
    await waitFor(async () => expect((await stored(db, draftId)).groups[0]?.criteria).toHaveLength(5));
  });

  it('shows a published preset read-only and makes a new version from it', async () => {
    const user = userEvent.setup();
    const { db } = await renderWithStudio(routes, {
      seed: async (db2) => {
        await ensurePresetRubrics(db2);
        return `/rubrics/${presetRubricId(MJC_QUALITY_INNOVATION)}`;
      },
    });
    expect(await screen.findByText('Versi 1 · Terbit')).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.getByRole('img', { name: /^Porsi bobot: Kualitas 60%; Informasi & kepatuhan label 18%/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Buat versi baru' }));
    expect(await screen.findByText('Versi 2 · Draf')).toBeTruthy();
    expect(screen.getByRole('link', { name: /^MJC Kualitas & Inovasi Kemasan,\s*v1 · Terbit$/ })).toBeTruthy();
    expect(await db.rubrics.count()).toBe(3);
  });
});
