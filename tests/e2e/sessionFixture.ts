// The scoring-session journeys' shared steps: the demo workshop's sessions tab, a new session with a second
// mentor, and records read and written straight in IndexedDB (inStudioDb). Used by the sessions, summary report and
// curators journeys.
import { expect, type Page } from '@playwright/test';
import { RECORDS_VERSION } from '#shared/migrations/chain.ts';
import { expectAccessible, introduceMentor, openStudio, screenshot, waitForReady } from './studio.ts';

export const JAMU = 'Jamu Kunyit Asam Mbok Darmi';
export const KERIPIK = 'Keripik Tempe Bu Sari';
export const KOPI = 'Kopi Bubuk Lereng Ijen';

/** Every "Missing translation" the page logs, collected for the whole test (openStudio checks only start-up). */
export function watchTranslations(page: Page): string[] {
  const missing: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Missing translation')) missing.push(message.text());
  });
  return missing;
}

/** First run as Dewi, the demo workshop, and its sessions tab. */
export async function openDemoSessions(page: Page) {
  await openStudio(page);
  await introduceMentor(page);
  await page.getByRole('button', { name: 'Coba dengan contoh' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Contoh/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Sesi penilaian' }).click();
  await expect(page.getByRole('heading', { name: 'Belum ada sesi penilaian' })).toBeVisible();
}

/** Fills the new-session dialog: a name, Budi added as a second mentor, and the given assignment and blind mode. */
export async function createSession(
  page: Page,
  name: string,
  options: { split: boolean; blind: boolean; screenshotName?: string; revealOnQueueDone?: boolean },
) {
  await page.getByRole('button', { name: 'Sesi penilaian baru' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sesi penilaian baru' });
  await dialog.getByLabel('Nama sesi').fill(name);
  // The demo's three participants each have one version: all three match the default filters.
  await expect(dialog.getByText('3 kiriman cocok.')).toBeVisible();
  if (options.screenshotName) await screenshot(page, `${options.screenshotName}-top`);
  await dialog.getByRole('group', { name: 'Wilayah' }).getByLabel('Malang').check();
  await expect(dialog.getByText('1 kiriman cocok.')).toBeVisible();
  await dialog.getByRole('group', { name: 'Wilayah' }).getByLabel('Malang').uncheck();
  await expect(dialog.getByText('3 kiriman cocok.')).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Mentor', exact: true }).getByRole('checkbox', { name: /Dewi Lestari/ })).toBeChecked();
  await dialog.getByLabel('Nama mentor baru').fill('Budi Santoso');
  await dialog.getByLabel('Organisasi mentor baru').fill('Dinas Koperasi');
  await dialog.getByRole('button', { name: 'Tambahkan mentor' }).click();
  await expect(dialog.getByRole('group', { name: 'Mentor', exact: true }).getByRole('checkbox', { name: /Budi Santoso · Dinas Koperasi/ })).toBeChecked();
  if (options.split) await dialog.getByRole('radio', { name: 'Antrean dibagi rata di antara mentor' }).check();
  if (options.blind) await dialog.getByRole('checkbox', { name: 'Penilaian buta' }).check();
  if (options.revealOnQueueDone) await dialog.getByRole('radio', { name: 'Juga begitu antrean mentor itu sendiri selesai' }).check();
  if (options.screenshotName) {
    await expectAccessible(page);
    await screenshot(page, options.screenshotName);
  }
  await dialog.getByRole('button', { name: 'Buat sesi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
}

export interface SeededReview {
  /** Place in the session (0-based, workshop order: Jamu, Keripik, Kopi). */
  item: number;
  mentor: string;
  /** The same level for every criterion, so the overall 0–100 is (level − 1) / 4 × 100. */
  level: number;
  /** Or one level per criterion in rubric order, e.g. '4143251511' on the MJC rubric. */
  key?: string;
}

/** What `inStudioDb` hands its body, in the page: read a whole store, or write records in one transaction. */
export interface StudioDb {
  all<T>(store: string): Promise<T[]>;
  put(store: string, records: readonly object[]): Promise<void>;
}

/** Runs in the page (serialised, so it may use only its arguments): opens the studio's database and hands `body` the helpers. */
async function studioDbInPage(body: (db: StudioDb, arg: unknown) => Promise<unknown>, arg: unknown, idbVersion: number): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('kemas-studio');
    // Never create or upgrade the app's database from a test: that is the app's job.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('no database'));
  });
  try {
    if (db.version !== idbVersion) throw new Error(`Expected IndexedDB version ${idbVersion}, found ${db.version}`);
    const helpers: StudioDb = {
      all: <T,>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        }),
      put: (store, records) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const record of records) tx.objectStore(store).put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    };
    return await body(helpers, arg);
  } finally {
    db.close();
  }
}

/**
 * Test fixture: runs `body` in the page on the app's IndexedDB ('kemas-studio', Dexie schema version n =
 * IndexedDB version 10 × n, n the records version of shared/migrations), behind the app. `body` is sent
 * to the page as source, like any `page.evaluate` function: it may use only its arguments (`arg` must be
 * JSON). Dexie's live queries do not see writes from another connection: reload after a write.
 */
export async function inStudioDb<A, R>(page: Page, body: (db: StudioDb, arg: A) => Promise<R>, arg: A): Promise<R> {
  const source = `(${studioDbInPage.toString()})(${body.toString()}, ${JSON.stringify(arg)}, ${RECORDS_VERSION * 10})`;
  return (await page.evaluate(source)) as R;
}

/**
 * Test fixture: submitted reviews written straight into the app's IndexedDB (see `inStudioDb`), shaped
 * as shared/domain/review.ts describes, for the one session on this laptop; then the page reloads.
 */
export async function seedReviews(page: Page, reviews: SeededReview[]) {
  await inStudioDb(
    page,
    async ({ all, put }, wanted) => {
      type Session = { id: string; rubricId: string; submissionIds: string[]; deletedAt: number | null };
      type Rubric = { id: string; groups: { criteria: { id: string }[] }[] };
      const sessions = (await all<Session>('sessions')).filter((s) => s.deletedAt === null);
      if (sessions.length !== 1) throw new Error(`Expected one session, found ${sessions.length}`);
      const session = sessions[0] as Session;
      const rubric = (await all<Rubric>('rubrics')).find((r) => r.id === session.rubricId);
      if (!rubric) throw new Error('session rubric missing');
      const mentors = await all<{ id: string; name: string }>('mentors');
      const now = Date.now();
      const records = wanted.map((w) => {
        const mentorId = mentors.find((m) => m.name === w.mentor)?.id;
        const submissionId = session.submissionIds[w.item];
        if (!mentorId || !submissionId) throw new Error(`No mentor ${w.mentor} or item ${w.item}`);
        const ids = rubric.groups.flatMap((g) => g.criteria.map((c) => c.id));
        if (w.key !== undefined && w.key.length !== ids.length) throw new Error(`Key ${w.key} does not fit ${ids.length} criteria`);
        const scores = Object.fromEntries(ids.map((id, k) => [id, { score: w.key === undefined ? w.level : Number(w.key[k]), note: '' }]));
        return {
          id: `seed-${submissionId}-${mentorId}`,
          createdAt: now,
          updatedAt: now,
          updatedBy: mentorId,
          deletedAt: null,
          submissionId,
          mentorId,
          rubricId: rubric.id,
          sessionId: session.id,
          scores,
          verdict: 'minor-revision',
          strengths: [],
          mustFix: [],
          suggestions: [],
          timeSpentMs: 120000,
          status: 'submitted',
          abstained: false,
          conflictOfInterest: false,
          sawOthersAt: null,
          revisedAfterRevealAt: null,
          lastSubmitted: null,
          // Written behind the app: no edit of this laptop's counted yet, and no author key.
          revisions: {},
          authorKeyId: null,
        };
      });
      await put('reviews', records);
    },
    reviews,
  );
  await page.reload();
  await waitForReady(page);
}

/**
 * The demo workshop's "Final" session, all score all and named, with two mentors'
 * submitted reviews: Jamu 100 and 75 (spread 25), Keripik 50 and 50, Kopi 75 and
 * 25 (spread 50). Opens its Results tab and gives the table and a row finder.
 */
export async function openFinalResults(page: Page) {
  await openDemoSessions(page);
  await createSession(page, 'Final', { split: false, blind: false });
  await seedReviews(page, [
    { item: 0, mentor: 'Dewi Lestari', level: 5 },
    { item: 0, mentor: 'Budi Santoso', level: 4 },
    { item: 1, mentor: 'Dewi Lestari', level: 3 },
    { item: 1, mentor: 'Budi Santoso', level: 3 },
    { item: 2, mentor: 'Dewi Lestari', level: 4 },
    { item: 2, mentor: 'Budi Santoso', level: 2 },
  ]);
  await page.getByRole('tab', { name: 'Hasil' }).click();
  const results = page.getByRole('table', { name: 'Hasil per kiriman' });
  const rowOf = (business: string) => results.getByRole('row', { name: new RegExp(`${business} · versi 1`) });
  return { results, rowOf };
}

/**
 * Test fixture: renames a participant straight in IndexedDB, as a bundle from another laptop could
 * (e.g. a business name beginning with "=" to try a spreadsheet formula). Reloads after, like seedReviews.
 */
export async function renameParticipant(page: Page, from: string, to: string) {
  await inStudioDb(
    page,
    async ({ all, put }, { from, to }) => {
      const match = (await all<{ business: string }>('participants')).find((p) => p.business === from);
      if (!match) throw new Error(`No participant ${from}`);
      await put('participants', [{ ...match, business: to, updatedAt: Date.now() }]);
    },
    { from, to },
  );
  await page.reload();
  await waitForReady(page);
}
