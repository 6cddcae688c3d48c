import type { TFunction } from 'i18next';
import type { Mentor } from '#shared/domain/mentor.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import { SessionRuleError } from '../../data/sessionsRepo.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';

/** A translated sentence for a refused or failed session change. */
export function sessionErrorMessage(error: unknown, t: TFunction, mentors: readonly Mentor[] = []): string {
  if (!(error instanceof SessionRuleError)) return saveErrorMessage(error, t);
  switch (error.code) {
    case 'no-mentors':
      return t('sessions.errors.noMentors');
    case 'no-submissions':
      return t('sessions.errors.noSubmissions');
    case 'rubric-not-published':
      return t('sessions.errors.rubricNotPublished');
    case 'mentor-has-work': {
      const names = error.mentorIds.map((id) => mentors.find((m) => m.id === id)?.name ?? id).join(', ');
      return t('sessions.errors.mentorHasWork', { names });
    }
    case 'not-curator':
      return t('curators.errors.notCurator', { names: mentorNames(mentors, error.mentorIds, t) });
    case 'no-curators':
      return t('curators.errors.noCurators');
  }
}

/** Mentors' names joined for a sentence ("Sari, Budi"); unknown ones get the placeholder. */
export function mentorNames(mentors: readonly Mentor[], ids: readonly string[], t: TFunction): string {
  return ids.map((id) => mentorName(mentors, id, t)).join(', ');
}

/** "MJC Kualitas & Inovasi Kemasan · v2" in the UI language. */
export function rubricLabel(rubric: Pick<Rubric, 'name' | 'version'>, language: string): string {
  const name = language === 'en' ? rubric.name.en : rubric.name.id;
  return `${name} · v${rubric.version}`;
}

/** A mentor's name, or a placeholder for one whose record has not reached this laptop yet. */
export function mentorName(mentors: readonly Mentor[], id: string, t: TFunction): string {
  return mentors.find((m) => m.id === id)?.name ?? t('sessions.unknownMentor');
}
