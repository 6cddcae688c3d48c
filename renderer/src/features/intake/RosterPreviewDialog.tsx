import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '#shared/domain/participant.ts';
import {
  fillMerges,
  parseRoster,
  ROSTER_BLOCKING_PROBLEMS,
  type ColumnChoice,
  type RosterProblem,
  type RosterResult,
} from '#shared/intake/roster.ts';
import { matchRosterFolder, planRosterWrites, type RosterWrite } from '#shared/intake/rosterPlan.ts';
import { markMilestone } from '../../app/milestones.ts';
import { useFormat } from '../../i18n/format.ts';
import { BarList } from '../../ui/BarList.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { filesFromInput, type SourceFile } from './collectFiles.ts';
import type { RosterSheet } from './readRosterFile.ts';
import { RosterProblems, UnusedColumns } from './RosterFindings.tsx';
import { RosterPreviewTable, type RowStatus } from './RosterPreviewTable.tsx';
import styles from './roster.module.css';
import { cx } from '../../ui/cx.ts';

/** Rows shown in the preview table; every problem is listed below it whatever its row. */
const PREVIEW_ROWS = 50;

export interface RosterCounts {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
}

export function countRoster(plan: readonly RosterWrite[], problems: readonly RosterProblem[]): RosterCounts {
  const skipped = new Set(problems.filter((p) => ROSTER_BLOCKING_PROBLEMS.includes(p.code)).map((p) => p.row));
  return {
    create: plan.filter((w) => w.action === 'create').length,
    update: plan.filter((w) => w.action === 'update').length,
    unchanged: plan.filter((w) => w.action === 'unchanged').length,
    skip: skipped.size,
  };
}

/** What the person decided in the preview, handed to the import. */
export interface RosterDecision {
  result: RosterResult;
  folder: SourceFile[] | null;
}

interface Props {
  fileName: string;
  sheets: readonly RosterSheet[];
  /** The workshop's live participants, to tell creates from updates. */
  existing: readonly Participant[];
  saving: boolean;
  onImport: (decision: RosterDecision) => void;
  onCancel: () => void;
}

/** The sheet to open on: the first one with a business column, else the first. */
function firstRosterSheet(sheets: readonly RosterSheet[]): number {
  const found = sheets.findIndex((s) => parseRoster(s.rows, { merges: s.merges }).headerRow !== null);
  return Math.max(0, found);
}

/**
 * The roster preview: nothing is written until *Impor*. Shows how each column is
 * read (changeable per column), the first rows with their result and problems,
 * how many participants will be created, updated or skipped, the columns and
 * values not used, and, once a design folder is chosen, the files per row.
 */
export function RosterPreviewDialog({ fileName, sheets, existing, saving, onImport, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sheetIndex, setSheetIndex] = useState(() => firstRosterSheet(sheets));
  const [choices, setChoices] = useState<Record<number, ColumnChoice>>({});
  const [folder, setFolder] = useState<SourceFile[] | null>(null);
  const sheetHasRoster = useMemo(() => sheets.map((s) => parseRoster(s.rows, { merges: s.merges }).headerRow !== null), [sheets]);
  const folderInput = useRef<HTMLInputElement>(null);
  const sheet = useMemo(() => sheets[sheetIndex] ?? { name: fileName, rows: [], merges: [] }, [sheets, sheetIndex, fileName]);

  const result = useMemo(() => parseRoster(sheet.rows, { choices, merges: sheet.merges }), [sheet, choices]);
  const plan = useMemo(() => planRosterWrites(result.entries, existing), [result, existing]);
  const counts = countRoster(plan, result.problems);
  const folderMatch = useMemo(() => (folder ? matchRosterFolder(result.entries, folder.map((f) => f.path)) : null), [folder, result]);

  const dataRows = useMemo(() => {
    if (result.headerEndRow === null) return [];
    const table = fillMerges(sheet.rows, sheet.merges, result.headerEndRow);
    return table
      .map((cells, i) => ({ row: i + 1, cells }))
      .slice(result.headerEndRow)
      .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  }, [sheet, result.headerEndRow]);

  const status = useMemo(() => {
    const map = new Map<number, { status: RowStatus; write?: RosterWrite }>();
    for (const write of plan) map.set(write.row, { status: write.action, write });
    for (const p of result.problems) if (ROSTER_BLOCKING_PROBLEMS.includes(p.code)) map.set(p.row, { status: 'skip' });
    return map;
  }, [plan, result.problems]);
  const problemsByRow = useMemo(() => {
    const map = new Map<number, RosterProblem[]>();
    for (const p of result.problems) map.set(p.row, [...(map.get(p.row) ?? []), p]);
    return map;
  }, [result.problems]);

  useEffect(() => {
    markMilestone('roster-preview');
  }, []);

  const writes = counts.create + counts.update;
  const canImport = !saving && (writes > 0 || (folder !== null && folder.length > 0));
  const fileProblem = result.headerRow === null ? result.problems[0] : undefined;
  const matched = folderMatch ? [...folderMatch.byRow.values()].reduce((n, files) => n + files.length, 0) : 0;

  return (
    <Dialog
      wide
      className={styles.rosterDialog}
      title={t('roster.title')}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            {t('roster.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={!canImport} onClick={() => onImport({ result, folder })}>
            {saving ? t('roster.saving') : writes > 0 ? t('roster.importCount', { count: writes }) : t('roster.import')}
          </button>
        </>
      }
    >
      <p className={cx('muted', styles.rosterHint)}>{t('roster.intro')}</p>
      <div className={styles.rosterSource}>
        <span>
          {t('roster.file')}: <strong className="file-name">{fileName}</strong>
        </span>
        {sheets.length > 1 ? (
          <label>
            {t('roster.sheet')}{' '}
            <select
              value={sheetIndex}
              onChange={(e) => {
                setSheetIndex(Number(e.currentTarget.value));
                setChoices({});
              }}
            >
              {sheets.map((s, i) => (
                <option key={`${i}-${s.name}`} value={i}>
                  {sheetHasRoster[i] ? s.name : t('roster.sheetNoRoster', { name: s.name })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {result.headerRow !== null && result.headerEndRow !== null ? (
          <span>
            {result.headerEndRow > result.headerRow
              ? t('roster.headerRows', { from: format.number(result.headerRow), to: format.number(result.headerEndRow) })
              : t('roster.headerRow', { row: format.number(result.headerRow) })}
          </span>
        ) : null}
      </div>

      {fileProblem ? (
        <p className="field-error" role="alert">
          {t(`intake.rosterProblems.${fileProblem.code}`)}
        </p>
      ) : (
        <>
          <div className={styles.rosterCounts}>
            <dl className={cx('facts', styles.rosterFacts)}>
              {(['create', 'update', 'unchanged', 'skip'] as const).map((k) => (
                <div key={k}>
                  <dt>{t(`roster.counts.${k}`)}</dt>
                  <dd>{format.number(counts[k])}</dd>
                </div>
              ))}
            </dl>
            <BarList
              className={styles.rosterChart}
              label={t('roster.countsChart', { ...counts })}
              bars={(['create', 'update', 'unchanged', 'skip'] as const).map((k) => ({
                key: k,
                label: t(`roster.counts.${k}`),
                value: counts[k],
                className: `roster-bar-${k}`,
              }))}
            />
          </div>
          <p className={cx('muted', styles.rosterHint)}>{t('roster.countsHint')}</p>

          <RosterPreviewTable
            columns={result.columns}
            rows={dataRows.slice(0, PREVIEW_ROWS)}
            totalRows={dataRows.length}
            status={status}
            problems={problemsByRow}
            folder={folderMatch}
            onChoose={(index, choice) => setChoices((c) => ({ ...c, [index]: choice }))}
          />

          <section className="roster-folder" aria-labelledby="roster-folder-title">
            <h3 id="roster-folder-title">{t('roster.folder.title')}</h3>
            <p className="muted">{t('roster.folder.intro')}</p>
            {folder ? (
              <p>
                {t('roster.folder.summary', {
                  total: format.number(folder.length),
                  matched: format.number(matched),
                  others: format.number(folderMatch?.others.length ?? 0),
                })}{' '}
                {folderMatch && folderMatch.others.length > 0 ? <span className="muted">{t('roster.folder.othersHint')}</span> : null}
              </p>
            ) : null}
            <div className="toolbar">
              <button type="button" className="button" onClick={() => folderInput.current?.click()} disabled={saving}>
                {folder ? t('roster.folder.change') : t('roster.folder.choose')}
              </button>
              {folder ? (
                <button type="button" className="button" onClick={() => setFolder(null)} disabled={saving}>
                  {t('roster.folder.clear')}
                </button>
              ) : null}
            </div>
            <input
              ref={folderInput}
              type="file"
              hidden
              tabIndex={-1}
              {...{ webkitdirectory: '', directory: '' }}
              onChange={(e) => {
                const files = filesFromInput(e.currentTarget.files);
                e.currentTarget.value = '';
                setFolder(files);
              }}
            />
          </section>

          <UnusedColumns columns={result.unusedColumns} />
          <RosterProblems problems={result.problems} />
        </>
      )}
    </Dialog>
  );
}
