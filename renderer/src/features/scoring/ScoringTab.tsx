import { useTranslation } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { reopen } from '../../data/reviewsRepo.ts';
import { Loading } from '../../ui/Placeholders.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { ScoringPanel } from './ScoringPanel.tsx';
import { scoringErrorMessage } from './scoringErrors.ts';
import type { Scoring } from './useScoring.ts';
import type { TimeSpentClock } from './useTimeSpent.ts';

interface Props {
  scoring: Scoring;
  annotations: readonly Annotation[];
  mentorNames: ReadonlyMap<string, string>;
  clock: TimeSpentClock;
  onSelectAnnotation: (id: string) => void;
}

/** The "Nilai" tab of the review screen: the scoring panel, or why this mentor cannot score here. */
export function ScoringTab({ scoring, annotations, mentorNames, clock, onSelectAnnotation }: Props) {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const { session, review, rubric } = scoring;

  if (scoring.blocked) {
    const name = session?.name ?? '';
    const message =
      scoring.blocked === 'session-missing' ? t('scoring.session.notFound')
      : scoring.blocked === 'not-member' ? t('scoring.session.notMember', { name })
      : scoring.blocked === 'conflict' ? t('scoring.session.conflict', { name })
      : t('scoring.session.notAssigned', { name });
    return (
      <div className="notice scoring-blocked" role="status">
        <p>{message}</p>
        {scoring.blocked === 'conflict' && review?.conflictOfInterest && session?.status === 'open' ? (
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              void reopen(db, review.id, mentor.id).then(
                () => toast({ screen: true, message: t('scoring.reopened') }),
                (error: unknown) => toast({ tone: 'error', message: scoringErrorMessage(error, t) }),
              )
            }
          >
            {t('scoring.withdraw')}
          </button>
        ) : null}
      </div>
    );
  }
  if (scoring.loading || !review) return <Loading />;
  if (!rubric) {
    return (
      <div className="notice" role="status">
        <p>{t('scoring.errors.rubric-missing')}</p>
      </div>
    );
  }
  const closed = session?.status === 'closed';
  return (
    <>
      {closed ? (
        <div className="notice" role="status">
          <p>{t('scoring.session.closed')}</p>
        </div>
      ) : null}
      <ScoringPanel
        review={review}
        rubric={rubric}
        annotations={annotations}
        otherReviews={scoring.revealOthers ? scoring.otherReviews : null}
        othersHiddenText={session?.reveal === 'own-queue-done' ? t('curators.othersHiddenQueue') : undefined}
        mentorNames={mentorNames}
        readOnly={closed}
        clock={clock}
        onSelectAnnotation={onSelectAnnotation}
      />
    </>
  );
}
