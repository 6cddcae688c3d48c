import { useTranslation } from 'react-i18next';
import type { CheckedArchive } from '../../../../shared/bundles/archive.ts';
import { BUNDLE_TABLES, type BundleTable } from '../../../../shared/bundles/mergeBundle.ts';
import { useFormat } from '../../i18n/format.ts';

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
      <div className="backup-contents-grid">
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
        <CountChart counts={counts} />
      </div>
    </div>
  );
}

const ROW = 22;
const LABEL = 140;
const WIDTH = 340;

/** Horizontal bars of the counts; the table beside it carries the same numbers for screen readers. */
function CountChart({ counts }: { counts: TableCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = Math.max(1, ...counts.map((c) => c.count));
  const barSpace = WIDTH - LABEL - 50;
  return (
    <svg
      className="backup-chart"
      role="img"
      aria-label={t('backups.previewChart')}
      viewBox={`0 0 ${WIDTH} ${counts.length * ROW + 4}`}
      width={WIDTH}
      height={counts.length * ROW + 4}
    >
      {counts.map((c, i) => {
        const y = i * ROW + 2;
        const width = Math.max(2, (c.count / max) * barSpace);
        return (
          <g key={c.table}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className="backup-chart-label">
              {t(`bundles.tables.${c.table}`)}
            </text>
            <rect x={LABEL} y={y + 3} width={width} height={ROW - 8} rx={2} className="backup-chart-bar" />
            <text x={LABEL + width + 6} y={y + ROW / 2 + 4} className="backup-chart-value">
              {format.number(c.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
