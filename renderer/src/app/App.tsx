import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import type { AppInfo } from '#shared/contract/channels.ts';
import type { KemasDatabase } from '../data/db.ts';
import { DatabaseProvider } from '../data/DatabaseProvider.tsx';
import { BackupsScreen } from '../features/backups/BackupsScreen.tsx';
import { HandoutScreen } from '../features/handout/HandoutScreen.tsx';
import { CompareScreen } from '../features/compare/CompareScreen.tsx';
import { FaceScreen } from '../features/library/FaceScreen.tsx';
import { ParticipantScreen } from '../features/participants/ParticipantScreen.tsx';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { RubricEditorScreen } from '../features/rubrics/RubricEditorScreen.tsx';
import { RubricsScreen } from '../features/rubrics/RubricsScreen.tsx';
import { SessionScreen } from '../features/sessions/SessionScreen.tsx';
import { WorkshopScreen } from '../features/workshops/WorkshopScreen.tsx';
import { WorkshopsScreen } from '../features/workshops/WorkshopsScreen.tsx';
import { ToastProvider } from '../ui/Toasts.tsx';
import { ErrorScreen } from './ErrorScreen.tsx';
import { Shell } from './Shell.tsx';

interface AppProps {
  db: KemasDatabase;
  i18n: i18n;
  appInfo: AppInfo;
}

/** Hash routes: the same URLs work on app://studio and on the browser host. */
export function App({ db, i18n, appInfo }: AppProps) {
  const [router] = useState(() =>
    createHashRouter([
    {
      element: <Shell appInfo={appInfo} />,
      errorElement: <ErrorScreen />,
      children: [
        { path: '/', element: <WorkshopsScreen /> },
        { path: '/workshops/:workshopId', element: <WorkshopScreen /> },
        { path: '/workshops/:workshopId/participants/:participantId', element: <ParticipantScreen /> },
        { path: '/workshops/:workshopId/participants/:participantId/faces/:assetId', element: <FaceScreen /> },
        { path: '/workshops/:workshopId/participants/:participantId/review/:submissionId', element: <ReviewScreen /> },
        { path: '/workshops/:workshopId/participants/:participantId/compare', element: <CompareScreen /> },
        { path: '/rubrics', element: <RubricsScreen /> },
        { path: '/rubrics/:rubricId', element: <RubricEditorScreen /> },
        { path: '/workshops/:workshopId/sessions/:sessionId', element: <SessionScreen /> },
        { path: '/backups', element: <BackupsScreen /> },
        { path: '/handout', element: <HandoutScreen /> },
        { path: '*', element: <ErrorScreen notFound /> },
      ],
    },
    ]),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </DatabaseProvider>
    </I18nextProvider>
  );
}
