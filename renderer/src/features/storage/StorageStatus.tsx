import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { askPersistentStorage, readStorageState, type StorageManagerLike, type StorageState } from './persistentStorage.ts';
import styles from './storage.module.css';

/**
 * Whether the studio's storage is persistent (with a warning and a way to ask when it is not) and
 * how much room is left, as text and as a meter.
 */
export function StorageStatus({ storage, headingLevel = 2 }: { storage?: StorageManagerLike; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [state, setState] = useState<StorageState | null>(null);
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState(false);
  const titleId = useId();

  useEffect(() => {
    let live = true;
    void readStorageState(storage).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [storage]);

  async function ask() {
    setAsking(true);
    const granted = await askPersistentStorage(storage);
    setRefused(granted !== true);
    setState(await readStorageState(storage));
    setAsking(false);
  }

  const bytes = (value: number) =>
    value >= 1e9 ? new Intl.NumberFormat(format.locale, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 }).format(value / 1e9) : format.bytes(value);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className={styles.storageStatus} aria-labelledby={titleId}>
      <Heading id={titleId}>{t('storage.title')}</Heading>
      {state === null ? (
        <p className="muted">{t('storage.checking')}</p>
      ) : (
        <>
          {state.persisted === true ? (
            <p className="storage-persistent">{t('storage.persistent')}</p>
          ) : (
            <div className={styles.storageWarning}>
              <p>{state.persisted === false ? t('storage.notPersistent') : t('storage.unknown')}</p>
              {state.persisted === false ? (
                <button type="button" className="button button-small" disabled={asking} onClick={() => void ask()}>
                  {asking ? t('storage.asking') : t('storage.ask')}
                </button>
              ) : null}
              {refused && state.persisted === false ? <p role="status">{t('storage.refused')}</p> : null}
            </div>
          )}
          {state.usage !== null && state.quota !== null && state.quota > 0 ? (
            <p className={styles.storageRoom}>
              <span>{t('storage.room', { free: bytes(Math.max(0, state.quota - state.usage)), quota: bytes(state.quota), used: bytes(state.usage) })}</span>
              <meter aria-label={t('storage.usageLabel')} min={0} max={state.quota} value={state.usage} low={state.quota * 0.7} high={state.quota * 0.9} optimum={0} />
            </p>
          ) : (
            <p className="muted">{t('storage.roomUnknown')}</p>
          )}
        </>
      )}
    </section>
  );
}
