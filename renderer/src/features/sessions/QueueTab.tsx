import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Review } from '#shared/domain/review.ts';
import { assignQueues, nextUnscored } from '#shared/scoring/queue.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import type { MentorProgress, SessionData, SessionItem } from '../../data/sessionsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { mentorName } from './sessionText.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

type ItemStatus = 'todo' | 'draft' | 'submitted' | 'abstained';

/** Where a mentor scores a submission of the session (the review screen in session mode). */
export function reviewPath(data: SessionData, item: SessionItem): string {
  return `/workshops/${data.workshop.id}/participants/${item.submission.participantId}/review/${item.submission.id}?session=${data.session.id}`;
}

/** What a list shows for a submission: its number while blind, else the business, product and version. */
export function useItemLabel(visible: boolean, blind: boolean) {
  const { t } = useTranslation();
  return (item: SessionItem) =>
    blind && !visible
      ? t('sessions.blindLabel', { n: item.number })
      : t('sessions.itemLabel', { business: item.participant?.business ?? t('sessions.unknownParticipant'), version: item.submission.version });
}

function statusOf(review: Review | undefined): ItemStatus {
  if (!review) return 'todo';
  if (review.status === 'draft') return 'draft';
  return review.abstained ? 'abstained' : 'submitted';
}

/** The current mentor's queue: where they are, what is left, and the way back into scoring. */
export function QueueTab({ data, progress, visible }: { data: SessionData; progress: readonly MentorProgress[]; visible: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentMentorRecord();
  const format = useFormat();
  const label = useItemLabel(visible, data.session.blind);
  const { session } = data;
  const queue = useMemo(() => assignQueues(session).get(me.id) ?? null, [session, me.id]);
  const mine = progress.find((p) => p.mentorId === me.id);

  if (queue === null || !mine) {
    return (
      <div className="notice" role="note">
        <p>{t('sessions.queue.notMentor', { name: me.name })}</p>
        <p>{t('sessions.queue.mentorsAre', { names: session.mentorIds.map((id) => mentorName(data.mentors, id, t)).join(', ') })}</p>
      </div>
    );
  }

  const items = new Map(data.items.map((i) => [i.submission.id, i]));
  const myReviews = new Map(data.reviews.filter((r) => r.mentorId === me.id).map((r) => [r.submissionId, r]));
  const next = nextUnscored(queue, mine.done);
  const nextItem = next ? items.get(next) : undefined;
  const started = mine.done.size > 0 || mine.drafts > 0;
  const conflicts = session.conflicts.filter((c) => c.mentorId === me.id).flatMap((c) => items.get(c.submissionId) ?? []);
  const done = mine.assigned - mine.remaining;

  return (
    <div className={styles.sessionQueue}>
      <h2>{t('sessions.queue.heading', { name: me.name })}</h2>
      <ProgressBar
        value={done}
        max={mine.assigned}
        label={t('sessions.queue.progressLabel')}
        text={t('sessions.doneOf', { done: format.number(done), total: format.number(mine.assigned) })}
      />
      {session.blind && !visible ? <p className="notice">{t('sessions.queue.blindNote')}</p> : null}
      {session.status === 'closed' ? (
        <p className="notice">{t('sessions.queue.closedNote')}</p>
      ) : nextItem ? (
        <p className={styles.queueNext}>
          <Link className="button button-primary" to={reviewPath(data, nextItem)}>
            {started ? t('sessions.queue.continue') : t('sessions.queue.start')}
          </Link>{' '}
          <span className="muted">{t('sessions.queue.nextIs', { label: label(nextItem) })}</span>
        </p>
      ) : (
        <p className={cx('notice', styles.noticeOk)}>{queue.length === 0 ? t('sessions.queue.empty') : t('sessions.queue.allDone')}</p>
      )}
      {queue.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t('sessions.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('sessions.queue.position')}
              </th>
              <th scope="col">{t('sessions.queue.submission')}</th>
              <th scope="col">{t('sessions.queue.category')}</th>
              <th scope="col">{t('sessions.queue.status')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((submissionId, index) => {
              const item = items.get(submissionId);
              if (!item) return null;
              const status = statusOf(myReviews.get(submissionId));
              return (
                <tr key={submissionId}>
                  <td className="numeric">{format.number(index + 1)}</td>
                  <th scope="row">
                    {session.status === 'open' ? <Link to={reviewPath(data, item)}>{label(item)}</Link> : label(item)}
                  </th>
                  <td>{item.participant ? t(`categories.${item.participant.category}`) : t('common.notSet')}</td>
                  <td>
                    <span className={cx(styles.status, `status-${status}`)}>{t(`sessions.queue.statuses.${status}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {conflicts.length > 0 ? (
        <p className="muted">{t('sessions.queue.conflicts', { labels: conflicts.map(label).join(', ') })}</p>
      ) : null}
    </div>
  );
}
