import { useTranslation } from 'react-i18next';
import { approximateCmyk, contrastRatio, legibility, rgbFromHex } from '#shared/annotations/colour.ts';
import { useFormat } from '../../i18n/format.ts';
import styles from '../workspace/workspace.module.css';
import { cx } from '../../ui/cx.ts';
import reviewStyles from './review.module.css';

/** The last two sampled colours: hex, approximate CMYK, and their contrast as a legibility check. */
export function EyedropperPanel({ samples }: { samples: readonly string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (samples.length === 0) return <p className="muted">{t('review.eyedropperHint')}</p>;
  const [a, b] = samples;
  const ratio = a && b ? contrastRatio(a, b) : null;
  return (
    <div className="eyedropper">
      <ul className={reviewStyles.swatches}>
        {samples.map((hex, i) => {
          const rgb = rgbFromHex(hex) ?? { r: 0, g: 0, b: 0 };
          const cmyk = approximateCmyk(rgb.r, rgb.g, rgb.b);
          return (
            <li key={`${hex}-${i}`}>
              <span className={reviewStyles.swatch} style={{ background: hex }} aria-hidden="true" />
              <span>
                <strong>{hex.toUpperCase()}</strong> · {t('review.cmyk', { ...cmyk })}
              </span>
            </li>
          );
        })}
      </ul>
      {ratio !== null ? (
        <p>
          {t('review.contrast', { ratio: format.number(ratio) })} — <strong>{t(`review.legibility.${legibility(ratio)}`)}</strong>
        </p>
      ) : (
        <p className="muted">{t('review.eyedropperSecond')}</p>
      )}
    </div>
  );
}

/** The same answer in one or two lines, for the readout beside the cursor on the canvas. */
export function EyedropperReadout({ samples }: { samples: readonly string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [a, b] = samples;
  if (!a) return null;
  const rgb = rgbFromHex(a) ?? { r: 0, g: 0, b: 0 };
  const ratio = b ? contrastRatio(a, b) : null;
  return (
    <>
      <span className={styles.readoutLine}>
        <span className={cx(reviewStyles.swatch, reviewStyles.swatchSmall)} style={{ background: a }} aria-hidden="true" />
        <strong>{a.toUpperCase()}</strong> · {t('review.cmyk', { ...approximateCmyk(rgb.r, rgb.g, rgb.b) })}
      </span>
      {ratio !== null ? (
        <span className={styles.readoutLine}>
          {t('workspace.contrastReadout', { ratio: format.number(ratio), verdict: t(`review.legibility.${legibility(ratio)}`) })}
        </span>
      ) : null}
    </>
  );
}
