import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { useDatabase } from '../data/DatabaseProvider.tsx';
import { quitBackupIfChanged } from '../features/backups/backupRunner.ts';
import { host } from '../host/hostClient.ts';

/**
 * When a screen fails the shell is gone, and with it whoever answers the desktop's
 * "about to quit": the error screen makes the final backup itself, so quitting
 * neither waits for nobody nor goes without it.
 */
function useQuitBackupWithoutShell(active: boolean): void {
  const db = useDatabase();
  useEffect(() => {
    if (!active) return;
    return host.onMenuCommand((command) => {
      if (command !== 'backup.beforeQuit') return;
      void (async () => {
        const info = await host.call('app.info', {});
        const app = info.ok ? { name: info.value.name, version: info.value.version } : { name: 'Kemas Studio', version: '0' };
        await host.call('backup.quitReady', { ok: await quitBackupIfChanged(db, app) });
      })();
    });
  }, [active, db]);
}

/** What a person sees when a screen fails: what happened, that data is safe, a way on. */
export function ErrorScreen({ notFound }: { notFound?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
  useQuitBackupWithoutShell(!notFound);
  // Inside the shell (unknown route) the shell already has the main landmark.
  const Wrapper = notFound ? 'section' : 'main';
  return (
    <Wrapper id={notFound ? undefined : 'main'} className="error-screen">
      <h1>{notFound ? t('errors.notFound') : t('errors.title')}</h1>
      {notFound ? null : <p>{t('errors.unexpected')}</p>}
      <p>
        <Link to="/">{t('nav.workshops')}</Link>
      </p>
      {notFound ? null : (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      )}
    </Wrapper>
  );
}
