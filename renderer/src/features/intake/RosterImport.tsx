import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '#shared/domain/participant.ts';
import type { RosterProblem, RosterUnusedColumn } from '#shared/intake/roster.ts';
import { entryFields } from '#shared/intake/rosterPlan.ts';
import { markMilestone } from '../../app/milestones.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { applyRoster, listParticipants } from '../../data/participantsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { useImporter } from './ImportProvider.tsx';
import { readRosterWorkbook, RosterFileError, type RosterSheet } from './readRosterFile.ts';
import { RosterProblems, UnusedColumns } from './RosterFindings.tsx';
import { countRoster, RosterPreviewDialog, type RosterCounts, type RosterDecision } from './RosterPreviewDialog.tsx';
import styles from './roster.module.css';

interface Opened {
  fileName: string;
  sheets: RosterSheet[];
  existing: Participant[];
}

interface Report {
  counts: RosterCounts;
  unusedColumns: RosterUnusedColumn[];
  problems: RosterProblem[];
  designs: boolean;
}

/**
 * *Impor daftar peserta…*: a roster (CSV or XLSX) opens a preview where every
 * column's reading can be checked and changed and the design folder chosen;
 * *Impor* writes the participants in one transaction and then imports the
 * folder, each file going to the row that names it; a report says what was
 * written and what was not used.
 */
export function RosterImport({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const importer = useImporter();
  const rosterInput = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [saving, setSaving] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  async function open(file: File) {
    try {
      const sheets = await readRosterWorkbook(file);
      const existing = await listParticipants(db, workshopId);
      setOpened({ fileName: file.name, sheets, existing });
    } catch (error) {
      console.error(error);
      const code = error instanceof RosterFileError ? error.code : 'unreadable';
      toast({ tone: 'error', message: t(`roster.fileErrors.${code}`) });
    }
  }

  async function commit({ result, folder }: RosterDecision) {
    // The designs could not follow the participants: say so before writing anything.
    if (folder && folder.length > 0 && importer.progress && !importer.progress.finished) {
      toast({ tone: 'error', message: t('intake.busy') });
      return;
    }
    setSaving(true);
    try {
      const plan = await applyRoster(db, workshopId, result.entries, mentor.id);
      setOpened(null);
      setReport({
        counts: countRoster(plan, result.problems),
        unusedColumns: result.unusedColumns,
        problems: result.problems,
        designs: folder !== null && folder.length > 0,
      });
      markMilestone('roster-imported');
      if (folder && folder.length > 0) {
        const rows = result.entries.map((entry) => ({ fields: entryFields(entry), files: entry.files }));
        void importer.start(folder, { kind: 'workshop', workshopId }, rows);
      }
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    } finally {
      setSaving(false);
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
          if (file) void open(file);
        }}
      />
      {opened ? (
        <RosterPreviewDialog
          fileName={opened.fileName}
          sheets={opened.sheets}
          existing={opened.existing}
          saving={saving}
          onImport={(decision) => void commit(decision)}
          onCancel={() => setOpened(null)}
        />
      ) : null}
      {report ? <RosterReportDialog report={report} onClose={() => setReport(null)} /> : null}
    </>
  );
}

function RosterReportDialog({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = Object.fromEntries(Object.entries(report.counts).map(([k, v]) => [k, format.number(v)])) as Record<keyof RosterCounts, string>;
  return (
    <Dialog
      wide
      className={styles.rosterDialog}
      title={t('roster.report.title')}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p>{t('roster.report.written', counts)}</p>
      {report.designs ? <p className="muted">{t('roster.report.designs')}</p> : null}
      <UnusedColumns columns={report.unusedColumns} />
      <RosterProblems problems={report.problems} />
    </Dialog>
  );
}
