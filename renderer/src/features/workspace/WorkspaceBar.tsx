import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ariaKeys, shortcutHint } from '#shared/keymap/keymap.ts';
import { emitCommand } from '../../app/commands.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useShellDialogs } from '../../app/shellDialogs.ts';
import { MentorSwitchButton } from '../identity/MentorSwitch.tsx';
import { MenuButton, type MenuItem } from '../../ui/MenuButton.tsx';
import type { SidePanel } from './sidePanelLayout.ts';
import styles from './workspace.module.css';

interface Props {
  label: string;
  /** Breadcrumb and title: where the mentor is. */
  where: ReactNode;
  /** Face tabs, compare pickers: what is on the canvas. */
  middle?: ReactNode;
  /** Inline actions; mark those that may move into the menu with `data-overflow`. */
  actions?: ReactNode;
  /** Menu entries: mirrors of inline actions (with `overflow`) and the screen's rarer actions. */
  menu: readonly MenuItem[];
  panel?: { state: SidePanel; controls: string; command: string };
}

/**
 * The one compact bar over a full-window workspace. App-wide commands the
 * hidden app header offered (shortcuts, language) live in its menu.
 */
export function WorkspaceBar({ label, where, middle, actions, menu, panel }: Props) {
  const { t, i18n } = useTranslation();
  const mentor = useCurrentMentorRecord();
  const openDialog = useShellDialogs();
  const items: MenuItem[] = [
    ...menu,
    { key: 'shortcuts', label: t('workspace.shortcuts'), keys: shortcutHint('help.shortcuts'), onSelect: () => emitCommand('help.shortcuts') },
    { key: 'language', label: t('workspace.language'), keys: shortcutHint('language.toggle'), onSelect: () => emitCommand('language.toggle') },
    { key: 'settings', label: t('nav.settings'), onSelect: () => openDialog('settings') },
    { key: 'about', label: t('nav.about'), onSelect: () => openDialog('about') },
  ];
  return (
    <header className={styles.workspaceBar} aria-label={label} data-testid="workspace-bar">
      <div className={styles.workspaceWhere}>{where}</div>
      {middle ? <div className={styles.workspaceMiddle}>{middle}</div> : null}
      <div className={styles.workspaceActions} role="group" aria-label={t('workspace.actions')}>
        {actions}
        {panel ? (
          <button
            type="button"
            className="button button-small workspace-panel-toggle"
            aria-expanded={!panel.state.collapsed}
            aria-controls={panel.controls}
            aria-keyshortcuts={ariaKeys(panel.command)}
            title={`${panel.state.collapsed ? t('workspace.expandSide') : t('workspace.collapseSide')} (${shortcutHint(panel.command)})`}
            onClick={panel.state.toggle}
          >
            <span aria-hidden="true">{panel.state.collapsed ? '⟨' : '⟩'}</span>
            <span className="visually-hidden">{panel.state.collapsed ? t('workspace.expandSide') : t('workspace.collapseSide')}</span>
          </button>
        ) : null}
        <MentorSwitchButton mentor={mentor} compact onOpen={() => openDialog('mentors')} />
        <MenuButton label="⋯" title={t('workspace.moreLabel')} items={items} key={i18n.language} />
      </div>
    </header>
  );
}
