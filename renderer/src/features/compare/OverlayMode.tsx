import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompareLayer } from '../../canvas/compareView.ts';
import { useFormat } from '../../i18n/format.ts';
import { ComparePane } from './ComparePane.tsx';
import { imageOf, paneMessage, sizesDiffer, useFrame, type CompareModeProps } from './compareSide.ts';
import { SwipeDivider } from './SwipeDivider.tsx';
import { ZoomControls } from './ZoomControls.tsx';
import { cx } from '../../ui/cx.ts';
import styles from './compare.module.css';

type OverlayStyle = 'blend' | 'swipe';
const STYLES: readonly OverlayStyle[] = ['blend', 'swipe'];

/** B over A, both in A's frame: see-through with an opacity slider, or split by a swipe divider. */
export function OverlayMode({ a, b, views, dispatch }: CompareModeProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const id = useId();
  const [style, setStyle] = useState<OverlayStyle>('blend');
  const [opacity, setOpacity] = useState(50);
  const [split, setSplit] = useState(50);
  const frame = useFrame(a);
  const imageA = imageOf(a);
  const imageB = imageOf(b);
  const layers = useMemo<CompareLayer[] | null>(() => {
    if (!imageA || !imageB) return null;
    const top: CompareLayer =
      style === 'blend' ? { image: imageB, ...frame, opacity: opacity / 100 } : { image: imageB, ...frame, clip: { from: split / 100, to: 1 } };
    return [{ image: imageA, ...frame }, top];
  }, [imageA, imageB, frame, style, opacity, split]);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const scaled = sizesDiffer(a, b);
  const label =
    style === 'blend'
      ? t('compare.overlayLabel', { a: a.name, b: b.name, opacity: percent.format(opacity / 100) })
      : t('compare.swipeLabel', { a: a.name, b: b.name, percent: percent.format(split / 100) });

  return (
    <>
      <div className={styles.compareControls}>
        <fieldset className={styles.compareChoice}>
          <legend>{t('compare.overlayStyle')}</legend>
          {STYLES.map((s) => (
            <label key={s} className="check">
              <input type="radio" name={`${id}-style`} value={s} checked={style === s} onChange={() => setStyle(s)} />
              {t(`compare.overlayStyles.${s}`)}
            </label>
          ))}
        </fieldset>
        {style === 'blend' ? (
          <div className={styles.compareSlider}>
            <label htmlFor={`${id}-opacity`}>{t('compare.opacity', { name: b.name })}</label>
            <input
              id={`${id}-opacity`}
              type="range"
              min={0}
              max={100}
              step={1}
              value={opacity}
              aria-valuetext={percent.format(opacity / 100)}
              onChange={(e) => setOpacity(Number(e.target.value))}
            />
            <output htmlFor={`${id}-opacity`} className={styles.compareValue}>
              {percent.format(opacity / 100)}
            </output>
          </div>
        ) : (
          <p className={cx('muted', styles.compareNote)}>{t('compare.swipeHint')}</p>
        )}
        <ZoomControls
          label={t('compare.zoom')}
          zoom={views.panes.a.view?.zoom ?? null}
          onFit={() => dispatch({ type: 'fit', pane: 'a' })}
          onStep={(steps) => dispatch({ type: 'zoom-steps', pane: 'a', steps })}
        />
      </div>
      {scaled ? <p className={cx('muted', styles.compareNote)}>{t('compare.scaledNote', { b: b.name, a: a.name })}</p> : null}
      <ComparePane pane="a" view={views.panes.a.view} layers={layers} label={label} message={paneMessage(t, a, b)} dispatch={dispatch}>
        {style === 'swipe' ? <SwipeDivider value={split} onChange={setSplit} left={a.name} right={b.name} /> : null}
      </ComparePane>
    </>
  );
}
