import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import styles from './folders.module.css';
import { useTranslation } from 'react-i18next';
import { host } from '../../host/hostClient.ts';
import { cx } from '../../ui/cx.ts';

/** A folder the host may write into (resolved by the host), or why not. */
export type GrantOutcome = { ok: true; folder: string } | { ok: false; reason: 'declined' | 'failed' };

interface Asking {
  folder: string;
  answer: (allowed: boolean) => void;
}

/** The question under a folder field: the resolved folder, Allow and Cancel. Allow has the focus. */
function FolderGrantPrompt({ folder, onAnswer }: { folder: string; onAnswer: (allowed: boolean) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const allow = useRef<HTMLButtonElement>(null);
  useEffect(() => allow.current?.focus(), []);
  return (
    <div className={cx('notice', styles.folderGrant)} role="group" aria-labelledby={`${ids}-question`} aria-describedby={`${ids}-hint`}>
      <p id={`${ids}-question`}>
        {t('grants.question')} <strong className={styles.folderGrantPath}>{folder}</strong>
      </p>
      <p id={`${ids}-hint`} className="field-hint">
        {t('grants.hint')}
      </p>
      <div className={styles.folderGrantActions}>
        <button ref={allow} type="button" className="button button-primary" onClick={() => onAnswer(true)}>
          {t('grants.allow')}
        </button>
        <button type="button" className="button" onClick={() => onAnswer(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * Makes sure the host may write into a typed folder before a job uses it. A
 * folder already granted (chosen in the desktop's dialog, allowed before, or
 * the host's own proposal) passes at once. Otherwise the browser host's app
 * asks here (`prompt`, to be shown under the field) and grants on Allow; the
 * desktop asks in its own native box.
 */
export function useFolderGrant(): { ensure: (folder: string) => Promise<GrantOutcome>; prompt: ReactNode } {
  const [asking, setAsking] = useState<Asking | null>(null);
  // A dialog closed while asking: the question is answered "no".
  const pending = useRef<Asking | null>(null);
  useEffect(() => () => pending.current?.answer(false), []);

  const ensure = useCallback(async (folder: string): Promise<GrantOutcome> => {
    pending.current?.answer(false);
    const checked = await host.call('folders.check', { folder });
    if (!checked.ok) return { ok: false, reason: 'failed' };
    if (checked.value.granted) return { ok: true, folder: checked.value.folder };
    if (checked.value.confirmedBy === 'app') {
      const allowed = await new Promise<boolean>((resolve) => {
        const question: Asking = {
          folder: checked.value.folder,
          answer: (answer) => {
            if (pending.current === question) pending.current = null;
            setAsking((current) => (current === question ? null : current));
            resolve(answer);
          },
        };
        pending.current = question;
        setAsking(question);
      });
      if (!allowed) return { ok: false, reason: 'declined' };
    }
    const granted = await host.call('folders.grant', { folder });
    if (!granted.ok) return { ok: false, reason: 'failed' };
    return granted.value.granted ? { ok: true, folder: granted.value.folder } : { ok: false, reason: 'declined' };
  }, []);

  const prompt = asking ? <FolderGrantPrompt folder={asking.folder} onAnswer={asking.answer} /> : null;
  return { ensure, prompt };
}
