import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoutStatus } from '#shared/contract/handout.ts';
import { host } from '../../host/hostClient.ts';
import { useFormat } from '../../i18n/format.ts';
import { downloadBlob } from '../../ui/download.ts';
import { safeFileName } from '#shared/files/safeFileName.ts';
import { useMilestone } from '../../app/milestones.ts';
import { QrCode } from './QrCode.tsx';
import styles from './handout.module.css';
import { cx } from '../../ui/cx.ts';

type Running = Extract<HandoutStatus, { state: 'running' }>;

interface Props {
  status: Running;
  /** The workshop's or session's name, for the sheet's file name; null when the screen was opened from the indicator. */
  name: string | null;
  onStopped(status: HandoutStatus): void;
}

/**
 * While a hand-out runs: the indicator with the address, the end time and
 * Stop; one big QR code at a time with its card code (previous and next from
 * the keyboard); the sheet of QR cards to print; the live list of downloads.
 */
export function HandoutRunning({ status, name, onStopped }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const ids = useId();
  const [index, setIndex] = useState(0);
  const [sheet, setSheet] = useState<'idle' | 'making' | 'done' | 'failed'>('idle');
  const [stopFailed, setStopFailed] = useState(false);
  const qrRegion = useRef<HTMLElement>(null);
  const packs = status.packs;
  const current = packs[Math.min(index, packs.length - 1)];
  const byId = useMemo(() => new Map(packs.map((p) => [p.packId, p])), [packs]);
  const downloaded = packs.filter((p) => p.pdfDownloads > 0).length;
  const time = useMemo(() => new Intl.DateTimeFormat(format.locale, { hour: '2-digit', minute: '2-digit' }), [format.locale]);
  const clock = useMemo(() => new Intl.DateTimeFormat(format.locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }), [format.locale]);
  useMilestone('handout-running', true);

  // The QR is what the mentor shows the room: it gets the focus, so the arrows move through it at once.
  useEffect(() => qrRegion.current?.focus(), []);

  const move = (step: number) => setIndex((i) => (packs.length === 0 ? 0 : (i + step + packs.length) % packs.length));
  function onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'PageDown') move(1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') move(-1);
    else if (event.key === 'Home') setIndex(0);
    else if (event.key === 'End') setIndex(packs.length - 1);
    else return;
    event.preventDefault();
  }

  async function stop() {
    const result = await host.call('handout.stop', { handoutId: status.handoutId });
    if (result.ok) onStopped(result.value);
    else setStopFailed(true);
  }

  async function printSheet() {
    setSheet('making');
    const result = await host.call('handout.sheet', { handoutId: status.handoutId, language: i18n.language === 'en' ? 'en' : 'id' });
    if (!result.ok) return setSheet('failed');
    downloadBlob(new Blob([result.value.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), safeFileName(t('handout.sheetFileName', { name: name ?? status.origin }).replace(/\.pdf$/, ''), 'pdf'));
    setSheet('done');
  }

  return (
    <div className="handout-running">
      <section className={styles.handoutLive} aria-labelledby={`${ids}-live`}>
        <div>
          <h2 id={`${ids}-live`}>
            <span className={styles.handoutDot} aria-hidden="true" />
            {t('handout.running')}
          </h2>
          <p className={styles.handoutAddress}>{t('handout.address', { origin: status.origin })}</p>
          <p className="muted">
            {t('handout.networkRunning', { name: status.interfaceName })} · {t('handout.endsAt', { time: time.format(status.expiresAt) })}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void printSheet()} disabled={sheet === 'making'}>
            {t('handout.sheet')}
          </button>
          <button type="button" className="button button-danger" onClick={() => void stop()}>
            {t('handout.stop')}
          </button>
        </div>
        <p className={cx('muted', styles.handoutStopNote)}>{t('handout.stopNote')}</p>
        <p className={styles.handoutSheetState} role="status">
          {sheet === 'making' ? t('handout.sheetMaking') : sheet === 'done' ? t('handout.sheetDone') : ''}
        </p>
        {sheet === 'failed' ? (
          <p className="field-error" role="alert">
            {t('handout.sheetFailed')}
          </p>
        ) : null}
        {stopFailed ? (
          <p className="field-error" role="alert">
            {t('handout.stopFailed')}
          </p>
        ) : null}
      </section>

      <div className={styles.handoutColumns}>
        {current ? (
          <section
            ref={qrRegion}
            className={styles.handoutQr}
            aria-labelledby={`${ids}-qr`}
            aria-describedby={`${ids}-qr-keys`}
            tabIndex={0}
            onKeyDown={onKey}
          >
            <h2 id={`${ids}-qr`} className="visually-hidden">
              {t('handout.qrRegion')}
            </h2>
            <p className="muted" aria-live="polite">
              {t('handout.qrPosition', { n: format.number(packs.indexOf(current) + 1), total: format.number(packs.length) })}
            </p>
            <p className={styles.handoutQrBusiness} data-testid="qr-business">{current.business}</p>
            <p className="muted">{t('handout.packItem', { business: '', product: current.product, version: current.version }).replace(/^ – /, '')}</p>
            <div className={styles.handoutQrBody}>
              <QrCode className={styles.handoutQrCode} text={current.url ?? ''} label={t('handout.qrLabel', { business: current.business })} />
              <div className="handout-qr-side">
                <p className={styles.handoutQrCodeLabel}>{t('handout.qrCode')}</p>
                <p className={styles.handoutQrShort} data-testid="handout-code">
                  {current.code}
                </p>
              </div>
            </div>
            <p className={styles.handoutLink}>
              <span className="muted">{t('handout.linkLabel')}: </span>
              <code>{current.url}</code>
            </p>
            <div className="toolbar">
              <button type="button" className="button" onClick={() => move(-1)} aria-keyshortcuts="ArrowLeft PageUp">
                {t('handout.previous')}
              </button>
              <button type="button" className="button" onClick={() => move(1)} aria-keyshortcuts="ArrowRight PageDown">
                {t('handout.next')}
              </button>
            </div>
            <p id={`${ids}-qr-keys`} className="muted">
              {t('handout.qrKeys')}
            </p>
          </section>
        ) : null}

        <section className={styles.handoutDownloads} aria-labelledby={`${ids}-downloads`}>
          <h2 id={`${ids}-downloads`}>{t('handout.downloadsTitle')}</h2>
          <p>{t('handout.downloadsCount', { done: format.number(downloaded), total: format.number(packs.length) })}</p>
          <meter
            className={styles.handoutMeter}
            min={0}
            max={Math.max(packs.length, 1)}
            value={downloaded}
            aria-label={t('handout.downloadsChart')}
            aria-valuetext={t('handout.downloadsCount', { done: format.number(downloaded), total: format.number(packs.length) })}
          />
          {status.limited > 0 ? <p className="muted">{t('handout.limited', { count: format.number(status.limited) })}</p> : null}
          {status.downloads.length === 0 ? (
            <p className="muted">{t('handout.downloadsNone')}</p>
          ) : (
            <div className={styles.handoutTableWrap}>
              <table className={styles.handoutTable} aria-labelledby={`${ids}-downloads`}>
                <thead>
                  <tr>
                    <th scope="col">{t('handout.downloadTime')}</th>
                    <th scope="col">{t('handout.downloadPack')}</th>
                    <th scope="col">{t('handout.downloadAction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {status.downloads.map((d) => (
                    <tr key={`${d.packId}-${d.at}-${d.what}`}>
                      <td>{clock.format(d.at)}</td>
                      <td>{byId.get(d.packId)?.business ?? d.packId}</td>
                      <td>{t(`handout.downloadWhat.${d.what}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
