import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { useHandout } from './HandoutProvider.tsx';
import styles from './handout.module.css';

/** The header's sign, on every screen, that packs are being served to the room: with the download count, and the way to stop it. */
export function HandoutIndicator() {
  const { t } = useTranslation();
  const format = useFormat();
  const { status } = useHandout();
  if (status?.state !== 'running') return null;
  const downloads = status.packs.reduce((n, p) => n + p.pdfDownloads, 0);
  return (
    <Link to="/handout" className={styles.handoutIndicator} title={t('handout.indicatorHint')}>
      <span className={styles.handoutDot} aria-hidden="true" />
      {t('handout.indicator', { count: format.number(downloads) })}
    </Link>
  );
}
