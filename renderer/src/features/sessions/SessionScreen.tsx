import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { isCurator, mustRecordSeeing } from '#shared/scoring/sessionRules.ts';
import { useMentors } from '../../data/hooks.ts';
import { recordSawOthers } from '../../data/reviewsRepo.ts';
import { useSessionData } from '../../data/sessionHooks.ts';
import { closeSession, deleteSession, reopenSession, restoreSession, resultsVisible, revealSession, sessionProgress } from '../../data/sessionsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import { tabPanelProps, Tabs } from '../../ui/Tabs.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { useDeleteWithUndo } from '../../ui/useDeleteWithUndo.ts';
import { BatchExportDialog } from '../packs/BatchExportDialog.tsx';
import { BundleExportButtons } from '../bundles/BundleExportButtons.tsx';
import { DashboardTab } from './DashboardTab.tsx';
import { QueueTab } from './QueueTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { SessionFormDialog } from './SessionFormDialog.tsx';
import { mentorNames, rubricLabel, sessionErrorMessage } from './sessionText.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

type View = 'queue' | 'dashboard' | 'results';
const VIEWS: readonly View[] = ['queue', 'dashboard', 'results'];

/** A batch scoring session: my queue, the curator's dashboard, and the results. */
export function SessionScreen() {
  const { workshopId = '', sessionId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const me = useCurrentMentorRecord();
  const toast = useToast();
  const deleteWithUndo = useDeleteWithUndo();
  const navigate = useNavigate();
  const data = useSessionData(sessionId);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const allMentors = useMentors();
  const format = useFormat();
  const view: View = VIEWS.find((v) => v === search.get('tab')) ?? 'queue';
  const setView = (next: View) => setSearch(next === 'queue' ? {} : { tab: next }, { replace: true });
  const progress = useMemo(() => (data ? sessionProgress(data.session, data.reviews) : []), [data]);
  // Looking at a blind session's results is a fact kept on the mentor's reviews (`sawOthersAt`).
  const recordSeeing = data ? view === 'results' && mustRecordSeeing(data.session, data.reviews, me.id) : false;
  useEffect(() => {
    if (!recordSeeing || !data) return;
    recordSawOthers(db, data.session.id, me.id).catch((error: unknown) => toast({ tone: 'error', message: saveErrorMessage(error, t) }));
  }, [recordSeeing, data, db, me.id, toast, t]);

  if (data === undefined) return <Loading />;
  if (data === null || data.workshop.id !== workshopId) return <NotFound />;
  const { session, workshop, rubric } = data;
  const visible = resultsVisible(session, data.reviews, me.id);
  const curator = isCurator(session, me.id);
  const curatorNames = mentorNames(allMentors ?? data.mentors, session.curators, t);
  const workshopPath = `/workshops/${workshop.id}?view=sessions`;

  async function setOpen(open: boolean) {
    try {
      if (open) await reopenSession(db, session.id, me.id);
      else await closeSession(db, session.id, me.id);
      toast({ message: open ? t('sessions.reopened') : t('sessions.closed') });
    } catch (error) {
      toast({ tone: 'error', message: sessionErrorMessage(error, t, allMentors ?? data?.mentors ?? []) });
    }
  }

  async function reveal() {
    setRevealing(false);
    try {
      await revealSession(db, session.id, me.id);
      toast({ message: t('curators.revealed') });
    } catch (error) {
      toast({ tone: 'error', message: sessionErrorMessage(error, t, allMentors ?? data?.mentors ?? []) });
    }
  }

  function remove() {
    return deleteWithUndo({
      remove: () => deleteSession(db, session.id, me.id),
      restore: () => restoreSession(db, session.id, me.id),
      deleted: t('sessions.deleted', { name: session.name }),
      restored: t('sessions.restored', { name: session.name }),
      then: () => void navigate(workshopPath),
    });
  }

  const facts = [
    rubric ? rubricLabel(rubric, i18n.language) : t('sessions.rubricMissing'),
    t(`sessions.assignments.${session.assignment}`),
    session.blind ? t('sessions.blindBadge') : t('sessions.named'),
    session.itemTimerMinutes ? t('sessions.timerFact', { minutes: session.itemTimerMinutes }) : null,
    session.blind && session.revealedAt !== null ? t('curators.revealedFact', { when: format.timestamp(session.revealedAt) }) : null,
  ].filter(Boolean);

  return (
    <>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={workshopPath}>{workshop.name}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{session.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {session.name}
            <span className={session.status === 'open' ? 'badge' : cx('badge', styles.badgeClosed)}>{t(`sessions.statuses.${session.status}`)}</span>
          </h1>
          <p className="muted">{facts.join(' · ')}</p>
          <p className="muted" data-testid="session-curators">
            {t('curators.roleNote', { names: curatorNames })}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setExporting(true)}>
            {t('batch.open')}
          </button>
          <Link className="button" to={`/handout?workshop=${encodeURIComponent(workshop.id)}&session=${encodeURIComponent(session.id)}`}>
            {t('handout.open')}
          </Link>
          <BundleExportButtons workshopId={workshop.id} workshopName={workshop.name} only="review" />
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {curator ? t('sessions.edit') : t('curators.viewSettings')}
          </button>
          {curator && session.blind && session.revealedAt === null && session.status === 'open' ? (
            <button type="button" className="button" onClick={() => setRevealing(true)}>
              {t('curators.reveal')}
            </button>
          ) : null}
          {curator ? (
            <>
              <button type="button" className="button" onClick={() => void setOpen(session.status === 'closed')}>
                {session.status === 'open' ? t('sessions.close') : t('sessions.reopen')}
              </button>
              <button type="button" className="button button-danger" onClick={() => void remove()}>
                {t('sessions.delete')}
              </button>
            </>
          ) : null}
        </div>
      </div>
      <Tabs
        label={t('sessions.tabsLabel')}
        idPrefix="session-view"
        selected={view}
        onSelect={setView}
        tabs={[
          { key: 'queue', label: t('sessions.tabQueue') },
          { key: 'dashboard', label: t('sessions.tabDashboard') },
          { key: 'results', label: t('sessions.tabResults') },
        ]}
      />
      <div {...tabPanelProps('session-view', view)} className="tab-panel">
        {view === 'queue' ? <QueueTab data={data} progress={progress} visible={visible} /> : null}
        {view === 'dashboard' ? <DashboardTab data={data} progress={progress} visible={visible} /> : null}
        {view === 'results' ? <ResultsTab data={data} progress={progress} visible={visible} /> : null}
      </div>
      {exporting ? <BatchExportDialog scope={{ kind: 'session', sessionId: session.id }} name={session.name} onClose={() => setExporting(false)} /> : null}
      {editing ? <SessionFormDialog workshop={workshop} session={session} readOnly={!curator} onClose={() => setEditing(false)} /> : null}
      {revealing ? (
        <Dialog
          title={t('curators.revealTitle')}
          onClose={() => setRevealing(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setRevealing(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button-primary" onClick={() => void reveal()}>
                {t('curators.revealConfirm')}
              </button>
            </>
          }
        >
          <p>{t('curators.revealBody')}</p>
        </Dialog>
      ) : null}
    </>
  );
}
