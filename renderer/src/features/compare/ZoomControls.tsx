import { ariaKeys } from '#shared/keymap/keymap.ts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import styles from './compare.module.css';

interface Props {
  /** Name of the group, e.g. "Zoom A". */
  label: string;
  /** Screen pixels per original pixel; null before the pane is measured. */
  zoom: number | null;
  onFit: () => void;
  onStep: (steps: number) => void;
}

/** Fit, −, the zoom in percent of the original's pixels, +. */
export function ZoomControls({ label, zoom, onFit, onStep }: Props) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className={styles.compareZoom} role="group" aria-label={label}>
      <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('compare.fit')} onClick={onFit}>
        {t('compare.fit')}
      </button>
      <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('compare.zoomOut')} aria-label={t('compare.zoomOut')} onClick={() => onStep(-1)}>
        −
      </button>
      <output aria-live="polite" className="zoom-level">
        {zoom === null ? '–' : percent.format(zoom)}
      </output>
      <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('compare.zoomIn')} aria-label={t('compare.zoomIn')} onClick={() => onStep(1)}>
        +
      </button>
    </div>
  );
}
