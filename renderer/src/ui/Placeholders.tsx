import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState.tsx';

/** While a live query has not answered yet. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="loading">{t('app.loading')}</p>;
}

/** A record the address points to is gone (deleted, or from another laptop), with a way back. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('errors.notFound')} body="">
      <Link to="/">{t('common.back')}</Link>
    </EmptyState>
  );
}
