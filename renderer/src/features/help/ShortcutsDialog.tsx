import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';

const SHORTCUTS = [
  { keys: ['N'], action: 'shortcuts.newWorkshop' },
  { keys: ['P'], action: 'shortcuts.newParticipant' },
  { keys: ['I'], action: 'shortcuts.importFiles' },
  { keys: ['L'], action: 'shortcuts.toggleLanguage' },
  { keys: ['?', 'F1'], action: 'shortcuts.showShortcuts' },
  { keys: ['Esc'], action: 'shortcuts.closeDialog' },
] as const;

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      }
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ' / ' : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
