import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MAX_RUBRIC_FILE_CHARS } from '#shared/scoring/rubricFile.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { exportRubricFile, importRubricFile } from '../../data/rubricsRepo.ts';
import { downloadBlob } from '../../ui/download.ts';
import { safeFileName } from '#shared/files/safeFileName.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { rubricErrorMessage } from './rubricErrors.ts';
import { fileProblemText, rubricTitle } from './rubricText.ts';

/** "MJC Kualitas & Inovasi Kemasan v2.json" */
export function rubricFileName(name: string, version: number): string {
  return safeFileName(`${name} v${version}`, 'json');
}

async function readText(file: File, t: TFunction): Promise<{ text: string } | { error: string }> {
  // Characters ≤ bytes, so a file with more bytes than the limit allows may still fit; read it and let the parser decide.
  if (file.size > MAX_RUBRIC_FILE_CHARS * 4) return { error: t('rubrics.fileProblems.tooLarge') };
  try {
    return { text: await file.text() };
  } catch (error) {
    console.error(error);
    return { error: t('rubrics.fileProblems.unreadable') };
  }
}

/** Export to a download and import from a chosen file, with translated outcomes as toasts. */
export function useRubricFiles() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  return {
    async exportFile(rubricId: string) {
      try {
        const { rubric, text } = await exportRubricFile(db, rubricId);
        const fileName = rubricFileName(rubricTitle(rubric.name, t, i18n.language), rubric.version);
        downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
        toast({ message: t('rubrics.exported', { file: fileName }) });
      } catch (error) {
        toast({ tone: 'error', message: rubricErrorMessage(error, t) });
      }
    },
    /** The new draft's id, or null when the file was refused (the reason is shown). */
    async importFile(file: File): Promise<string | null> {
      const read = await readText(file, t);
      if ('error' in read) {
        toast({ tone: 'error', message: t('rubrics.importFailed', { file: file.name, reason: read.error }) });
        return null;
      }
      try {
        const result = await importRubricFile(db, read.text, mentor.id);
        if (!result.ok) {
          toast({ tone: 'error', message: t('rubrics.importFailed', { file: file.name, reason: fileProblemText(result.problem, t) }) });
          return null;
        }
        toast({ message: t('rubrics.imported', { name: rubricTitle(result.rubric.name, t, i18n.language) }) });
        return result.rubric.id;
      } catch (error) {
        toast({ tone: 'error', message: rubricErrorMessage(error, t) });
        return null;
      }
    },
  };
}
