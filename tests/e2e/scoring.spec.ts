import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

const DEMO_WORKSHOP = 'demo-workshop-v1';
const KERIPIK = { participant: 'demo-keripik-tempe', submission: 'demo-keripik-tempe-v1', business: 'Keripik Tempe Bu Sari' };

async function openDemoReview(page: Page) {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await page.getByRole('link', { name: KERIPIK.business }).click();
  await page.getByRole('link', { name: 'Telaah versi 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Telaah ${KERIPIK.business} · versi 1` })).toBeVisible();
  await expect(page.getByTestId('canvas-stage')).toHaveAttribute('data-face-shown', /.+/);
}

/** A pin in the middle of the face with a comment, a severity and (optionally) a link, made as a mentor does. */
async function annotate(page: Page, y: number, severity: string, comment: string, link?: string) {
  const box = await page.getByTestId('canvas-stage').boundingBox();
  if (!box) throw new Error('no canvas');
  // Out of any field first: tool keys do not fire while typing.
  await page.locator('h1').click();
  await page.keyboard.press('p');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * y);
  await page.getByRole('radio', { name: severity }).click();
  await page.getByLabel('Komentar', { exact: true }).fill(comment);
  if (link) await page.getByLabel('Tautkan ke').selectOption({ label: link });
  await page.keyboard.press('Escape');
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const focusedGroup = (page: Page) =>
  page.evaluate(() => {
    const group = document.activeElement?.closest('[role="radiogroup"]');
    const id = group?.getAttribute('aria-labelledby');
    return id ? (document.getElementById(id)?.textContent ?? '') : '';
  });

test('a mentor scores every criterion from the keyboard, gathers action items, submits, reloads, reopens and abstains', async ({ page }) => {
  await openDemoReview(page);
  await annotate(page, 0.3, 'Wajib diperbaiki', 'Nomor P-IRT belum dicantumkan', 'Informasi & kepatuhan label');
  await annotate(page, 0.6, 'Sudah baik', 'Logo Bu Sari mudah diingat');

  // The Nilai tab, from the keyboard: the tab list, then into the first criterion's scale.
  await page.getByRole('tab', { name: 'Anotasi' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Penilaian' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anotasi tertaut: 1' })).toBeVisible();
  await page.keyboard.press('Tab'); // the tab panel
  await page.keyboard.press('Tab'); // the linked annotations of the first criterion
  await page.keyboard.press('Tab');
  expect(await focusedGroup(page)).toBe('Informasi & kepatuhan label');
  const submit = page.getByRole('button', { name: 'Kirim penilaian' });
  await expect(submit).toBeDisabled();
  await expect(page.getByText('Belum bisa dikirim: 10 kriteria belum dinilai, putusan belum dipilih.')).toBeVisible();

  // ← → preview a level's descriptor without choosing it; the number key chooses and moves on.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Pratinjau nilai 2:')).toBeVisible();
  await page.keyboard.press('5');
  expect(await focusedGroup(page)).toBe('Keterbacaan & hierarki informasi');
  await expect(page.getByText(/Nilai 5: Lengkap, benar, dan tertata/)).toBeVisible();
  // ↑ goes back, ↓ forward again; the canvas zoom did not react to the digits.
  await page.keyboard.press('ArrowUp');
  expect(await focusedGroup(page)).toBe('Informasi & kepatuhan label');
  expect(await focusedText(page)).toBe('5');
  await page.keyboard.press('ArrowDown');
  for (const key of '444444444') await page.keyboard.press(key);
  await expect(page.getByRole('heading', { name: /^Kualitas Subtotal 82,5 · 5\/5 dinilai/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Inovasi Subtotal 75,0 · 5\/5 dinilai/ })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Nilai keseluruhan' })).toHaveText('79,5');
  await expect(page.getByRole('img', { name: /Kualitas 82,5; Inovasi 75,0; Keseluruhan 79,5/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Kontrol kanvas' }).getByLabel('Perbesaran', { exact: true })).not.toHaveText('100%');

  // After the last criterion focus is on the verdict; arrows choose it.
  await expect(page.getByRole('radio', { name: 'Siap pasar' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Perbaikan kecil' })).toBeChecked();
  await expect(submit).toBeEnabled();

  // Action items from the annotations, by severity.
  const gather = page.getByRole('button', { name: 'Kumpulkan dari anotasi (2 baru)' });
  await gather.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Wajib diperbaiki nomor 1' })).toHaveValue('Nomor P-IRT belum dicantumkan');
  // Nothing new to gather now, but the keyboard focus stays where it was.
  await expect(page.getByRole('button', { name: 'Kumpulkan dari anotasi' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Sudah baik nomor 1' })).toHaveValue('Logo Bu Sari mudah diingat');
  await page.getByRole('textbox', { name: 'Butir baru untuk Saran' }).fill('Perbesar tulisan netto');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Saran nomor 1' })).toHaveValue('Perbesar tulisan netto');
  await page.getByRole('textbox', { name: 'Catatan untuk Orisinalitas' }).fill('Mirip kemasan keripik lain di pasar');
  await expectAccessible(page);
  await screenshot(page, '40-scoring');
  await page.getByTestId('review-side-panel').evaluate((side) => side.scrollTo(0, 0));
  await screenshot(page, '40-scoring-summary');

  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buka lagi untuk mengubah' })).toBeFocused();
  await expect(page.getByText(/^Waktu menilai:/).locator('time')).not.toHaveText('00:00');
  await screenshot(page, '41-scoring-submitted');

  // Everything is still there after a reload, on the same tab.
  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeVisible();
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Nilai keseluruhan' })).toHaveText('79,5');
  await expect(page.getByRole('radio', { name: 'Perbaikan kecil' })).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'Orisinalitas' }).getByRole('radio', { name: '4' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('textbox', { name: 'Catatan untuk Orisinalitas' })).toHaveValue('Mirip kemasan keripik lain di pasar');
  await expect(page.getByRole('textbox', { name: 'Saran nomor 1' })).toHaveValue('Perbesar tulisan netto');
  await expect(page.getByRole('textbox', { name: 'Wajib diperbaiki nomor 1' })).toHaveValue('Nomor P-IRT belum dicantumkan');
  await expect(page.getByRole('radiogroup', { name: 'Orisinalitas' }).getByRole('radio').first()).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Antrean penilaian' })).toContainText('1 dari 3 dinilai');

  // Reopen to change a score.
  await page.getByRole('button', { name: 'Buka lagi untuk mengubah' }).click();
  await expect(page.getByLabel('Status penilaian: Draf')).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Informasi & kepatuhan label' }).getByRole('radio', { name: '5' })).toBeFocused();
  await page.keyboard.press('3');
  await expect(page.getByRole('status', { name: 'Nilai keseluruhan' })).toHaveText('70,5');
  await expect(page.getByRole('navigation', { name: 'Antrean penilaian' })).toContainText('0 dari 3 dinilai');

  // Abstain, with a confirmation; then withdraw it.
  await page.getByRole('button', { name: 'Abstain…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Abstain dari kiriman ini?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Ya, abstain' }).click();
  await expect(page.getByLabel('Status penilaian: Abstain')).toBeVisible();
  await expect(page.getByText('Anda abstain untuk kiriman ini.').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Antrean penilaian' })).toContainText('1 dari 3 dinilai');
  await page.getByRole('button', { name: 'Tarik pernyataan ini' }).click();
  await expect(page.getByLabel('Status penilaian: Draf')).toBeVisible();

  // Shift+N, from anywhere on the screen: the next submission not scored yet.
  await page.locator('h1').click();
  await page.keyboard.press('Shift+N');
  await expect(page.getByRole('heading', { level: 1, name: 'Telaah Kopi Bubuk Lereng Ijen · versi 1' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Nilai', selected: true })).toBeVisible();
  await expect(page.getByLabel('Status penilaian: Draf')).toBeVisible();
});

/**
 * A blind session seeded straight into IndexedDB (the session screens are
 * built on another branch): this mentor and one other, every submission for
 * both, and the other mentor's annotation and submitted review already there.
 */
async function seedBlindSession(page: Page) {
  return page.evaluate(
    async ({ workshopId, submission }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kemas-studio');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = <T,>(store: string, key: string) =>
        new Promise<T>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result as T);
          request.onerror = () => reject(request.error);
        });
      const me = (await read<{ value: string }>('meta', 'currentMentorId')).value;
      const face = await new Promise<{ id: string }>((resolve, reject) => {
        const request = db.transaction('assets').objectStore('assets').index('submissionId').getAll(submission);
        request.onsuccess = () => resolve((request.result as { id: string; face: string }[]).find((a) => a.face === 'front') as { id: string });
        request.onerror = () => reject(request.error);
      });
      const now = Date.now();
      const base = (id: string, by: string) => ({ id, createdAt: now, updatedAt: now, updatedBy: by, deletedAt: null, revisions: {} });
      const tx = db.transaction(['sessions', 'mentors', 'annotations', 'reviews'], 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      tx.objectStore('mentors').put({ ...base('mentor-rina', 'mentor-rina'), name: 'Rina Kurniasih', organisation: 'Rumah Kurasi' });
      tx.objectStore('sessions').put({
        ...base('session-blind', me),
        workshopId,
        name: 'Penjurian Malang',
        rubricId: 'preset:mjc-quality-innovation:v1',
        mentorIds: [me, 'mentor-rina'],
        filters: { regions: [], categories: [], version: 'latest' },
        submissionIds: ['demo-jamu-kunyit-v1', submission, 'demo-kopi-ijen-v1'],
        assignment: 'all-score-all',
        blind: true,
        conflicts: [],
        status: 'open',
        curators: [me],
        reveal: 'curator',
        revealedAt: null,
      });
      // A session this mentor is not part of.
      tx.objectStore('sessions').put({
        ...base('session-rina', 'mentor-rina'),
        workshopId,
        name: 'Kurasi Rina',
        rubricId: 'preset:mjc-quality-innovation:v1',
        mentorIds: ['mentor-rina'],
        filters: { regions: [], categories: [], version: 'latest' },
        submissionIds: [submission],
        assignment: 'all-score-all',
        blind: false,
        conflicts: [],
        status: 'open',
        curators: ['mentor-rina'],
        reveal: 'curator',
        revealedAt: null,
      });
      tx.objectStore('annotations').put({
        ...base('rina-note-1', 'mentor-rina'),
        authorKeyId: null,
        assetId: face.id,
        submissionId: submission,
        mentorId: 'mentor-rina',
        number: 1,
        shape: { kind: 'pin', at: { x: 500, y: 800 } },
        category: 'brand',
        severity: 'suggestion',
        comment: 'Catatan Rina: logo terlalu kecil',
        link: null,
      });
      const criteria = ['label', 'legibility', 'print', 'function', 'brand'].map((c) => `mjc-quality-${c}`);
      const innovation = ['originality', 'appeal', 'sustainability', 'local', 'market'].map((c) => `mjc-innovation-${c}`);
      tx.objectStore('reviews').put({
        ...base('rina-review', 'mentor-rina'),
        authorKeyId: null,
        submissionId: submission,
        mentorId: 'mentor-rina',
        rubricId: 'preset:mjc-quality-innovation:v1',
        sessionId: 'session-blind',
        scores: Object.fromEntries([...criteria, ...innovation].map((c) => [c, { score: 3, note: '' }])),
        verdict: 'major-revision',
        strengths: [],
        mustFix: [],
        suggestions: [],
        timeSpentMs: 60000,
        status: 'submitted',
        abstained: false,
        conflictOfInterest: false,
        sawOthersAt: null,
        revisedAfterRevealAt: null,
        lastSubmitted: null,
      });
      await done;
      db.close();
      return me;
    },
    { workshopId: DEMO_WORKSHOP, submission: KERIPIK.submission },
  );
}

test("in a blind session names stay hidden, and other mentors' work stays hidden after submitting until a curator reveals it; a conflict hands the submission on", async ({ page }) => {
  await openDemoReview(page);
  await seedBlindSession(page);
  // Raw IndexedDB writes do not reach the app's live queries: open the session's link afresh.
  await page.evaluate(
    ({ w, p, s }) => {
      location.hash = `#/workshops/${w}/participants/${p}/review/${s}?session=session-blind&side=score`;
    },
    { w: DEMO_WORKSHOP, p: KERIPIK.participant, s: KERIPIK.submission },
  );
  await page.reload();
  await waitForReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Telaah Kiriman 2 · versi 1' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'breadcrumb' })).toContainText('Penjurian Malang');
  // The top bar says where the mentor is without naming the participant.
  await expect(page.getByTestId('workspace-bar')).toContainText('Kiriman 2 · versi 1');
  await expect(page.locator('body')).not.toContainText('Keripik Tempe');
  await expect(page.locator('body')).not.toContainText('Sari');
  await expect(page.getByRole('link', { name: 'Bandingkan versi' })).toHaveCount(0);
  const queue = page.getByRole('navigation', { name: 'Antrean penilaian' });
  await expect(queue).toContainText('Sesi: Penjurian Malang');
  await expect(queue).toContainText('0 dari 3 dinilai');
  await expect(page.getByText('Penilaian buta: nilai dan anotasi mentor lain tampil setelah kurator membuka hasil atau menutup sesi.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Rina');
  await expect(page.getByText('Rubrik: MJC Kualitas & Inovasi Kemasan (versi 1)')).toBeVisible();

  // The optional per-item timer.
  await queue.getByLabel('Tampilkan pengatur waktu').check();
  await expect(queue.getByRole('timer')).toContainText(/Waktu untuk kiriman ini: \d\d:\d\d/);

  await page.getByRole('radiogroup', { name: 'Informasi & kepatuhan label' }).getByRole('radio').first().focus();
  for (const key of '3333333333') await page.keyboard.press(key);
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Siap pasar' })).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, '42-scoring-blind');
  await page.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(page.getByLabel('Status penilaian: Terkirim')).toBeVisible();
  await expect(queue).toContainText('1 dari 3 dinilai');

  // Submitted: blind stays blind. Rina's score and annotation stay hidden until a curator reveals them (issue 16).
  await expect(page.getByText('Penilaian buta: nilai dan anotasi mentor lain tampil setelah kurator membuka hasil atau menutup sesi.')).toBeVisible();
  await expect(page.getByRole('img', { name: /Nilai keseluruhan per mentor, 0–100: Rina/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Anotasi' }).click();
  await expect(page.getByRole('button', { name: /Catatan Rina: logo terlalu kecil/ })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Rina');
  await expect(page.locator('body')).not.toContainText('Keripik Tempe');
  await screenshot(page, '43-scoring-blind-submitted');

  // Next unscored in the session: Kiriman 3; declaring a conflict takes it out of this mentor's queue.
  await page.keyboard.press('Shift+N');
  await expect(page.getByRole('heading', { level: 1, name: 'Telaah Kiriman 3 · versi 1' })).toBeVisible();
  await expect(page.getByText('Anda bukan mentor')).toHaveCount(0);
  await page.getByRole('button', { name: 'Konflik kepentingan…' }).click();
  await page.getByRole('dialog', { name: 'Nyatakan konflik kepentingan?' }).getByRole('button', { name: 'Ya, ada konflik kepentingan' }).click();
  await expect(page.getByText('Anda punya konflik kepentingan dengan kiriman ini di sesi “Penjurian Malang”, jadi kiriman ini dinilai mentor lain.')).toBeVisible();
  await expect(queue).toContainText('1 dari 2 dinilai');
  await expect(page.getByLabel('Tampilkan anotasi mentor lain')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, '44-scoring-conflict');
  await page.getByRole('button', { name: 'Tarik pernyataan ini' }).click();
  await expect(page.getByLabel('Status penilaian: Draf')).toBeVisible();
  await expect(queue).toContainText('1 dari 3 dinilai');

  // A session this mentor is not in: a clear message, no panel, and no review made.
  await page.evaluate(
    ({ w, p, s }) => {
      location.hash = `#/workshops/${w}/participants/${p}/review/${s}?session=session-rina&side=score`;
    },
    { w: DEMO_WORKSHOP, p: KERIPIK.participant, s: KERIPIK.submission },
  );
  await expect(page.getByText('Anda bukan mentor di sesi “Kurasi Rina”, jadi tidak bisa menilai kiriman ini di sini.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Penilaian' })).toHaveCount(0);
  const reviews = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kemas-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('reviews').objectStore('reviews').index('sessionId').count('session-rina');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
  expect(reviews).toBe(0);
});
