import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkshopScreen } from '#renderer/src/features/workshops/WorkshopScreen.tsx';
import { renderWithStudio } from '../renderWithStudio.tsx';
import { seedSession, seedWorkshop, submitReview } from '../sessions/sessionFixture.ts';

// jsdom has no layout: the virtual grid would draw no row in a box of height 0. Give every box a size.
const sizes = ['clientWidth', 'clientHeight'] as const;
beforeEach(() => {
  for (const key of sizes) Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => 800 });
});
afterEach(() => {
  // Element.prototype keeps jsdom's own getters; drop the shadowing ones.
  for (const key of sizes) Reflect.deleteProperty(HTMLElement.prototype, key);
});

describe('picking submissions in the library for critique packs', () => {
  it('toggles cards from the keyboard, selects all shown, counts, and exports only the selection', async () => {
    const user = userEvent.setup();
    await renderWithStudio([{ path: '/workshops/:workshopId', element: <WorkshopScreen /> }], {
      seed: async (db, me) => {
        const fixture = await seedWorkshop(db, me);
        const session = await seedSession(db, me, fixture);
        await submitReview(db, session, fixture.submissionIds.keripik2, me.id, 4);
        return `/workshops/${fixture.workshopId}?view=gallery`;
      },
    });
    // Newest versions only, by default: Keripik v2 and Kopi v1.
    const keripik = await screen.findByRole('checkbox', { name: 'Pilih Keripik Sari versi 2' });
    const kopi = screen.getByRole('checkbox', { name: 'Pilih Kopi Ijen versi 1' });
    expect(screen.getByText('Dipilih: 0')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ekspor paket kritik (0)…' })).toHaveProperty('disabled', true);

    // Space toggles a card, and toggles it back.
    keripik.focus();
    await user.keyboard(' ');
    expect(keripik).toHaveProperty('checked', true);
    expect(screen.getByText('Dipilih: 1')).toBeTruthy();
    await user.keyboard(' ');
    expect(keripik).toHaveProperty('checked', false);
    expect(screen.getByText('Dipilih: 0')).toBeTruthy();

    // "Select all shown" takes what the filter shows, and the selection outlives the filter.
    await user.type(screen.getByLabelText('Cari usaha, pemilik, atau produk'), 'Kopi');
    await user.click(screen.getByRole('button', { name: 'Pilih semua yang tampil' }));
    expect(screen.getByText('Dipilih: 1')).toBeTruthy();
    await user.clear(screen.getByLabelText('Cari usaha, pemilik, atau produk'));
    expect(screen.getByRole('checkbox', { name: 'Pilih Kopi Ijen versi 1' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Pilih Keripik Sari versi 2' })).toHaveProperty('checked', false);
    await user.click(screen.getByRole('checkbox', { name: 'Pilih Keripik Sari versi 2' }));
    expect(screen.getByText('Dipilih: 2')).toBeTruthy();

    // The batch dialog makes packs for the selection only, and says which one has no review yet.
    await user.click(screen.getByRole('button', { name: 'Ekspor paket kritik (2)…' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Ekspor paket kritik: 2 kiriman terpilih' }));
    expect(dialog.getByText(/kiriman terpilih yang sudah punya penilaian terkirim/)).toBeTruthy();
    expect(await dialog.findByText('Akan dibuat: 1 paket.')).toBeTruthy();
    expect(dialog.getByText('Kopi Ijen versi 1: belum ada penilaian terkirim')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Tutup' }));

    // "Clear selection" empties it.
    await user.click(screen.getByRole('button', { name: 'Batal pilih' }));
    expect(screen.getByText('Dipilih: 0')).toBeTruthy();
    expect(kopi).toHaveProperty('checked', false);
  });
});
