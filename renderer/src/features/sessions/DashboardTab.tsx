import { useTranslation } from 'react-i18next';
import type { MentorProgress, SessionData } from '../../data/sessionsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { MentorProgressChart } from './MentorProgressChart.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { mentorName } from './sessionText.ts';

/**
 * Progress per mentor and over the session. It shows counts only, never
 * scores, so it is the same for everyone, blind or not.
 */
export function DashboardTab({ data, progress }: { data: SessionData; progress: readonly MentorProgress[]; visible: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assigned = progress.reduce((a, p) => a + p.assigned, 0);
  const done = progress.reduce((a, p) => a + p.assigned - p.remaining, 0);
  const live = new Set(data.items.map((i) => i.submission.id));
  const counted = new Map<string, number>();
  for (const r of data.reviews) {
    if (r.status === 'submitted' && !r.abstained && !r.conflictOfInterest && live.has(r.submissionId)) {
      counted.set(r.submissionId, (counted.get(r.submissionId) ?? 0) + 1);
    }
  }
  const scored = [...counted.values()].filter((n) => n >= 1).length;
  const names = (id: string) => mentorName(data.mentors, id, t);

  return (
    <div className="session-dashboard">
      <h2>{t('sessions.dashboard.overall')}</h2>
      <ProgressBar
        value={done}
        max={assigned}
        label={t('sessions.dashboard.overallLabel')}
        text={t('sessions.dashboard.overallText', { done: format.number(done), total: format.number(assigned) })}
      />
      <p className="muted">
        {t('sessions.dashboard.scoredSubmissions', { scored: format.number(scored), total: format.number(data.items.length) })}
      </p>
      <h2>{t('sessions.dashboard.perMentor')}</h2>
      <MentorProgressChart progress={progress} names={names} />
      <table className="table">
        <caption className="visually-hidden">{t('sessions.dashboard.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessions.dashboard.mentor')}</th>
            <th scope="col" className="numeric">
              {t('sessions.dashboard.assigned')}
            </th>
            <th scope="col" className="numeric">
              {t('sessions.dashboard.submitted')}
            </th>
            <th scope="col" className="numeric">
              {t('sessions.dashboard.abstained')}
            </th>
            <th scope="col" className="numeric">
              {t('sessions.dashboard.drafts')}
            </th>
            <th scope="col" className="numeric">
              {t('sessions.dashboard.conflicts')}
            </th>
            <th scope="col" className="numeric">
              {t('sessions.dashboard.remaining')}
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.map((p) => (
            <tr key={p.mentorId}>
              <th scope="row">{names(p.mentorId)}</th>
              <td className="numeric">{format.number(p.assigned)}</td>
              <td className="numeric">{format.number(p.submitted)}</td>
              <td className="numeric">{format.number(p.abstained)}</td>
              <td className="numeric">{format.number(p.drafts)}</td>
              <td className="numeric">{format.number(p.conflicts)}</td>
              <td className="numeric">{format.number(p.remaining)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
