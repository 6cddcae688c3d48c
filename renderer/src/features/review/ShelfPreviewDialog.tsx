import { useTranslation } from 'react-i18next';
import type { Asset } from '#shared/domain/asset.ts';
import { useShownImageUrl } from '../faces/useShownImage.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import styles from './review.module.css';

/** Marketplace grid thumbnails (px): a phone's two-column grid, and a desktop grid. */
const MARKETPLACE_SIZES = [96, 180] as const;

/**
 * Shelf distances, as the height the pack appears at on screen and a blur for
 * what the eye loses: a simulation to judge shelf impact, not a measurement.
 */
const SHELF_VIEWS = [
  { metres: 1, height: 240, blur: 0 },
  { metres: 2, height: 120, blur: 0.6 },
  { metres: 4, height: 60, blur: 1 },
] as const;

export function ShelfPreviewDialog({ front, product, onClose }: { front: Asset; product: string; onClose: () => void }) {
  const { t } = useTranslation();
  const url = useShownImageUrl(front, 'preview');
  return (
    <Dialog
      wide
      title={t('shelf.title')}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted">{t('shelf.intro')}</p>
      <h3>{t('shelf.marketplace')}</h3>
      <div className={styles.marketplaceRow}>
        {MARKETPLACE_SIZES.map((size) => (
          <figure key={size} className={styles.marketplaceCard} style={{ width: size + 16 }}>
            <div className={styles.marketplaceThumb} style={{ width: size, height: size }}>
              {url ? <img src={url} alt={t('shelf.thumbAlt', { product, size })} /> : null}
            </div>
            <figcaption>{t('shelf.thumbSize', { size })}</figcaption>
          </figure>
        ))}
      </div>
      <h3>{t('shelf.shelf')}</h3>
      <div className={styles.shelfRow}>
        {SHELF_VIEWS.map((view) => (
          <figure key={view.metres} className={styles.shelfView}>
            <div className={styles.shelfPlank}>
              {url ? (
                <img
                  src={url}
                  alt={t('shelf.shelfAlt', { product, metres: view.metres })}
                  style={{ height: view.height, filter: view.blur ? `blur(${view.blur}px)` : undefined }}
                />
              ) : null}
            </div>
            <figcaption>{t('shelf.distance', { metres: view.metres })}</figcaption>
          </figure>
        ))}
      </div>
    </Dialog>
  );
}
