import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

/** The header control that names the mentor reviewing now. */
const mentorButton = (page: Page) => page.getByRole('button', { name: /Ganti mentor$/ });

/** Who last edited a workshop, by name, read straight from IndexedDB (Dexie v1 is IndexedDB version 10). */
async function workshopEditor(page: Page, workshopName: string): Promise<string | undefined> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kemas-studio');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const workshops = await all<{ name: string; updatedBy: string }>('workshops');
    const mentors = await all<{ id: string; name: string }>('mentors');
    db.close();
    const workshop = workshops.find((w) => w.name === name);
    return mentors.find((m) => m.id === workshop?.updatedBy)?.name;
  }, workshopName);
}

test('two mentors share a laptop: add a second, switch, work in their name, switch back, and a reload keeps the choice', async ({
  page,
}) => {
  await openStudio(page);
  await introduceMentor(page, 'Dewi Lestari', 'Rumah Kurasi');
  await expect(mentorButton(page)).toHaveText(/Dewi Lestari/);

  // The control opens a dialog with the current mentor and a way to add another.
  await mentorButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Ganti mentor' });
  await expect(dialog.getByText('Sedang menelaah', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Belum ada mentor lain di laptop ini.')).toBeVisible();
  await expectAccessible(page);

  // An empty name is refused with a message; nothing changes.
  await dialog.getByRole('button', { name: 'Tambah dan beralih' }).click();
  await expect(dialog.getByText('Isian ini wajib diisi.')).toBeVisible();
  await dialog.getByLabel('Nama').fill('Budi Santoso');
  await dialog.getByLabel('Organisasi').fill('Dinas Koperasi Madiun');
  await dialog.getByRole('button', { name: 'Tambah dan beralih' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Sekarang menelaah: Budi Santoso.')).toBeVisible();
  await expect(mentorButton(page)).toHaveText(/Budi Santoso/);

  // What Budi does now is recorded in his name.
  await page.getByRole('button', { name: 'Workshop baru' }).first().click();
  await page.getByLabel('Nama workshop').fill('Workshop Madiun');
  await page.getByLabel('Wilayah (Bakorwil)').fill('Madiun');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('heading', { name: 'Workshop Madiun', level: 1 })).toBeVisible();
  expect(await workshopEditor(page, 'Workshop Madiun')).toBe('Budi Santoso');

  // Back to Dewi, from the keyboard alone.
  await mentorButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Budi Santoso', { exact: true })).toBeVisible();
  const toDewi = dialog.getByRole('button', { name: /Beralih ke Dewi Lestari/ });
  await expect(toDewi).toContainText('Rumah Kurasi');
  await expectAccessible(page);
  await screenshot(page, 'identity-switch-dialog');
  for (let presses = 0; presses < 6 && !(await toDewi.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(toDewi).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Sekarang menelaah: Dewi Lestari.')).toBeVisible();
  await expect(mentorButton(page)).toHaveText(/Dewi Lestari/);
  // The screen below stays where it was, now for Dewi.
  await expect(page.getByRole('heading', { name: 'Workshop Madiun', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'identity-switched-back');

  // The choice is kept: Budi was added last, yet Dewi is still reviewing after a reload.
  await page.reload();
  await waitForReady(page);
  await expect(mentorButton(page)).toHaveText(/Dewi Lestari/);
  await expect(page.getByRole('heading', { name: 'Workshop Madiun', level: 1 })).toBeVisible();

  // And the other way round.
  await mentorButton(page).click();
  await dialog.getByRole('button', { name: /Beralih ke Budi Santoso/ }).click();
  await expect(mentorButton(page)).toHaveText(/Budi Santoso/);
  await page.reload();
  await waitForReady(page);
  await expect(mentorButton(page)).toHaveText(/Budi Santoso/);
});

test('the profile is edited from the switch dialog', async ({ page }) => {
  await openStudio(page);
  await introduceMentor(page, 'Dewi Lestar', 'Rumah Kurasi');
  await mentorButton(page).click();
  await page.getByRole('dialog', { name: 'Ganti mentor' }).getByRole('button', { name: 'Ubah profil saya' }).click();
  const profile = page.getByRole('dialog', { name: 'Profil penelaah' });
  await expect(profile.getByLabel('Nama')).toHaveValue('Dewi Lestar');
  await profile.getByLabel('Nama').fill('Dewi Lestari');
  await profile.getByRole('button', { name: 'Simpan' }).click();
  await expect(profile).toBeHidden();
  await expect(mentorButton(page)).toHaveText(/Dewi Lestari/);
  await expect(mentorButton(page)).toBeFocused();
});
