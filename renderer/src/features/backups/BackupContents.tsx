import { useTranslation } from 'react-i18next';
import type { CheckedArchive } from '#shared/bundles/archive.ts';
import { BUNDLE_TABLES, type BundleTable } from '#shared/bundles/mergeBundle.ts';
import { useFormat } from '../../i18n/format.ts';
import { BarList } from '../../ui/BarList.tsx';
import styles from './backups.module.css';

export interface TableCount {
  table: BundleTable;
  count: number;
}

/** Records per table in a checked archive, in the order tables are merged. */
export function tableCounts(archive: CheckedArchive): TableCount[] {
  return BUNDLE_TABLES.map((table) => ({ table, count: archive.records[table]?.length ?? 0 })).filter((c) => c.count > 0);
}

/** What a backup holds: when and by whom, records per kind as a table and a bar chart, and its images. */
export function BackupContents({ archive }: { archive: CheckedArchive }) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = tableCounts(archive);
  const imageBytes = archive.blobs.reduce((n, b) => n + b.bytes, 0);
  const { manifest } = archive;
  return (
    <div className="backup-contents">
      <p>
        {t('backups.previewMeta', {
          when: format.timestamp(Date.parse(manifest.createdAt)),
          who: manifest.createdBy.name,
          version: manifest.app.version,
        })}
      </p>
      <div className={styles.backupContentsGrid}>
        <table className="table">
          <caption>{t('backups.previewTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.previewKind')}</th>
              <th scope="col" className="numeric">
                {t('backups.previewCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.table} data-table={c.table}>
                <th scope="row">{t(`bundles.tables.${c.table}`)}</th>
                <td className="numeric">{format.number(c.count)}</td>
              </tr>
            ))}
            <tr data-table="images">
              <th scope="row">{t('backups.previewImages')}</th>
              <td className="numeric">
                {t('backups.previewImagesCount', { count: archive.blobs.length, size: format.bytes(imageBytes) })}
              </td>
            </tr>
          </tbody>
        </table>
        <BarList
          className={styles.backupChart}
          label={t('backups.previewChart')}
          bars={counts.map((c) => ({ key: c.table, label: t(`bundles.tables.${c.table}`), value: c.count }))}
        />
      </div>
    </div>
  );
}
