import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';

const REVIEW_SHORTCUTS = [
  { keys: ['V', 'H', 'P', 'R', 'E', 'A', 'F', 'T', 'M', 'I'], action: 'shortcuts.reviewTools' },
  { keys: ['Ctrl+Z'], action: 'shortcuts.undo' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'shortcuts.redo' },
  { keys: ['Delete'], action: 'shortcuts.deleteAnnotation' },
  { keys: ['0', '1', '+', '−'], action: 'shortcuts.zoom' },
  { keys: ['Space'], action: 'shortcuts.pan' },
  { keys: ['[', ']'], action: 'shortcuts.faces' },
  { keys: ['Esc'], action: 'shortcuts.cancelDraw' },
] as const;

const SCORING_SHORTCUTS = [
  { keys: ['1', '…', '9', '0'], action: 'scoring.shortcuts.score' },
  { keys: ['↑', '↓'], action: 'scoring.shortcuts.move' },
  { keys: ['←', '→', 'Space'], action: 'scoring.shortcuts.levels' },
  { keys: ['Shift+N'], action: 'scoring.shortcuts.nextUnscored' },
] as const;

const CHECKLIST_SHORTCUTS = [
  { keys: ['1', '2', '3', '4'], action: 'checklistPanel.shortcuts.status' },
  { keys: ['←', '→'], action: 'checklistPanel.shortcuts.move' },
] as const;

const SHORTCUTS = [
  { keys: ['N'], action: 'shortcuts.newWorkshop' },
  { keys: ['P'], action: 'shortcuts.newParticipant' },
  { keys: ['I'], action: 'shortcuts.importFiles' },
  { keys: ['B'], action: 'bundles.shortcut' },
  { keys: ['L'], action: 'shortcuts.toggleLanguage' },
  { keys: ['?', 'F1'], action: 'shortcuts.showShortcuts' },
  { keys: ['Esc'], action: 'shortcuts.closeDialog' },
] as const;

/** Keys (alternatives separated) and what they do. */
function ShortcutTable({ shortcuts }: { shortcuts: readonly { keys: readonly string[]; action: string }[] }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('shortcuts.key')}</th>
          <th scope="col">{t('shortcuts.action')}</th>
        </tr>
      </thead>
      <tbody>
        {shortcuts.map((s) => (
          <tr key={s.action}>
            <td>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' ' : null}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </td>
            <td>{t(s.action)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
      <h3>{t('shortcuts.everywhere')}</h3>
      <ShortcutTable shortcuts={SHORTCUTS} />
      <h3>{t('shortcuts.inReview')}</h3>
      <ShortcutTable shortcuts={REVIEW_SHORTCUTS} />
      <h3>{t('scoring.shortcuts.title')}</h3>
      <ShortcutTable shortcuts={SCORING_SHORTCUTS} />
      <h3>{t('checklistPanel.shortcuts.title')}</h3>
      <ShortcutTable shortcuts={CHECKLIST_SHORTCUTS} />
    </Dialog>
  );
}
