import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ensurePresetRubrics } from '#renderer/src/data/rubricsRepo.ts';
import { RubricEditorScreen } from '#renderer/src/features/rubrics/RubricEditorScreen.tsx';
import { RubricsScreen } from '#renderer/src/features/rubrics/RubricsScreen.tsx';
import { renderWithStudio } from '../renderWithStudio.tsx';

const routes = [
  { path: '/rubrics', element: <RubricsScreen /> },
  { path: '/rubrics/:rubricId', element: <RubricEditorScreen /> },
];

const AWARDS = 'Gaya Penghargaan Kemasan';

function openLibrary(language: 'id' | 'en' = 'id') {
  return renderWithStudio(routes, { language, seed: async () => '/rubrics' });
}

const jsonFile = (name: string, data: unknown) => new File([typeof data === 'string' ? data : JSON.stringify(data)], name, { type: 'application/json' });

describe('rubric library', () => {
  it('seeds the presets on first visit and lists them published', async () => {
    await openLibrary();
    const row = await screen.findByRole('row', { name: new RegExp(AWARDS) });
    expect(within(row).getByText('Bawaan')).toBeTruthy();
    expect(within(row).getByRole('link', { name: /v1 · Terbit/ })).toBeTruthy();
    expect(within(row).getByText('4')).toBeTruthy();
    expect(screen.getByRole('row', { name: /MJC Kualitas & Inovasi Kemasan/ })).toBeTruthy();
  });

  it('starts a new rubric from a preset and opens its draft', async () => {
    const user = userEvent.setup();
    const { db } = await openLibrary();
    await screen.findByRole('row', { name: new RegExp(AWARDS) });
    await user.click(screen.getByRole('button', { name: 'Rubrik baru' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Rubrik baru' }));
    await user.click(dialog.getByLabelText(`Salinan preset “${AWARDS}”`));
    await user.click(dialog.getByRole('button', { name: 'Buat' }));
    expect(await screen.findByText('Versi 1 · Draf')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: AWARDS })).toBeTruthy();
    const drafts = (await db.rubrics.toArray()).filter((r) => r.status === 'draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.familyId.startsWith('preset:')).toBe(false);
  });

  it('refuses files it cannot import, saying why, in the UI language', async () => {
    const user = userEvent.setup();
    const { db } = await openLibrary('en');
    await screen.findByRole('row', { name: /Packaging Awards Style/ });
    const input = screen.getByLabelText('Choose a rubric JSON file to import');
    await user.upload(input, jsonFile('notes.json', '{ "oops": '));
    expect(await screen.findByText('“notes.json” could not be imported: it is not JSON.')).toBeTruthy();
    await user.upload(input, jsonFile('bundle.json', { format: 'kemas-bundle', formatVersion: 1 }));
    expect(await screen.findByText('“bundle.json” could not be imported: it is not a Kemas Studio rubric file.')).toBeTruthy();
    await user.upload(
      input,
      jsonFile('broken.json', { format: 'kemas-rubric', formatVersion: 1, exportedAt: '2026-11-28T09:00:00Z', rubric: { name: { id: 'X', en: 'X' }, groups: [{ id: 'g' }] } }),
    );
    expect(
      await screen.findByText('“broken.json” could not be imported: it does not follow the rubric format (first problem at rubric.groups[0].name).'),
    ).toBeTruthy();
    await user.upload(input, jsonFile('future.json', { format: 'kemas-rubric', formatVersion: 99 }));
    expect(
      await screen.findByText(
        '“future.json” could not be imported: it was made by a newer Kemas Studio (format version 99). Update the app to open it.',
      ),
    ).toBeTruthy();
    expect(await db.rubrics.count()).toBe(2);
  });

  it('archives a rubric into the archive section and reactivates it', async () => {
    const user = userEvent.setup();
    const { db } = await openLibrary();
    await screen.findByRole('row', { name: new RegExp(AWARDS) });
    await user.click(screen.getByRole('button', { name: `Arsipkan ${AWARDS}` }));
    const archive = within(await screen.findByRole('region', { name: 'Arsip' }));
    const row = archive.getByRole('row', { name: new RegExp(AWARDS) });
    expect(within(row).getByRole('link', { name: /v1 · Diarsipkan/ })).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: `Aktifkan lagi ${AWARDS}` }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Arsip' })).toBeNull());
    expect((await db.rubrics.toArray()).every((r) => r.status === 'published')).toBe(true);
  });

  it('deletes a draft from the editor and brings it back with Undo', async () => {
    const user = userEvent.setup();
    const { db } = await renderWithStudio(routes, {
      seed: async (db2) => {
        await ensurePresetRubrics(db2);
        return '/rubrics';
      },
    });
    await user.click(await screen.findByRole('button', { name: `Versi baru dari ${AWARDS}` }));
    await user.click(await screen.findByRole('button', { name: 'Hapus draf' }));
    expect(await screen.findByText(`Draf “${AWARDS}” dihapus.`)).toBeTruthy();
    const row = await screen.findByRole('row', { name: new RegExp(AWARDS) });
    expect(within(row).queryByRole('link', { name: /v2/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Urungkan' }));
    expect(await within(row).findByRole('link', { name: /v2 · Draf/ })).toBeTruthy();
    expect((await db.rubrics.toArray()).filter((r) => r.deletedAt === null)).toHaveLength(3);
  });
});
