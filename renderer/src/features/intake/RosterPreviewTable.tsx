import { useTranslation } from 'react-i18next';
import { parsePackSize, SIZE_ORDERS, type SizeOrder, type SizeUnit } from '#shared/intake/packSize.ts';
import { restorePhoneZero, ROSTER_FIELDS, type ColumnChoice, type RosterColumn, type RosterField, type RosterProblem } from '#shared/intake/roster.ts';
import type { RosterFolderMatch, RosterWrite } from '#shared/intake/rosterPlan.ts';
import { useFormat } from '../../i18n/format.ts';
import { columnLetter } from './RosterFindings.tsx';
import styles from './roster.module.css';
import { cx } from '../../ui/cx.ts';

const SIZE_FIELDS: ReadonlySet<RosterField> = new Set<RosterField>(['width', 'height', 'depth', 'size']);
const NOT_USED = '';

export type RowStatus = RosterWrite['action'] | 'skip' | 'blank';

interface Props {
  columns: readonly RosterColumn[];
  /** The rows under the header, merged cells filled, with their 1-based spreadsheet row numbers. */
  rows: readonly { row: number; cells: readonly string[] }[];
  totalRows: number;
  status: ReadonlyMap<number, { status: RowStatus; write?: RosterWrite }>;
  problems: ReadonlyMap<number, RosterProblem[]>;
  folder: RosterFolderMatch | null;
  onChoose: (index: number, choice: ColumnChoice) => void;
}

/**
 * The first rows of the roster as a table, each column's reading above it and
 * changeable (field, unit, order of a combined size), each row's result and
 * problems beside it, and with a design folder the files each row will get.
 */
export function RosterPreviewTable({ columns, rows, totalRows, status, problems, folder, onChoose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const choiceOf = (c: RosterColumn): ColumnChoice => ({
    field: c.field,
    ...(c.unit ? { unit: c.unit } : {}),
    ...(c.order ? { order: c.order } : {}),
  });

  return (
    <>
      <div className={styles.rosterPreviewScroll} role="region" aria-label={t('roster.previewLabel')} tabIndex={0}>
        <table className={cx('table', styles.rosterPreview)}>
          <thead>
            <tr>
              <th scope="col" className={styles.rosterPreviewRowhead}>
                {t('roster.row')}
              </th>
              <th scope="col">{t('roster.result')}</th>
              {folder ? <th scope="col">{t('roster.designs')}</th> : null}
              {columns.map((c) => (
                <th scope="col" key={c.index} className={c.field === null ? styles.rosterColumnUnused : undefined}>
                  <span className={styles.rosterLetter}>{columnLetter(c.index)}</span> {c.header || t('roster.untitled')}
                </th>
              ))}
            </tr>
            <tr className={styles.rosterReadings}>
              <td />
              <td />
              {folder ? <td /> : null}
              {columns.map((c) => {
                const letter = columnLetter(c.index);
                return (
                  <td key={c.index} className={c.field === 'size' ? styles.rosterReadingSize : undefined}>
                    <select
                      aria-label={t('roster.readAs', { letter, header: c.header || t('roster.untitled') })}
                      value={c.field ?? NOT_USED}
                      onChange={(e) => onChoose(c.index, { field: (e.currentTarget.value || null) as RosterField | null })}
                    >
                      <option value={NOT_USED}>{t('roster.notUsed')}</option>
                      {ROSTER_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`roster.fields.${f}`)}
                        </option>
                      ))}
                    </select>
                    {c.field && SIZE_FIELDS.has(c.field) && c.unit ? (
                      <>
                        <select
                          aria-label={t('roster.unitLabel', { letter })}
                          value={c.unit}
                          onChange={(e) => onChoose(c.index, { ...choiceOf(c), unit: e.currentTarget.value as SizeUnit })}
                        >
                          <option value="mm">{t('roster.units.mm')}</option>
                          <option value="cm">{t('roster.units.cm')}</option>
                        </select>
                        {c.unitFrom ? <span className={styles.rosterNote}>{t(`roster.unitFrom.${c.unitFrom}`)}</span> : null}
                      </>
                    ) : null}
                    {c.field === 'size' && c.order ? (
                      <>
                        <select
                          aria-label={t('roster.orderLabel', { letter })}
                          value={c.order}
                          onChange={(e) => onChoose(c.index, { ...choiceOf(c), order: e.currentTarget.value as SizeOrder })}
                        >
                          {SIZE_ORDERS.map((o) => (
                            <option key={o} value={o}>
                              {t(`roster.orders.${o}`)}
                            </option>
                          ))}
                        </select>
                        <span className={styles.rosterNote}>
                          {t(`roster.orderFrom.${c.orderFrom ?? 'default'}`, { written: c.orderWritten ?? '', order: t(`roster.orders.${c.order}`) })}
                        </span>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => {
              const s = status.get(row);
              const rowProblems = problems.get(row) ?? [];
              const kind = s?.status ?? 'blank';
              const className = kind === 'skip' ? styles.rosterRowSkip : rowProblems.length > 0 ? styles.rosterRowWarn : undefined;
              return (
                <tr key={row} className={className}>
                  <th scope="row" className={styles.rosterPreviewRowhead}>
                    {format.number(row)}
                  </th>
                  <td className={styles.rosterStatus}>
                    <RowResult status={kind} write={s?.write} />
                    {rowProblems.length > 0 ? (
                      <ul className={styles.rosterRowProblems}>
                        {rowProblems.map((p, i) => (
                          <li key={i}>{t(`intake.rosterProblems.${p.code}`)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  {folder ? <td>{kind === 'skip' || kind === 'blank' ? null : <RowDesigns row={row} folder={folder} />}</td> : null}
                  {columns.map((c) => {
                    const text = (cells[c.index] ?? '').trim();
                    const size = c.field === 'size' && text && c.unit && c.order ? parsePackSize(text, { unit: c.unit, order: c.order }) : null;
                    const phone = c.field === 'contact' && text ? restorePhoneZero(text) : text;
                    return (
                      <td key={c.index} className={c.field === null ? styles.rosterColumnUnused : undefined}>
                        {text}
                        {size?.ok ? (
                          <span className={styles.rosterSizeRead}>
                            {t(size.size.depthMm > 0 ? 'roster.sizeRead' : 'roster.sizeReadFlat', {
                              width: format.number(size.size.widthMm),
                              height: format.number(size.size.heightMm),
                              depth: format.number(size.size.depthMm),
                            })}
                          </span>
                        ) : null}
                        {phone !== text ? <span className={styles.rosterSizeRead}>= {phone}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('roster.previewShown', { shown: format.number(rows.length), total: format.number(totalRows) })}</p>
    </>
  );
}

function RowResult({ status, write }: { status: RowStatus; write: RosterWrite | undefined }) {
  const { t } = useTranslation();
  if (status === 'blank') return <span className="muted">{t('roster.status.blank')}</span>;
  if (status === 'update' && write?.action === 'update') {
    const fields = write.changes.map((f) => t(`participants.${f}`)).join(', ');
    return <span className={cx(styles.rosterBadge, styles.rosterBadgeUpdate)}>{t('roster.status.update', { fields })}</span>;
  }
  return <span className={cx(styles.rosterBadge, styles[`roster-badge-${status}`])}>{t(`roster.status.${status}`)}</span>;
}

function RowDesigns({ row, folder }: { row: number; folder: RosterFolderMatch }) {
  const { t } = useTranslation();
  const files = folder.byRow.get(row) ?? [];
  const missing = folder.missing.get(row) ?? [];
  const names = files.map((p) => p.split('/').pop() ?? p);
  return (
    <>
      {files.length === 0 ? (
        <span className="muted">{t('roster.folder.none')}</span>
      ) : (
        <span title={names.join('\n')}>
          {t('roster.folder.files', { count: files.length })}: {names.slice(0, 2).join(', ')}
          {names.length > 2 ? '…' : ''}
        </span>
      )}
      {missing.length > 0 ? <span className={styles.rosterMissing}>{t('roster.folder.missing', { files: missing.join(', ') })}</span> : null}
    </>
  );
}
