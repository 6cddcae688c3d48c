import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ScoringSession } from '#shared/domain/session.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { isCurator } from '#shared/scoring/sessionRules.ts';
import { useSessions } from '../../data/sessionHooks.ts';
import { deleteSession, restoreSession } from '../../data/sessionsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Placeholders.tsx';
import { useDeleteWithUndo } from '../../ui/useDeleteWithUndo.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { SessionFormDialog } from './SessionFormDialog.tsx';
import { sessionErrorMessage } from './sessionText.ts';
import styles from './sessions.module.css';

export const sessionPath = (workshopId: string, sessionId: string) => `/workshops/${workshopId}/sessions/${sessionId}`;

/** The workshop's scoring sessions: what each is, how far it got, and a way to make one. */
export function SessionsSection({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const me = useCurrentMentorRecord();
  const deleteWithUndo = useDeleteWithUndo();
  const format = useFormat();
  const navigate = useNavigate();
  const sessions = useSessions(workshop.id);
  const [creating, setCreating] = useState(false);

  if (sessions === undefined) return <Loading />;

  function remove(session: ScoringSession) {
    return deleteWithUndo({
      remove: () => deleteSession(db, session.id, me.id),
      restore: () => restoreSession(db, session.id, me.id),
      deleted: t('sessions.deleted', { name: session.name }),
      restored: t('sessions.restored', { name: session.name }),
      errorMessage: (error) => sessionErrorMessage(error, t),
    });
  }

  const newButton = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      {t('sessions.new')}
    </button>
  );

  return (
    <section aria-labelledby="sessions-heading">
      <div className={styles.sectionHeader}>
        <h2 id="sessions-heading">{t('sessions.title')}</h2>
        {sessions.length > 0 ? newButton : null}
      </div>
      {sessions.length === 0 ? (
        <EmptyState title={t('sessions.emptyTitle')} body={t('sessions.emptyBody')}>
          {newButton}
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('sessions.tableCaption', { workshop: workshop.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.name')}</th>
              <th scope="col">{t('sessions.status')}</th>
              <th scope="col" className="numeric">
                {t('sessions.submissions')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.mentors')}
              </th>
              <th scope="col">{t('sessions.progress')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map(({ session, assigned, done }) => (
              <tr key={session.id}>
                <th scope="row">
                  <Link to={sessionPath(workshop.id, session.id)}>{session.name}</Link>
                  {session.blind ? <span className="badge">{t('sessions.blindBadge')}</span> : null}
                </th>
                <td>{t(`sessions.statuses.${session.status}`)}</td>
                <td className="numeric">{format.number(session.submissionIds.length)}</td>
                <td className="numeric">{format.number(session.mentorIds.length)}</td>
                <td>
                  <ProgressBar
                    value={done}
                    max={assigned}
                    label={t('sessions.progressOf', { name: session.name })}
                    text={t('sessions.doneOf', { done: format.number(done), total: format.number(assigned) })}
                  />
                </td>
                <td className="row-actions">
                  {/* Only a session's curators may delete it. */}
                  {isCurator(session, me.id) ? (
                    <button
                      type="button"
                      className="button button-small button-danger"
                      aria-label={t('sessions.deleteLabel', { name: session.name })}
                      onClick={() => void remove(session)}
                    >
                      {t('common.delete')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? (
        <SessionFormDialog
          workshop={workshop}
          session={null}
          onClose={() => setCreating(false)}
          onCreated={(created) => void navigate(sessionPath(workshop.id, created.id))}
        />
      ) : null}
    </section>
  );
}
