import type { TFunction } from 'i18next';
import type { MergeEntry } from '#shared/bundles/mergeRecords.ts';
import type { RecordNames } from '../../data/archiveRepo.ts';
import { bundleTableLabel, faceLabel } from '../../i18n/labels.ts';

/**
 * A record of a merge report in human terms ("Penilaian Sari untuk Keripik Tempe Bu Sari v1"),
 * from the names the import gathered on both sides; an id only where nothing names it.
 */
export function recordLabel(entry: Pick<MergeEntry, 'table' | 'id'>, names: RecordNames, t: TFunction, language: string): string {
  const mentor = (id: string) => names.mentors[id] ?? t('bundles.labels.unknownMentor');
  const submission = (id: string) => {
    const s = names.submissions[id];
    const p = s ? names.participants[s.participantId] : undefined;
    if (!s || !p) return t('bundles.labels.unknownSubmission');
    return t('bundles.labels.submission', { participant: p.business, version: s.version });
  };
  const unnamed = () => t('bundles.labels.unnamed', { table: bundleTableLabel(t, entry.table), id: entry.id });
  const id = entry.id;
  switch (entry.table) {
    case 'mentors':
      return names.mentors[id] ? t('bundles.labels.mentor', { name: names.mentors[id] }) : unnamed();
    case 'workshops':
      return names.workshops[id] ? t('bundles.labels.workshop', { name: names.workshops[id] }) : unnamed();
    case 'participants': {
      const p = names.participants[id];
      return p ? t('bundles.labels.participant', { name: [p.business, p.product].filter(Boolean).join(' · ') }) : unnamed();
    }
    case 'submissions':
      return names.submissions[id] ? submission(id) : unnamed();
    case 'assets': {
      const a = names.assets[id];
      if (!a) return unnamed();
      return t('bundles.labels.asset', { face: faceLabel(t, a.face), submission: a.submissionId ? submission(a.submissionId) : a.fileName });
    }
    case 'rubrics': {
      const r = names.rubrics[id];
      return r ? t('bundles.labels.rubric', { name: language === 'en' ? r.name.en || r.name.id : r.name.id, version: r.version }) : unnamed();
    }
    case 'sessions':
      return names.sessions[id] ? t('bundles.labels.session', { name: names.sessions[id] }) : unnamed();
    case 'reviews': {
      const r = names.reviews[id];
      return r ? t('bundles.labels.review', { mentor: mentor(r.mentorId), submission: submission(r.submissionId) }) : unnamed();
    }
    case 'annotations': {
      const a = names.annotations[id];
      return a ? t('bundles.labels.annotation', { number: a.number, mentor: mentor(a.mentorId), submission: submission(a.submissionId) }) : unnamed();
    }
    case 'labelChecklists': {
      const c = names.labelChecklists[id];
      return c ? t('bundles.labels.labelChecklist', { mentor: mentor(c.mentorId), submission: submission(c.submissionId) }) : unnamed();
    }
    case 'commentSnippets':
      return names.commentSnippets[id] ? t('bundles.labels.commentSnippet', { text: names.commentSnippets[id].slice(0, 60) }) : unnamed();
    default:
      return unnamed();
  }
}
