import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRODUCT_CATEGORIES } from '#shared/domain/participant.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import { useLibrary } from '../../data/hooks.ts';
import { useShownImageUrl } from '../faces/useShownImage.ts';
import { useFormat } from '../../i18n/format.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { DEFAULT_FILTER, filterRows, toRows, type LibraryFilter, type LibraryRow } from './libraryFilter.ts';
import { Loading } from '../../ui/Placeholders.tsx';
import { BatchExportDialog } from '../packs/BatchExportDialog.tsx';
import styles from './library.module.css';
import { cx } from '../../ui/cx.ts';

const CARD_WIDTH = 220;
const ROW_HEIGHT = 330;
const GAP = 16;

/** The cover is decorative: the card's text already names the submission. */
function Cover({ row }: { row: LibraryRow }) {
  const cover = row.faces[0];
  const url = useShownImageUrl(cover ?? { id: '', sha256: '', transform: undefined }, 'thumbnail');
  return <div className={cx('face-frame', styles.cardCover)}>{cover && url ? <img src={url} alt="" /> : null}</div>;
}

interface CardProps {
  row: LibraryRow;
  workshopId: string;
  selected: boolean;
  onToggle: (submissionId: string) => void;
}

/**
 * Memoised: the virtual list re-renders on every scroll event, a card only when
 * its row or its selection changes. The checkbox sits beside the link, not in it.
 */
const Card = memo(function Card({ row, workshopId, selected, onToggle }: CardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const p = row.participant;
  return (
    <div className={selected ? cx(styles.libraryCard, styles.libraryCardSelected) : styles.libraryCard} data-testid="library-card">
      <Link
        className={styles.libraryCardLink}
        to={`/workshops/${workshopId}/participants/${p.id}#v${row.submission.version}`}
      >
        <Cover row={row} />
        <strong className={styles.cardTitle}>{p.business}</strong>
        <span className={cx('muted', styles.cardLine)}>
          {p.product || t('common.notSet')} · v{row.submission.version}
        </span>
        <span className={styles.cardLine}>
          {t('library.faces', { count: row.faces.length, formatted: format.number(row.faces.length) })}
          {' · '}
          {row.warningCount > 0 ? (
            <span className="warning-text">{t('library.warnings', { count: row.warningCount })}</span>
          ) : (
            <span className="ok-text">{t('library.noWarnings')}</span>
          )}
        </span>
        <span className={cx(styles.cardLine, 'muted')}>{row.reviewed ? t('library.statusReviewed') : t('library.statusUnreviewed')}</span>
      </Link>
      <label className={cx('check', styles.cardSelect)}>
        <input type="checkbox" checked={selected} onChange={() => onToggle(row.submission.id)} />
        {t('batch.selectCard')}{' '}
        <span className="visually-hidden">{t('batch.selectCardName', { business: p.business, version: row.submission.version })}</span>
      </label>
    </div>
  );
});

/** The workshop's submissions as a searchable, filterable grid; only visible rows are drawn. */
export function LibraryGallery({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = useLibrary(workshop.id);
  const [filter, setFilter] = useState<LibraryFilter>(DEFAULT_FILTER);
  const set = (patch: Partial<LibraryFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const allRows = useMemo(() => toRows(items ?? [], workshop.region), [items, workshop.region]);
  const rows = useMemo(() => filterRows(allRows, filter), [allRows, filter]);
  // Picked submissions, for a batch of critique packs; kept while the filters change.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const regions = useMemo(() => [...new Set(allRows.map((r) => r.region).filter(Boolean))].sort(), [allRows]);

  const scroller = useRef<HTMLDivElement | null>(null);
  const [columns, setColumns] = useState(4);
  const observer = useRef<ResizeObserver | null>(null);
  // A callback ref: the scroll container appears only once the library has loaded.
  const setScroller = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    scroller.current = element;
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      setColumns(Math.max(1, Math.floor((width + GAP) / (CARD_WIDTH + GAP))));
    });
    observer.current.observe(element);
  }, []);
  const rowCount = Math.ceil(rows.length / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
  });

  if (!items) return <Loading />;
  const all = { value: '', label: t('library.all') };
  return (
    <section aria-labelledby="gallery-title" className="gallery">
      <h2 id="gallery-title" className="visually-hidden">
        {t('library.tabGallery')}
      </h2>
      <div className={styles.filters} role="search">
        <TextField label={t('library.search')} type="search" value={filter.query} onChange={(e) => set({ query: e.target.value })} />
        <SelectField
          label={t('library.region')}
          value={filter.region}
          options={[all, ...regions.map((r) => ({ value: r, label: r }))]}
          onChange={(e) => set({ region: e.target.value })}
        />
        <SelectField
          label={t('library.category')}
          value={filter.category}
          options={[all, ...PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))]}
          onChange={(e) => set({ category: e.target.value })}
        />
        <SelectField
          label={t('library.status')}
          value={filter.status}
          options={[all, { value: 'unreviewed', label: t('library.statusUnreviewed') }, { value: 'reviewed', label: t('library.statusReviewed') }]}
          onChange={(e) => set({ status: e.target.value as LibraryFilter['status'] })}
        />
        <SelectField
          label={t('library.sort')}
          value={filter.sort}
          options={[
            { value: 'name', label: t('library.sortName') },
            { value: 'newest', label: t('library.sortNewest') },
            { value: 'warnings', label: t('library.sortWarnings') },
          ]}
          onChange={(e) => set({ sort: e.target.value as LibraryFilter['sort'] })}
        />
        <label className="check">
          <input type="checkbox" checked={filter.withWarnings} onChange={(e) => set({ withWarnings: e.target.checked })} />
          {t('library.withWarnings')}
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.latestOnly} onChange={(e) => set({ latestOnly: e.target.checked })} />
          {t('library.latestOnly')}
        </label>
      </div>
      <p className="muted" aria-live="polite">
        {t('library.results', { count: rows.length, formatted: format.number(rows.length) })}
      </p>
      <div className={cx('toolbar', styles.gallerySelection)}>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => setSelected((current) => new Set([...current, ...rows.map((r) => r.submission.id)]))}
        >
          {t('batch.selectShown')}
        </button>
        <button type="button" className="button" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
          {t('batch.selectNone')}
        </button>
        <span aria-live="polite">{t('batch.selectedCount', { count: format.number(selected.size) })}</span>
        <button type="button" className="button button-primary" disabled={selected.size === 0} onClick={() => setExporting(true)}>
          {t('batch.exportSelected', { count: format.number(selected.size) })}
        </button>
      </div>
      {allRows.length === 0 ? <p className={styles.emptyLine}>{t('library.empty')}</p> : null}
      {allRows.length > 0 && rows.length === 0 ? <p className={styles.emptyLine}>{t('library.noMatch')}</p> : null}
      <div ref={setScroller} className={styles.galleryScroll} data-testid="gallery-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtualRow) => (
            <div
              key={virtualRow.key}
              className={styles.galleryRow}
              style={{ transform: `translateY(${virtualRow.start}px)`, height: ROW_HEIGHT - GAP }}
            >
              {rows.slice(virtualRow.index * columns, virtualRow.index * columns + columns).map((row) => (
                <Card key={row.submission.id} row={row} workshopId={workshop.id} selected={selected.has(row.submission.id)} onToggle={toggle} />
              ))}
            </div>
          ))}
        </div>
      </div>
      {exporting ? (
        <BatchExportDialog
          scope={{ kind: 'selection', submissionIds: [...selected] }}
          name={t('batch.selectionName', { count: format.number(selected.size) })}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </section>
  );
}
