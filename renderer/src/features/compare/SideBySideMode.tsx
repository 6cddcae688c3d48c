import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaneKey } from '#shared/compare/paneViews.ts';
import { ComparePane } from './ComparePane.tsx';
import { imageOf, paneMessage, shownPixels, type CompareModeProps, type CompareSide } from './compareSide.ts';
import { ZoomControls } from './ZoomControls.tsx';
import styles from './compare.module.css';

function SideColumn({ pane, side, views, dispatch }: Omit<CompareModeProps, 'a' | 'b'> & { pane: PaneKey; side: CompareSide }) {
  const { t } = useTranslation();
  const letter = pane.toUpperCase();
  const image = imageOf(side);
  const { width, height } = shownPixels(side.asset);
  const layers = useMemo(() => (image ? [{ image, width, height }] : null), [image, width, height]);
  return (
    // data-pane: + − 0 pressed on this column's own buttons zoom this pane when unlocked.
    <section className={styles.compareColumn} aria-labelledby={`compare-title-${pane}`} data-pane={pane}>
      <h2 id={`compare-title-${pane}`} className={styles.comparePaneTitle}>
        <span className={styles.compareLetter} aria-hidden="true">
          {letter}
        </span>
        <span className="visually-hidden">{letter}:</span> {side.name}
      </h2>
      <ZoomControls
        label={t('compare.zoomOf', { pane: letter })}
        zoom={views.panes[pane].view?.zoom ?? null}
        onFit={() => dispatch({ type: 'fit', pane })}
        onStep={(steps) => dispatch({ type: 'zoom-steps', pane, steps })}
      />
      <ComparePane
        pane={pane}
        view={views.panes[pane].view}
        layers={layers}
        label={t('compare.paneLabel', { pane: letter, name: side.name })}
        message={paneMessage(t, side)}
        dispatch={dispatch}
      />
    </section>
  );
}

/** A and B next to each other; the lock keeps both showing the same part of the design. */
export function SideBySideMode({ a, b, views, dispatch }: CompareModeProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className={styles.compareControls}>
        <label className="check">
          <input type="checkbox" checked={views.locked} onChange={(e) => dispatch({ type: 'lock', locked: e.target.checked })} />
          {t('compare.lock')}
        </label>
      </div>
      <div className={styles.compareSide}>
        <SideColumn pane="a" side={a} views={views} dispatch={dispatch} />
        <SideColumn pane="b" side={b} views={views} dispatch={dispatch} />
      </div>
    </>
  );
}
