import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Mentor } from '#shared/domain/mentor.ts';
import { CurrentMentorContext } from '#renderer/src/app/CurrentMentor.tsx';
import { DatabaseProvider } from '#renderer/src/data/DatabaseProvider.tsx';
import { openDatabase, type KemasDatabase } from '#renderer/src/data/db.ts';
import { createMentor } from '#renderer/src/data/mentorsRepo.ts';
import { createI18n } from '#renderer/src/i18n/i18n.ts';
import { ToastProvider } from '#renderer/src/ui/Toasts.tsx';
import { ImportProvider } from '#renderer/src/features/intake/ImportProvider.tsx';

let counter = 0;

/** A fresh database with a mentor, and the providers every screen expects. */
export async function renderWithStudio(
  routes: { path: string; element: ReactNode }[],
  options: {
    language?: 'id' | 'en';
    /** Puts what the test needs in the database and returns the path to open. */
    seed?: (db: KemasDatabase, mentor: Mentor) => Promise<string>;
  },
) {
  const db = openDatabase(`renderer-test-${++counter}`);
  const mentor = await createMentor(db, { name: 'Dewi', organisation: 'Rumah Kurasi' });
  const at = (await options.seed?.(db, mentor)) ?? '/';
  const i18n = await createI18n(options.language ?? 'id');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ToastProvider>
          <CurrentMentorContext value={mentor}>
            {/* As in the app: the import runner lives inside the router (its panel belongs to the screen that started it). */}
            <MemoryRouter initialEntries={[at]}>
              <ImportProvider>
                <Routes>
                  {routes.map((r) => (
                    <Route key={r.path} path={r.path} element={r.element} />
                  ))}
                </Routes>
              </ImportProvider>
            </MemoryRouter>
          </CurrentMentorContext>
        </ToastProvider>
      </DatabaseProvider>
    </I18nextProvider>,
  );
  return { db, mentor, ...view };
}
