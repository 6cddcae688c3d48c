import type { TFunction } from 'i18next';
import type { RecordStamp } from '../../../../shared/bundles/mergeRecords.ts';
import type { ImportResult } from '../../data/archiveRepo.ts';
import { csvText } from '../../ui/csvText.ts';
import { recordLabel } from './recordLabel.ts';
import { bundleTableLabel } from '../../i18n/labels.ts';

/** "Budi Santoso, 28 Nov 2026 10.15" or "Budi Santoso menghapus, …" for one side of a record. */
export function stampText(stamp: RecordStamp, result: Pick<ImportResult, 'names'>, t: TFunction, when: (ms: number) => string): string {
  const who = result.names.mentors[stamp.updatedBy] ?? t('bundles.labels.unknownMentor');
  return stamp.deletedAt !== null
    ? t('bundles.report.stampDeleted', { who, when: when(stamp.updatedAt) })
    : t('bundles.report.stamp', { who, when: when(stamp.updatedAt) });
}

/** Every record of the merge report as CSV: kind, record, outcome, which copy was kept, and both sides' last edit. */
export function mergeReportCsv(result: ImportResult, t: TFunction, language: string, when: (ms: number) => string): string {
  const header = [
    t('bundles.report.csvTable'),
    t('bundles.report.csvRecord'),
    t('bundles.report.csvOutcome'),
    t('bundles.report.csvWinner'),
    t('bundles.report.csvLocal'),
    t('bundles.report.csvIncoming'),
  ];
  const rows = result.report.map((e) => [
    bundleTableLabel(t, e.table),
    recordLabel(e, result.names, t, language),
    t(`bundles.outcomes.${e.outcome}`),
    e.winner === 'local' ? t('bundles.report.csvLocal') : t('bundles.report.csvIncoming'),
    e.local ? stampText(e.local, result, t, when) : '',
    stampText(e.incoming, result, t, when),
  ]);
  return csvText(header, rows);
}
