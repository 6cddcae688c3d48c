import { useTranslation } from 'react-i18next';
import { displayKeys, KEYMAP, type KeyBinding, type KeyScope } from '#shared/keymap/keymap.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import type { MessageKey } from '#shared/i18n/keys.ts';

/** The dialog's sections: each scope of the keymap under its heading, in this order. */
const SECTIONS: readonly { scopes: readonly KeyScope[]; title: MessageKey }[] = [
  { scopes: ['app', 'dialog'], title: 'shortcuts.everywhere' },
  { scopes: ['review'], title: 'shortcuts.inReview' },
  { scopes: ['canvas'], title: 'workspace.keys.onCanvas' },
  { scopes: ['canvasText'], title: 'canvasKeys.text.title' },
  { scopes: ['scoring'], title: 'scoring.shortcuts.title' },
  { scopes: ['checklist'], title: 'checklistPanel.shortcuts.title' },
  { scopes: ['compare'], title: 'workspace.keys.inCompare' },
];

const isMac = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Keys (alternatives separated) and what they do. */
function ShortcutTable({ bindings }: { bindings: readonly KeyBinding[] }) {
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
        {bindings.map((b) => (
          <tr key={b.command}>
            <td>
              {displayKeys(b, isMac).map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' ' : null}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </td>
            <td>{t(b.label)}</td>
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
      {SECTIONS.map((section) => {
        const bindings = KEYMAP.filter((b) => section.scopes.includes(b.scope) && b.keys.length > 0);
        return bindings.length === 0 ? null : (
          <section key={section.title} aria-labelledby={`shortcuts-${section.title}`}>
            <h3 id={`shortcuts-${section.title}`}>{t(section.title)}</h3>
            <ShortcutTable bindings={bindings} />
          </section>
        );
      })}
    </Dialog>
  );
}
