import type { TFunction } from 'i18next';
import type { RecordStamp } from '#shared/bundles/mergeRecords.ts';
import type { RefusedSessionEdit } from '#shared/bundles/sessionAuthority.ts';
import type { ImportPreview, ImportResult } from '../../data/archiveRepo.ts';
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

/** The session's name, the settings the edit would have changed, and why it was refused, in words. */
export function refusedText(e: RefusedSessionEdit, result: Pick<ImportPreview, 'names'>, t: TFunction) {
  const who = result.names.mentors[e.by] ?? t('bundles.labels.unknownMentor');
  return {
    session: result.names.sessions[e.id] ?? e.id,
    who,
    settings: [...new Set(e.fields.map((f) => t(`curators.merge.fields.${f}`)))].join(', '),
    reason: t('curators.merge.notCurator', { who }),
  };
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
  // Session edits refused (not by a curator): listed with the reason, the studio's copy kept.
  for (const e of result.refused) {
    const text = refusedText(e, result, t);
    rows.push([
      t('bundles.tables.sessions'),
      text.session,
      `${t('curators.merge.csvOutcome')}: ${text.reason} (${text.settings})`,
      t('bundles.report.csvLocal'),
      '',
      t('bundles.report.stamp', { who: text.who, when: when(e.at) }),
    ]);
  }
  return csvText(header, rows);
}
