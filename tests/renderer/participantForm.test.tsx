import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createWorkshop } from '#renderer/src/data/workshopsRepo.ts';
import { WorkshopScreen } from '#renderer/src/features/workshops/WorkshopScreen.tsx';
import { renderWithStudio } from './renderWithStudio.tsx';

function openWorkshop() {
  return renderWithStudio([{ path: '/workshops/:workshopId', element: <WorkshopScreen /> }], {
    seed: async (db, mentor) => {
      const fields = { name: 'Workshop Malang', region: 'Malang', venue: '', startDate: null, endDate: null, rubricId: null, notes: '' };
      const w = await createWorkshop(db, fields, mentor.id);
      return `/workshops/${w.id}`;
    },
  });
}

describe('participant form', () => {
  it('explains each wrong field in Indonesian and saves nothing until they are fixed', async () => {
    const user = userEvent.setup();
    const { db } = await openWorkshop();
    await user.click((await screen.findAllByRole('button', { name: 'Peserta baru' }))[0] as HTMLElement);
    const form = within(await screen.findByRole('dialog', { name: 'Peserta baru' }));
    await user.type(form.getByLabelText(/Lebar/), 'lebar');
    await user.click(form.getByRole('button', { name: 'Simpan' }));
    expect(await form.findAllByText('Isian ini wajib diisi.')).toHaveLength(2); // business and category
    expect(form.getAllByText('Masukkan angka lebih dari 0.')).toHaveLength(2); // width typed wrong, height missing
    expect(form.getByLabelText(/Nama usaha/).getAttribute('aria-invalid')).toBe('true');
    expect(await db.participants.count()).toBe(0);

    await user.type(form.getByLabelText(/Nama usaha/), 'Jamu Mbok Darmi');
    await user.selectOptions(form.getByLabelText(/Kategori/), 'herbal');
    await user.clear(form.getByLabelText(/Lebar/));
    await user.type(form.getByLabelText(/Lebar/), '200,5');
    await user.type(form.getByLabelText(/Tinggi/), '70');
    await user.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(async () => expect(await db.participants.count()).toBe(1));
    const [saved] = await db.participants.toArray();
    expect(saved).toMatchObject({
      business: 'Jamu Mbok Darmi',
      category: 'herbal',
      updatedBy: expect.any(String),
      packDimensions: { widthMm: 200.5, heightMm: 70, depthMm: 0 },
    });
    expect(await screen.findByRole('link', { name: 'Jamu Mbok Darmi' })).toBeTruthy();
  });

  it('deletes a participant and brings it back with Undo', async () => {
    const user = userEvent.setup();
    const { db } = await openWorkshop();
    await user.click((await screen.findAllByRole('button', { name: 'Peserta baru' }))[0] as HTMLElement);
    const form = within(await screen.findByRole('dialog', { name: 'Peserta baru' }));
    await user.type(form.getByLabelText(/Nama usaha/), 'Kopi Ijen');
    await user.selectOptions(form.getByLabelText(/Kategori/), 'beverage');
    await user.click(form.getByRole('button', { name: 'Simpan' }));
    await user.click(await screen.findByRole('button', { name: 'Hapus peserta Kopi Ijen' }));
    expect(await screen.findByText('Belum ada peserta')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Urungkan' }));
    expect(await screen.findByRole('link', { name: 'Kopi Ijen' })).toBeTruthy();
    const [row] = await db.participants.toArray();
    expect(row?.deletedAt).toBeNull();
  });
});
