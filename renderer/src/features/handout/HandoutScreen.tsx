import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { batchScopeName, type BatchScope } from '../../data/packBatchRepo.ts';
import { Loading } from '../../ui/Placeholders.tsx';
import { HandoutRunning } from './HandoutRunning.tsx';
import { HandoutSetup } from './HandoutSetup.tsx';
import { useHandout } from './HandoutProvider.tsx';

/**
 * *Bagikan di ruangan*: reached from a workshop (`?workshop=`) or a scoring
 * session (`?session=`), and from the header's indicator while a hand-out runs.
 * Off: the setup. Running: the QR codes, the downloads and Stop.
 */
export function HandoutScreen() {
  const { t } = useTranslation();
  const db = useDatabase();
  const [params] = useSearchParams();
  const { status, setStatus } = useHandout();
  const workshopId = params.get('workshop');
  const sessionId = params.get('session');
  const scope: Exclude<BatchScope, { kind: 'selection' }> | null = sessionId
    ? { kind: 'session', sessionId }
    : workshopId
      ? { kind: 'workshop', workshopId }
      : null;
  const scopeKey = sessionId ?? workshopId;
  const [found, setFound] = useState<{ key: string; name: string | null } | null>(null);
  // Opened from the indicator (no workshop or session): no name to wait for.
  const name = scopeKey === null ? null : found?.key === scopeKey ? found.name : undefined;

  useEffect(() => {
    let live = true;
    if (!scope || scopeKey === null) return;
    void batchScopeName(db, scope).then((n) => live && setFound({ key: scopeKey, name: n }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, scopeKey]);

  const back = sessionId && workshopId ? `/workshops/${workshopId}/sessions/${sessionId}` : workshopId ? `/workshops/${workshopId}` : '/';
  const title = name ? t('handout.title', { name }) : t('handout.screenTitle');
  return (
    <>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to={back}>{t('handout.back')}</Link>
      </nav>
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      {status === null || name === undefined ? (
        <Loading />
      ) : status.state === 'running' ? (
        <HandoutRunning status={status} name={name} onStopped={setStatus} />
      ) : scope && name ? (
        <HandoutSetup scope={scope} ended={status.state === 'off' ? status.ended : null} onStarted={setStatus} />
      ) : (
        <p className="muted">{status.state === 'off' && status.ended ? t(`handout.ended.${status.ended}`) : t('handout.intro')}</p>
      )}
    </>
  );
}
