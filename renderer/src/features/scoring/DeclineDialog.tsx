import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';

export type Decline = 'abstain' | 'conflict';

/** Asks before the mentor abstains or declares a conflict of interest, saying what follows. */
export function DeclineDialog({ kind, onConfirm, onClose }: { kind: Decline; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const keys =
    kind === 'abstain'
      ? ({ title: 'scoring.abstainTitle', body: 'scoring.abstainBody', confirm: 'scoring.abstainConfirm' } as const)
      : ({ title: 'scoring.conflictTitle', body: 'scoring.conflictBody', confirm: 'scoring.conflictConfirm' } as const);
  return (
    <Dialog
      title={t(keys.title)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm}>
            {t(keys.confirm)}
          </button>
        </>
      }
    >
      <p>{t(keys.body)}</p>
    </Dialog>
  );
}
