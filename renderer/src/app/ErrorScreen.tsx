import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

/** What a person sees when a screen fails: what happened, that data is safe, a way on. */
export function ErrorScreen({ notFound }: { notFound?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  if (error) console.error(error);
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
