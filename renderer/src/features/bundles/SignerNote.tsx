import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprint } from '#shared/bundles/signing.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { ensureOwnKey } from '../../data/mentorKeysRepo.ts';
import styles from './bundles.module.css';

/**
 * The key the bundle will be signed with, as its short fingerprint: what the receiver compares before
 * trusting it on first use. Made now when the mentor has none yet.
 */
export function SignerNote({ mentorId }: { mentorId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [keyId, setKeyId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    ensureOwnKey(db, mentorId)
      .then((key) => live && setKeyId(key?.id ?? null))
      .catch((error: unknown) => {
        console.error(error);
        if (live) setKeyId(null);
      });
    return () => {
      live = false;
    };
  }, [db, mentorId]);
  if (keyId === undefined) return null;
  if (keyId === null) return <p className="muted">{t('bundles.trust.noKey')}</p>;
  return (
    <p className="muted bundle-signer">
      {t('bundles.trust.ownKey')}
      <strong className={styles.bundleFingerprint} data-testid="fingerprint">{fingerprint(keyId)}</strong>
    </p>
  );
}
