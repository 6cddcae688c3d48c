import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packImage } from './intakeFiles.ts';
import { dropFiles, expectAccessible, newWorkshop, openStudio, screenshot, tabTo } from './studio.ts';

/**
 * A whole review with the keyboard alone: no mouse, no click. Every control
 * is reached with Tab (or the keys the studio declares) and pressed with
 * Enter, Space or its own keys, as a mentor without a mouse would.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The number of marks the canvas draws. */
const marksDrawn = (page: Page) => page.getByTestId('canvas-stage').locator('canvas[data-marks]').getAttribute('data-marks');

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

/** Opens the demo workshop's first review from the keyboard. */
async function openDemoReviewByKeyboard(page: Page): Promise<void> {
  await openStudio(page);
  await tabTo(page, page.getByLabel('Nama'));
  await page.keyboard.type('Dewi Lestari');
  await tabTo(page, page.getByLabel('Organisasi'));
  await page.keyboard.type('Rumah Kurasi');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Workshop', level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Coba dengan contoh' }).first());
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Keripik Tempe Bu Sari' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Telaah versi 1' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Telaah Keripik Tempe Bu Sari · versi 1' })).toBeVisible();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
}

for (const size of SIZES) {
  test(`a whole review with the keyboard alone at ${size.width}×${size.height}: a mark of each kind, comments, a note typed on the canvas, scores, checklist, submitted`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openDemoReviewByKeyboard(page);
    const canvas = page.getByRole('application', { name: /^Kanvas Depan dengan \d+ anotasi/ });
    const said = page.getByTestId('canvas-announcer');
    const cursor = page.getByTestId('keyboard-cursor');

    // Tab reaches the canvas; the keyboard cursor shows in its middle.
    await tabTo(page, canvas);
    await expect(cursor).toBeVisible();

    // The Shortcuts dialog lists the canvas's keys, read from the same keymap; Esc gives the focus back.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Pintasan papan ketik' });
    const onCanvas = help.getByRole('region', { name: 'Di kanvas (saat kanvas difokuskan)' });
    await expect(onCanvas.getByRole('row', { name: /Ubah ukuran tanda yang dipilih/ })).toContainText('Alt+←');
    await expect(onCanvas.getByRole('row', { name: /Tanda berikutnya menurut nomor/ })).toContainText('Tab');
    await expect(help.getByRole('region', { name: 'Saat mengetik catatan di kanvas' })).toContainText('Shift+Enter');
    await expectAccessible(page);
    await screenshot(page, `keyboard-shortcuts-${size.width}`);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(canvas).toBeFocused();

    // A pin: P, the arrows, Enter. It is read out where it landed.
    await page.keyboard.press('p');
    await expect(said).toHaveText(/^Pin: gerakkan kursor dengan panah, lalu Enter untuk menaruh\./);
    await press(page, 'Shift+ArrowUp', 2);
    await expect(said).toHaveText(/^Kursor 50 %, \d+ %/);
    await page.keyboard.press('Enter');
    await expect(said).toHaveText(/^Pin 1 ditambahkan di 50 %, \d+ %/);
    await expect.poll(() => marksDrawn(page)).toBe('1');
    // The arrows move the selected pin.
    await page.keyboard.press('ArrowRight');
    await expect(said).toHaveText(/^Pin 1 dipindah ke 5\d %, \d+ %/);
    // Enter on it: its comment in the side panel. Severity and comment, then F6 back to the canvas.
    await page.keyboard.press('Enter');
    const comment = page.getByLabel('Komentar', { exact: true });
    await expect(comment).toBeFocused();
    await page.keyboard.type('Nomor P-IRT belum dicantumkan');
    // Back to the severity (Saran, the default, is the checked radio); ← chooses Wajib diperbaiki.
    await tabTo(page, page.getByRole('radio', { name: 'Saran', checked: true }), { back: true });
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: 'Wajib diperbaiki' })).toBeChecked();
    await page.keyboard.press('F6');
    await expect(canvas).toBeFocused();
    await expect(page.getByTestId('annotation-items')).toContainText('Wajib diperbaiki · ');
    await expect(page.getByTestId('annotation-items')).toContainText('Nomor P-IRT belum dicantumkan');

    // A box: R, Enter anchors, the arrows pull the other corner, Enter finishes; Alt+→ widens it.
    await page.keyboard.press('r');
    await press(page, 'Shift+ArrowLeft', 3);
    await page.keyboard.press('Enter');
    await expect(said).toHaveText(/^Titik awal di \d+ %, \d+ %\. Gerakkan panah ke ujung lainnya, lalu Enter\./);
    await press(page, 'Shift+ArrowRight', 2);
    await press(page, 'Shift+ArrowDown', 2);
    await page.keyboard.press('Enter');
    await expect(said).toHaveText(/^Kotak 2 ditambahkan di/);
    // The new box is selected in the same step as it is added: Alt+→ pressed at once resizes it.
    await page.keyboard.press('Alt+ArrowRight');
    await expect(said).toHaveText(/^Kotak 2: ukuran \d+ % × \d+ %/);
    await expect(page.getByTestId('annotation-items').locator('[aria-current="true"]').getByTestId('annotation-number')).toHaveText('2');

    // An ellipse, an arrow, a measure and a freehand stroke along the cursor's path, the same way.
    const twoPress = [
      ['e', 'Elips 3'],
      ['a', 'Panah 4'],
      ['m', 'Ukur 5'],
      ['f', 'Coretan 6'],
    ] as const;
    for (const [key, name] of twoPress) {
      await page.keyboard.press(key);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Enter');
      await press(page, 'Shift+ArrowRight', 2);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Enter');
      await expect(said).toHaveText(new RegExp(`^${name} ditambahkan di`));
    }
    await expect.poll(() => marksDrawn(page)).toBe('6');

    // A note typed in place on the canvas, mirrored in the side panel's field; Enter keeps it.
    await page.keyboard.press('t');
    await press(page, 'Shift+ArrowLeft', 4);
    await page.keyboard.press('Enter');
    const note = page.getByRole('textbox', { name: 'Teks catatan 7' });
    await expect(note).toBeFocused();
    await page.keyboard.type('Netto 100 g');
    await expect(page.getByLabel('Teks label')).toHaveValue('Netto 100 g');
    // An input method still composing: its Enter picks a character and must not save.
    await note.dispatchEvent('keydown', { key: 'Enter', isComposing: true, keyCode: 229, bubbles: true });
    await expect(note).toBeVisible();
    await screenshot(page, `keyboard-note-${size.width}`);
    await page.keyboard.press('Enter');
    await expect(note).toHaveCount(0);
    await expect(said).toHaveText('Teks 7 disimpan');
    await expect(canvas).toBeFocused();
    await expect(page.getByLabel('Teks label')).toHaveValue('Netto 100 g');
    // Esc drops a note begun and typed into.
    await page.keyboard.press('t');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Teks catatan 8' })).toBeFocused();
    await page.keyboard.type('salah');
    await page.keyboard.press('Escape');
    await expect(said).toHaveText('Teks 8 dibatalkan');
    await expect(canvas).toBeFocused();
    await expect.poll(() => marksDrawn(page)).toBe('7');

    // Tab walks the marks by number; Delete removes one, Ctrl+Z brings it back.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(said).toHaveText(/^Pin 1 dipilih, di \d+ %, \d+ %: Nomor P-IRT belum dicantumkan/);
    await page.keyboard.press('Tab');
    await expect(said).toHaveText(/^Kotak 2 dipilih/);
    await page.keyboard.press('Shift+Tab');
    await expect(said).toHaveText(/^Pin 1 dipilih/);
    await press(page, 'Tab', 5);
    await expect(said).toHaveText(/^Coretan 6 dipilih/);
    await page.keyboard.press('Delete');
    await expect(said).toHaveText('Coretan 6 dihapus. Ctrl+Z membatalkan.');
    await expect.poll(() => marksDrawn(page)).toBe('6');
    await page.keyboard.press('Control+z');
    await expect.poll(() => marksDrawn(page)).toBe('7');
    await expect(canvas).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, `keyboard-marks-${size.width}`);

    // Past the last mark, Tab leaves the canvas for the canvas controls.
    await page.keyboard.press('Escape');
    await press(page, 'Shift+Tab', 1);
    await expect(said).toHaveText(/^Teks 7 dipilih/);
    await page.keyboard.press('Tab');
    await expect(canvas).not.toBeFocused();
    await expect(page.getByRole('group', { name: 'Kontrol kanvas' }).getByRole('button').first()).toBeFocused();

    // Scores: F6 to the canvas and on to the side panel's tabs, → to Nilai, each criterion by its number key.
    await page.keyboard.press('F6');
    await expect(canvas).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F6');
    await expect(page.getByRole('tab', { name: 'Anotasi', selected: true })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeFocused();
    await tabTo(page, page.getByRole('radiogroup', { name: 'Informasi & kepatuhan label' }).getByRole('radio').first());
    for (const key of '4444444444') await page.keyboard.press(key);
    await expect(page.getByRole('radio', { name: 'Siap pasar' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Perbaikan kecil' })).toBeChecked();
    // Action items gathered from the marks; focus stays on the button.
    const gather = page.getByRole('button', { name: /^Kumpulkan dari anotasi \(\d+ baru\)$/ });
    await tabTo(page, gather);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Wajib diperbaiki nomor 1' })).toHaveValue('Nomor P-IRT belum dicantumkan');
    await expect(page.getByRole('button', { name: 'Kumpulkan dari anotasi' })).toBeFocused();

    // The checklist: back to the side tabs, → to Label, into the items, 1–4 for each.
    await tabTo(page, page.getByRole('tab', { name: 'Nilai', selected: true }), { back: true, max: 120 });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Label', selected: true })).toBeFocused();
    await tabTo(page, page.getByRole('group', { name: 'Nama produk', exact: true }).getByRole('radio').first());
    for (const key of '1111132111') await page.keyboard.press(key);
    await expect(page.getByRole('region', { name: 'Ringkasan' })).toContainText('10 dari 10 butir sudah dicek');
    await expectAccessible(page);
    await screenshot(page, `keyboard-checklist-${size.width}`);

    // Submitted from the keyboard.
    await tabTo(page, page.getByRole('tab', { name: 'Label', selected: true }), { back: true, max: 120 });
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Kirim penilaian' }), { max: 150 });
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buka lagi untuk mengubah' })).toBeFocused();
    await expectAccessible(page);
    await screenshot(page, `keyboard-submitted-${size.width}`);
  });
}

test('compare from the review of the first version opens on that face: version 1 against the latest', async ({ page }) => {
  const work = mkdtempSync(join(tmpdir(), 'kemas-keyboard-compare-'));
  try {
    const dir = join(work, 'versi');
    mkdirSync(dir, { recursive: true });
    // Version 1: a back and a face typed "Lainnya" (as faces sorted from the tray were).
    writeFileSync(join(dir, 'Sambal Bu Rini - Sambal Bawang - belakang.jpg'), await packImage(700, 900, '#b3261e', 'jpeg'));
    writeFileSync(join(dir, 'Sambal Bu Rini - Sambal Bawang - lainnya.jpg'), await packImage(700, 900, '#1e4db3', 'jpeg'));
    // The new version's files say nothing about their faces (phone photos, sorted as they came).
    writeFileSync(join(dir, 'IMG_0001.jpg'), await packImage(700, 900, '#2e7d32', 'jpeg'));
    writeFileSync(join(dir, 'IMG_0002.jpg'), await packImage(700, 900, '#7d2e6b', 'jpeg'));
    await newWorkshop(page, 'Workshop Bandingkan Tampak', undefined, 'Jember');
    await dropFiles(page, dir, ['Sambal Bu Rini - Sambal Bawang - belakang.jpg', 'Sambal Bu Rini - Sambal Bawang - lainnya.jpg']);
    await expect(page.getByRole('region', { name: 'Impor selesai' })).toContainText('2 tampak diimpor', { timeout: 60_000 });
    await page.getByRole('link', { name: 'Sambal Bu Rini' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Versi baru…' }).click();
    await (await chooser).setFiles([join(dir, 'IMG_0001.jpg'), join(dir, 'IMG_0002.jpg')]);
    await expect(page.getByRole('heading', { level: 3, name: /Versi 2/ })).toBeVisible({ timeout: 60_000 });

    // Reviewing version 1 on its "Lainnya" face: compare shows it against the face in its place in
    // version 2 (typed differently there), not against another face of version 1.
    await page.getByRole('link', { name: 'Telaah versi 1' }).click();
    await page.getByRole('tab', { name: 'Lainnya' }).click();
    await expect(page.getByRole('tab', { name: 'Lainnya', selected: true })).toBeVisible();
    await page.getByRole('link', { name: 'Bandingkan versi' }).click();
    await expect(page.getByLabel('Gambar A (sebelum)').locator('option:checked')).toHaveText('Versi 1 · Lainnya');
    // Which face of version 2 stands in for it is the unit tests' matter (tests/unit/compare); here: the latest version.
    await expect(page.getByLabel('Gambar B (sesudah)').locator('option:checked')).toHaveText(/^Versi 2 · /);
    await expectAccessible(page);
    await screenshot(page, 'keyboard-compare-same-face');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
