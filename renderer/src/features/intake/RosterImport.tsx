import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchParticipant } from '../../../../shared/intake/fileNames.ts';
import { parseRoster, type RosterEntry, type RosterProblem } from '../../../../shared/intake/roster.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { createParticipant, listParticipants } from '../../data/participantsRepo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { filesFromInput } from './collectFiles.ts';
import type { RosterRow } from './importPlan.ts';
import { useImporter } from './ImportProvider.tsx';
import { readRosterFile } from './readRosterFile.ts';

function toRow(entry: RosterEntry): RosterRow {
  // `row` only locates problems in the file; the participant does not keep it.
  const { files, row: _row, ...fields } = entry;
  return { fields, files };
}

interface Prepared {
  rows: RosterRow[];
  problems: RosterProblem[];
}

/**
 * A roster (CSV or XLSX) creates the workshop's participants in one go; then
 * its folder of designs is imported, each file going to the row that names it.
 */
export function RosterImport({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const importer = useImporter();
  const rosterInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [prepared, setPrepared] = useState<Prepared | null>(null);

  async function readRoster(file: File) {
    let table: string[][];
    try {
      table = await readRosterFile(file);
    } catch (error) {
      console.error(error);
      toast({ tone: 'error', message: t('intake.rosterUnreadable') });
      return;
    }
    const { entries, problems } = parseRoster(table);
    try {
      const existing = await listParticipants(db, workshopId);
      for (const entry of entries) {
        const { fields } = toRow(entry);
        if (matchParticipant(fields, existing)) continue;
        existing.push(await createParticipant(db, { ...fields, workshopId }, mentor.id));
      }
      setPrepared({ rows: entries.map(toRow), problems });
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => rosterInput.current?.click()}>
        {t('intake.importRoster')}
      </button>
      <input
        ref={rosterInput}
        type="file"
        hidden
        tabIndex={-1}
        accept=".csv,.tsv,.txt,.xlsx"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void readRoster(file);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        tabIndex={-1}
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => {
          const files = filesFromInput(e.currentTarget.files);
          e.currentTarget.value = '';
          const rows = prepared?.rows ?? [];
          setPrepared(null);
          void importer.start(files, { kind: 'workshop', workshopId }, rows);
        }}
      />
      {prepared ? (
        <Dialog
          wide
          title={t('intake.importRoster')}
          onClose={() => setPrepared(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setPrepared(null)}>
                {t('intake.rosterSkipFolder')}
              </button>
              <button type="button" className="button button-primary" autoFocus onClick={() => folderInput.current?.click()}>
                {t('intake.rosterFolder')}
              </button>
            </>
          }
        >
          <p>{t('intake.rosterParticipants', { count: prepared.rows.length })}</p>
          <p className="muted">{t('intake.rosterChoose')}</p>
          {prepared.problems.length > 0 ? (
            <>
              <h3>{t('intake.rosterRows')}</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('intake.rosterRow')}</th>
                    <th scope="col">{t('intake.rosterColumn')}</th>
                    <th scope="col">{t('intake.rosterProblem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {prepared.problems.map((problem, i) => (
                    <tr key={`${problem.row}-${problem.code}-${i}`}>
                      <td>{problem.row}</td>
                      <td>{problem.column ?? t('common.notSet')}</td>
                      <td>{t(`intake.rosterProblems.${problem.code}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
