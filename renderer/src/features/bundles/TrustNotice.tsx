import { useTranslation } from 'react-i18next';
import { fingerprint } from '#shared/bundles/signing.ts';
import type { ImportPreview } from '../../data/archiveRepo.ts';
import { recordLabel } from './recordLabel.ts';
import styles from './bundles.module.css';

interface Props {
  preview: ImportPreview;
  accepted: boolean;
  onAcceptedChange: (accepted: boolean) => void;
  disabled: boolean;
}

/**
 * Who signed the bundle, in the import preview (issue 16, item 8): signed with a known key; a key seen
 * for the first time, with its fingerprint and a box to trust it (as SSH asks about a new host key);
 * or unsigned. Lists the records refused because their mentor's key is known and did not sign them.
 */
export function TrustNotice({ preview, accepted, onAcceptedChange, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const { signer, refused, unsignedMentors } = preview.trust;
  const { names, manifest } = preview;
  const mentorName = (id: string) => names.mentors[id] ?? (id === manifest.createdBy.id ? manifest.createdBy.name : t('bundles.labels.unknownMentor'));
  let standing = null;
  if (manifest.kind === 'backup') standing = <p className="muted">{t('bundles.trust.backup')}</p>;
  else if (signer.kind === 'unsigned') standing = <p className="notice">{t('bundles.trust.unsigned')}</p>;
  else if (signer.kind === 'known') {
    standing = <p>{t('bundles.trust.known', { name: mentorName(signer.mentorId), fingerprint: fingerprint(signer.keyId) })}</p>;
  } else if (signer.kind === 'first-seen') {
    const name = mentorName(signer.mentorId);
    standing = (
      <div className="notice bundle-first-key">
        <p>
          {t('bundles.trust.firstSeen', { name })}{' '}
          <strong className={styles.bundleFingerprint} data-testid="fingerprint">{signer.fingerprint}</strong>
        </p>
        <p className="muted">{t('bundles.trust.firstSeenHint', { name })}</p>
        <label className="checkbox">
          <input type="checkbox" checked={accepted} disabled={disabled} onChange={(e) => onAcceptedChange(e.currentTarget.checked)} />{' '}
          {t('bundles.trust.accept', { name })}
        </label>
      </div>
    );
  }
  return (
    <section className={styles.bundleTrust} aria-labelledby="bundle-trust-title">
      <h3 id="bundle-trust-title">{t('bundles.trust.title')}</h3>
      {standing}
      {refused.length > 0 ? (
        <div role="alert" className={styles.bundleRefused}>
          <h4>{t('bundles.trust.refusedTitle', { count: refused.length })}</h4>
          <p>{t('bundles.trust.refusedIntro')}</p>
          <ul>
            {refused.map((r) => (
              <li key={`${r.table}/${r.id}`}>
                {t(r.reason === 'other-key' ? 'bundles.trust.refusedOtherKey' : 'bundles.trust.refusedOtherSender', {
                  record: recordLabel(r, names, t, i18n.language),
                  mentor: mentorName(r.mentorId),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {unsignedMentors.length > 0 && manifest.kind !== 'backup' ? (
        <p className="muted">{t('bundles.trust.unsignedMentors', { names: unsignedMentors.map(mentorName).join(', ') })}</p>
      ) : null}
    </section>
  );
}
