import { useTranslation } from 'react-i18next';
import type { PaletteSwatch } from '#shared/intake/faceMetadata.ts';
import { useFormat } from '../../i18n/format.ts';
import styles from './library.module.css';

/** Dominant colours as a bar chart of their share, with the numbers beside each bar. */
export function PaletteChart({ palette }: { palette: readonly PaletteSwatch[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  const widest = Math.max(...palette.map((s) => s.share), 0.01);
  return (
    <ul className={styles.palette} aria-label={t('face.palette')}>
      {palette.map((swatch) => (
        <li key={swatch.hex} className={styles.paletteRow}>
          <svg className={styles.paletteBar} viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width={(swatch.share / widest) * 100} height="12" fill={swatch.hex} stroke="#8a8578" strokeWidth="0.4" />
          </svg>
          <span>{t('face.paletteShare', { hex: swatch.hex.toUpperCase(), share: percent.format(swatch.share) })}</span>
        </li>
      ))}
    </ul>
  );
}
