import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hexFromRgb } from '#shared/annotations/colour.ts';
import { DEFAULT_DIFF_THRESHOLD, DIFF_HIGHLIGHT, diffImages } from '#shared/compare/imageDiff.ts';
import { canvasOfPixels, readPixels } from '../../canvas/compareView.ts';
import { useFormat } from '../../i18n/format.ts';
import { ComparePane } from './ComparePane.tsx';
import { imageOf, paneMessage, sizesDiffer, useFrame, type CompareModeProps } from './compareSide.ts';
import { ZoomControls } from './ZoomControls.tsx';
import { cx } from '../../ui/cx.ts';
import styles from './compare.module.css';

/** Below this share, "0 %" would hide a real change: say "less than 0.1 %" instead. */
const SMALLEST_SHOWN = 0.001;

/**
 * A and B at the same size (B stretched onto A's preview), A greyed and
 * lighter, every pixel that moved further than the threshold in magenta.
 */
export function DifferenceMode({ a, b, views, dispatch }: CompareModeProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const id = useId();
  const [threshold, setThreshold] = useState(Math.round(DEFAULT_DIFF_THRESHOLD * 100));
  // The diff of a large preview takes a moment: keep the slider responsive while it runs.
  const settledThreshold = useDeferredValue(threshold);
  const frame = useFrame(a);
  const imageA = imageOf(a);
  const imageB = imageOf(b);

  // Both drawn at A's preview size: what the mentor sees is what was compared.
  const pixels = useMemo(() => {
    if (!imageA || !imageB) return null;
    const size = { width: imageA.naturalWidth, height: imageA.naturalHeight };
    return { a: readPixels(imageA, size), b: readPixels(imageB, size) };
  }, [imageA, imageB]);
  const diff = useMemo(() => (pixels ? diffImages(pixels.a, pixels.b, { threshold: settledThreshold / 100 }) : null), [pixels, settledThreshold]);
  const layers = useMemo(() => (diff ? [{ image: canvasOfPixels(diff), ...frame }] : null), [diff, frame]);

  const whole = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fine = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const changed = !diff
    ? null
    : diff.share > 0 && diff.share < SMALLEST_SHOWN
      ? t('compare.changedBelow', { share: fine.format(SMALLEST_SHOWN) })
      : t('compare.changed', { share: fine.format(diff.share) });
  const scaled = sizesDiffer(a, b);

  return (
    <>
      <div className={styles.compareControls}>
        <div className={styles.compareSlider}>
          <label htmlFor={`${id}-threshold`}>{t('compare.threshold')}</label>
          <input
            id={`${id}-threshold`}
            type="range"
            min={0}
            max={50}
            step={1}
            value={threshold}
            aria-valuetext={whole.format(threshold / 100)}
            aria-describedby={`${id}-threshold-hint`}
            onChange={(e) => setThreshold(Number(e.target.value))}
          />
          <output htmlFor={`${id}-threshold`} className={styles.compareValue}>
            {whole.format(threshold / 100)}
          </output>
        </div>
        <p role="status" className={styles.compareChanged}>
          {changed ?? t('compare.computing')}
        </p>
        <ZoomControls
          label={t('compare.zoom')}
          zoom={views.panes.a.view?.zoom ?? null}
          onFit={() => dispatch({ type: 'fit', pane: 'a' })}
          onStep={(steps) => dispatch({ type: 'zoom-steps', pane: 'a', steps })}
        />
      </div>
      <p id={`${id}-threshold-hint`} className={cx('muted', styles.compareNote)}>
        <span className={styles.compareSwatch} style={{ background: hexFromRgb(DIFF_HIGHLIGHT.r, DIFF_HIGHLIGHT.g, DIFF_HIGHLIGHT.b) }} aria-hidden="true" />{' '}
        {t('compare.legend')} {scaled ? t('compare.scaledNote', { b: b.name, a: a.name }) : null}
      </p>
      <ComparePane
        pane="a"
        view={views.panes.a.view}
        layers={layers}
        label={t('compare.differenceLabel', { a: a.name, b: b.name, changed: changed ?? t('compare.computing') })}
        message={paneMessage(t, a, b)}
        dispatch={dispatch}
      />
    </>
  );
}
