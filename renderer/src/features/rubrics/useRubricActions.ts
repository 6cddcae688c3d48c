import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Rubric } from '#shared/domain/rubric.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { archiveFamily, archiveRubric, duplicateRubric, newVersion, unarchiveFamily, unarchiveRubric } from '../../data/rubricsRepo.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { rubricErrorMessage } from './rubricErrors.ts';
import { rubricTitle } from './rubricText.ts';

/** What the library and the editor can do with a version or a family; each says how it went. */
export function useRubricActions() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const navigate = useNavigate();
  const title = (r: Rubric) => rubricTitle(r.name, t, i18n.language);

  async function run(action: () => Promise<void>) {
    try {
      await action();
    } catch (error) {
      toast({ tone: 'error', message: rubricErrorMessage(error, t) });
    }
  }

  return {
    /** Opens the family's draft of the next version, made from `source` unless one is open already. */
    newVersion: (source: Rubric) =>
      run(async () => {
        const { draft, existing } = await newVersion(db, source.id, mentor.id);
        toast({ message: existing ? t('rubrics.newVersionExisting', { version: draft.version }) : t('rubrics.newVersionMade', { version: draft.version }) });
        void navigate(`/rubrics/${draft.id}`);
      }),
    duplicate: (source: Rubric) =>
      run(async () => {
        const copyName = (text: string, lng: 'id' | 'en') => (text.trim() ? t('rubrics.copyName', { name: text, lng }) : '');
        const copy = await duplicateRubric(db, source.id, mentor.id, { id: copyName(source.name.id, 'id'), en: copyName(source.name.en, 'en') });
        toast({ message: t('rubrics.duplicated', { name: title(source) }) });
        void navigate(`/rubrics/${copy.id}`);
      }),
    archiveFamily: (newest: Rubric) =>
      run(async () => {
        await archiveFamily(db, newest.familyId, mentor.id);
        toast({ message: t('rubrics.archived', { name: title(newest) }) });
      }),
    unarchiveFamily: (newest: Rubric) =>
      run(async () => {
        await unarchiveFamily(db, newest.familyId, mentor.id);
        toast({ message: t('rubrics.unarchived', { name: title(newest) }) });
      }),
    archiveVersion: (version: Rubric) =>
      run(async () => {
        await archiveRubric(db, version.id, mentor.id);
        toast({ message: t('rubrics.archived', { name: `${title(version)} v${version.version}` }) });
      }),
    unarchiveVersion: (version: Rubric) =>
      run(async () => {
        await unarchiveRubric(db, version.id, mentor.id);
        toast({ message: t('rubrics.unarchived', { name: `${title(version)} v${version.version}` }) });
      }),
  };
}
