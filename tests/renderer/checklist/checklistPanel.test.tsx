import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { getChecklist, setItemStatus } from '#renderer/src/data/labelChecklistsRepo.ts';
import { annotation, participant, renderChecklist } from './renderChecklist.tsx';

let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  // A missing translation is logged as an error by i18n.ts: no screen state here may have one.
  const missing = consoleError.mock.calls.filter((call) => String(call[0]).includes('Missing translation'));
  consoleError.mockRestore();
  expect(missing).toEqual([]);
});

/** The fieldset of one label item, found by its legend. */
const item = (name: string) => within(screen.getByRole('group', { name }));

describe('label checklist panel', () => {
  it('saves a status the moment it is chosen, in the mentor’s name, and counts it', async () => {
    const user = userEvent.setup();
    const { db, key, mentorId } = await renderChecklist({});
    expect(await screen.findByText('0 dari 10 butir sudah dicek')).toBeTruthy();
    expect(await getChecklist(db, key)).toBeNull(); // nothing is stored before the first edit

    await user.click(item('Daftar bahan (komposisi)').getByRole('radio', { name: 'Tidak ada' }));
    await waitFor(async () => expect((await getChecklist(db, key))?.items.ingredients?.status).toBe('missing'));
    expect((await getChecklist(db, key))?.updatedBy).toBe(mentorId);
    expect(await screen.findByText('1 dari 10 butir sudah dicek')).toBeTruthy();
    expect(screen.getByText('Perlu diperbaiki: Daftar bahan (komposisi)')).toBeTruthy();
    expect(screen.getByText('Belum ada bukti anotasi: Daftar bahan (komposisi)')).toBeTruthy();
    expect(item('Daftar bahan (komposisi)').getByText('Butuh bukti: tautkan anotasi pada desain.')).toBeTruthy();
    expect(screen.getByRole('img', { name: /1 tidak ada, 0 salah, 0 tidak berlaku, 9 belum dicek/ })).toBeTruthy();
  });

  it('works from the keyboard: arrows within an item, digits choose and move on to the next item', async () => {
    const user = userEvent.setup();
    const { db, key } = await renderChecklist({});
    const present = (await screen.findAllByRole('radio', { name: 'Ada' }))[0] as HTMLElement;
    present.focus();
    await user.keyboard('3'); // 3 = wrong, then on to the next item
    await waitFor(async () => expect((await getChecklist(db, key))?.items['product-name']?.status).toBe('wrong'));
    const ingredients = item('Daftar bahan (komposisi)');
    expect(document.activeElement).toBe(ingredients.getByRole('radio', { name: 'Ada' }));
    await user.keyboard('1');
    await waitFor(async () => expect((await getChecklist(db, key))?.items.ingredients?.status).toBe('present'));
    expect(document.activeElement).toBe(item('Berat/isi bersih (netto)').getByRole('radio', { name: 'Ada' }));

    // Back to the previous item's group: the arrow moves the choice within it.
    ingredients.getByRole('radio', { name: 'Ada' }).focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(async () => expect((await getChecklist(db, key))?.items.ingredients?.status).toBe('missing'));
  });

  it('asks for a status before a note, then saves the note as it is typed', async () => {
    const user = userEvent.setup();
    const { db, key } = await renderChecklist({});
    const producer = item('Nama dan alamat produsen');
    expect(await producer.findByText('Pilih status dulu untuk menulis catatan atau menautkan bukti.')).toBeTruthy();
    expect(producer.queryByRole('textbox')).toBeNull();
    await user.click(producer.getByRole('radio', { name: 'Salah' }));
    await user.type(await producer.findByRole('textbox', { name: /Catatan/ }), 'Alamat tanpa kota');
    await waitFor(async () => expect((await getChecklist(db, key))?.items.producer?.note).toBe('Alamat tanpa kota'));
  });

  it('links one of the mentor’s annotations as proof and shows its number and comment', async () => {
    const user = userEvent.setup();
    const onShow = vi.fn();
    const { db, key } = await renderChecklist({
      onShow,
      annotations: ({ dewi, budi }) => [
        annotation('a1', dewi, 1, { comment: 'Logo terlalu kecil' }),
        annotation('a3', dewi, 3, { comment: 'Netto tidak terbaca di latar gelap' }),
        annotation('b1', budi, 7, { comment: 'Punya Budi' }),
      ],
    });
    const net = item('Berat/isi bersih (netto)');
    await user.click(await net.findByRole('radio', { name: 'Salah' }));
    const select = await net.findByRole('combobox', { name: /Tautkan anotasi/ });
    // Only Dewi's own annotations can be linked.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '— Tidak ditautkan —',
      '1. Logo terlalu kecil',
      '3. Netto tidak terbaca di latar gelap',
    ]);
    await user.selectOptions(select, 'a3');
    await waitFor(async () => expect((await getChecklist(db, key))?.items['net-content']?.annotationId).toBe('a3'));
    expect(await net.findByText('Netto tidak terbaca di latar gelap')).toBeTruthy();
    expect(net.getByText('3')).toBeTruthy();
    expect(net.queryByText('Butuh bukti: tautkan anotasi pada desain.')).toBeNull();
    expect(screen.getByText('Setiap temuan sudah dibuktikan dengan anotasi.')).toBeTruthy();
    await user.click(net.getByRole('button', { name: 'Tampilkan anotasi 3 di kanvas' }));
    expect(onShow).toHaveBeenCalledWith('a3');

    // Deleting the annotation on the canvas takes the proof away, and says so.
    await db.annotations.update('a3', { deletedAt: Date.now() });
    expect(await net.findByText('Anotasi yang ditautkan sudah dihapus.')).toBeTruthy();
    expect(net.getByText('Butuh bukti: tautkan anotasi pada desain.')).toBeTruthy();
  });

  it('counts an annotation linked to the item from the canvas as proof, another mentor’s too', async () => {
    await renderChecklist({
      annotations: ({ budi }) => [annotation('b1', budi, 2, { comment: 'Logo halal versi lama', link: { to: 'checklist', item: 'halal-logo' } })],
    });
    const halal = item('Logo halal (desain BPJPH)');
    expect(await halal.findByText(/Logo halal versi lama/)).toBeTruthy();
    expect(halal.getByText(/ditautkan dari anotasinya/)).toBeTruthy();
    expect(halal.getByText(/anotasi Budi/)).toBeTruthy();
    expect(halal.getByRole('button', { name: 'Tampilkan anotasi 2 di kanvas' })).toBeTruthy();
  });

  it('says the P-IRT code does not match a declared glass jar when it names plastic', async () => {
    await renderChecklist({ participant: participant({ registrationNumber: 'P-IRT 2063507010123-29', packagingMaterial: 'glass' }) });
    const box = within(await screen.findByRole('region', { name: 'Nomor registrasi' }));
    expect(box.getByText('P-IRT 2063507010123-29')).toBeTruthy();
    expect(box.getByText('P-IRT (pangan industri rumah tangga)')).toBeTruthy();
    const digits = within(box.getByRole('table', { name: 'Arti angka P-IRT' }));
    expect(digits.getByRole('row', { name: /Kemasan \(angka 1\)/ }).textContent).toContain('2 — Plastik');
    expect(digits.getByRole('row', { name: /Provinsi dan kabupaten/ }).textContent).toContain('3507');
    expect(digits.getByRole('row', { name: /Berlaku sampai/ }).textContent).toContain('2029');
    expect(box.getByText('Tidak cocok: kode kemasan 2 berarti Plastik, tetapi peserta menyatakan Kaca.')).toBeTruthy();
  });

  it('says a matching code matches, and why a BPOM MD number cannot be checked', async () => {
    const first = await renderChecklist({ participant: participant({ registrationNumber: '1063507010123-29', packagingMaterial: 'glass' }) });
    expect(await screen.findByText('Cocok: kode kemasan 1 (Gelas/kaca) sesuai dengan bahan yang dinyatakan, Kaca.')).toBeTruthy();
    first.unmount();
    await renderChecklist({ participant: participant({ registrationNumber: 'BPOM RI MD 235602169254', packagingMaterial: 'glass' }) });
    expect(await screen.findByText('BPOM MD (pangan olahan produksi dalam negeri)')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(
      screen.getByText('Tidak bisa dicek: nomor BPOM MD/ML tidak memuat kode kemasan, jadi bahan kemasan tidak bisa dicek dari nomornya.'),
    ).toBeTruthy();
  });

  it('compares the number read on the artwork with the declared one and keeps it', async () => {
    const user = userEvent.setup();
    const { db, key } = await renderChecklist({
      participant: participant({ registrationNumber: 'P-IRT 2063507010123-29', packagingMaterial: 'plastic' }),
    });
    const field = await screen.findByLabelText('Nomor yang tertulis pada kemasan');
    await user.type(field, 'PIRT 1063507010123-29');
    expect(await screen.findByText('Berbeda dengan nomor yang dinyatakan.')).toBeTruthy();
    expect(screen.getByText(/Nomor pada kemasan: Tidak cocok: kode kemasan 1 berarti Gelas\/kaca/)).toBeTruthy();
    await waitFor(async () => expect((await getChecklist(db, key))?.registrationOnLabel).toBe('PIRT 1063507010123-29'));
    await user.clear(field);
    await user.type(field, '206 3507 01 0123 29');
    expect(await screen.findByText('Sama dengan nomor yang dinyatakan.')).toBeTruthy();
  });

  it('suggests not-applicable items with their reason, applies them, and undoes', async () => {
    const user = userEvent.setup();
    const { db, key } = await renderChecklist({ participant: participant({}, 'spice') });
    const suggestions = within(await screen.findByRole('region', { name: 'Saran: tidak berlaku' }));
    expect(suggestions.getByText(/logo halal hanya boleh dicantumkan pada produk bersertifikat/)).toBeTruthy();
    expect(suggestions.getByText(/dikecualikan dari kewajiban informasi nilai gizi/)).toBeTruthy();
    await user.click(suggestions.getByRole('button', { name: 'Terapkan semua saran' }));
    await waitFor(async () => {
      const items = (await getChecklist(db, key))?.items;
      expect([items?.['halal-logo']?.status, items?.['nutrition-facts']?.status]).toEqual(['not-applicable', 'not-applicable']);
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Saran: tidak berlaku' })).toBeNull());
    expect(item('Informasi nilai gizi').getByRole('radio', { name: 'Tidak berlaku' })).toHaveProperty('checked', true);
    expect(await screen.findByText('Ditandai tidak berlaku: Logo halal (desain BPJPH) dan Informasi nilai gizi.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Urungkan' }));
    await waitFor(async () => expect((await getChecklist(db, key))?.items).toEqual({}));
    expect(await screen.findByRole('region', { name: 'Saran: tidak berlaku' })).toBeTruthy();
  });

  it('shows another mentor’s checklist read-only, with its proof still reachable', async () => {
    const onShow = vi.fn();
    const { db, ids } = await renderChecklist({
      readOnly: true,
      as: 'budi',
      onShow,
      annotations: ({ budi }) => [annotation('b4', budi, 4, { comment: 'Tanggal kedaluwarsa hilang' })],
    });
    await setItemStatus(db, { submissionId: 'submission-1', mentorId: ids.budi }, 'best-before', 'missing');
    const best = item('Tanggal kedaluwarsa (baik digunakan sebelum)');
    expect(await screen.findByText('Daftar periksa ini milik mentor lain dan hanya dapat dilihat.')).toBeTruthy();
    await waitFor(() => expect(best.getByRole('radio', { name: 'Tidak ada' })).toHaveProperty('checked', true));
    for (const radio of screen.getAllByRole('radio')) expect(radio).toHaveProperty('disabled', true);
    expect(screen.queryByRole('textbox', { name: /Catatan/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Saran: tidak berlaku' })).toBeNull();
    expect(screen.getByLabelText('Nomor yang tertulis pada kemasan')).toHaveProperty('disabled', true);
    expect(best.getByText('Butuh bukti: tautkan anotasi pada desain.')).toBeTruthy();
  });

  it('speaks English with every message translated', async () => {
    const user = userEvent.setup();
    await renderChecklist({
      language: 'en',
      participant: participant({ registrationNumber: '2063507010123-24', packagingMaterial: null }, 'craft'),
      annotations: ({ dewi }) => [annotation('a1', dewi, 1, { comment: 'Pack size', link: { to: 'checklist', item: 'product-name' } })],
    });
    expect(await screen.findByRole('heading', { name: 'Label' })).toBeTruthy();
    expect(screen.getByText('Cannot check: the participant has not given the packaging material.')).toBeTruthy();
    expect(screen.getByText('This P-IRT expires in 2024.')).toBeTruthy();
    expect(screen.getAllByText(/do not ask for this item in the Craft category/)).toHaveLength(6);
    await user.click(item('Product name').getByRole('radio', { name: 'Present' }));
    expect(await screen.findByText('Every finding is proved by an annotation.')).toBeTruthy();
  });
});
