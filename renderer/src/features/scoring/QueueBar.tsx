import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem } from '../../data/reviewsRepo.ts';
import { ariaKeys, shortcutHint } from '#shared/keymap/keymap.ts';
import { TimeSpentText } from './TimeSpentText.tsx';
import type { Scoring } from './useScoring.ts';
import type { TimeSpentClock } from './useTimeSpent.ts';
import styles from './scoring.module.css';

/** The review route of a queue item, in the same session. */
export function reviewPath(workshopId: string, item: QueueItem, sessionId: string | null): string {
  const path = `/workshops/${workshopId}/participants/${item.participantId}/review/${item.submissionId}`;
  return sessionId ? `${path}?session=${encodeURIComponent(sessionId)}&side=score` : `${path}?side=score`;
}

/** Whether the per-item timer shows, kept while the mentor moves through the queue. */
let timerShown = false;

/**
 * Where the mentor is in their queue: "n of m scored" with a progress bar,
 * previous / next, the next unscored (Shift+N), and in a session an optional
 * timer for the submission at hand.
 */
export function QueueBar({ workshopId, submissionId, scoring, clock }: { workshopId: string; submissionId: string; scoring: Scoring; clock: TimeSpentClock }) {
  const { t } = useTranslation();
  const [showTimer, setShowTimer] = useState(timerShown);
  const queue = scoring.queue;
  if (!queue || queue.items.length === 0) return null;
  const sessionId = scoring.session?.id ?? null;
  const total = queue.items.length;
  const done = queue.done.size;
  const position = queue.items.findIndex((i) => i.submissionId === submissionId);
  const link = (item: QueueItem | null, label: string, command?: string) => {
    const shortcut = command ? shortcutHint(command) : undefined;
    const aria = command ? ariaKeys(command) : undefined;
    return item ? (
      <Link className="button button-small" to={reviewPath(workshopId, item, sessionId)} aria-keyshortcuts={aria}>
        {label}
        {shortcut ? <kbd>{shortcut}</kbd> : null}
      </Link>
    ) : (
      <button type="button" className="button button-small" disabled aria-keyshortcuts={aria}>
        {label}
        {shortcut ? <kbd>{shortcut}</kbd> : null}
      </button>
    );
  };
  return (
    <nav className="queue-bar" aria-label={t('scoring.queue.label')}>
      <span className={styles.queueName}>
        {scoring.session ? (
          <>
            {t('scoring.session.badge', { name: scoring.session.name })}
            {scoring.blind ? <span className="badge">{t('scoring.session.blind')}</span> : null}
          </>
        ) : (
          t('scoring.queue.workshop')
        )}
      </span>
      <span className={styles.queueProgress}>
        <progress max={total} value={done} aria-label={t('scoring.queue.progress', { done, total })} />
        <span>{t('scoring.queue.progress', { done, total })}</span>
        {position >= 0 ? <span className="muted">· {t('scoring.queue.position', { n: position + 1, total })}</span> : null}
      </span>
      <span className="toolbar">
        {link(scoring.previous, t('scoring.queue.previous'))}
        {link(scoring.next, t('scoring.queue.next'))}
        {link(scoring.nextUnscored, t('scoring.queue.nextUnscored'), 'review.nextUnscored')}
      </span>
      {scoring.nextUnscored === null && done === total ? <span className="muted">{t('scoring.queue.allDone')}</span> : null}
      {scoring.session ? (
        <span className={styles.queueTimer}>
          <label className="check">
            <input
              type="checkbox"
              checked={showTimer}
              onChange={(e) => {
                timerShown = e.target.checked;
                setShowTimer(e.target.checked);
              }}
            />
            {t('scoring.queue.showTimer')}
          </label>
          {showTimer ? (
            <span className={styles.itemTimer} role="timer">
              {t('scoring.queue.itemTimer')}{' '}
              <TimeSpentText clock={clock} />
            </span>
          ) : null}
        </span>
      ) : null}
    </nav>
  );
}
