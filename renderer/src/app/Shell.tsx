import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { AppInfo, Language } from '#shared/contract/channels.ts';
import { useCurrentMentor } from '../data/hooks.ts';
import { BackupProvider } from '../features/backups/BackupProvider.tsx';
import { BackupStatus } from '../features/backups/BackupStatus.tsx';
import { BundleImportHost } from '../features/bundles/BundleImportHost.tsx';
import { useOpenedFiles } from '../features/bundles/openedFiles.ts';
import { DemoCommand } from '../features/demo/DemoButton.tsx';
import { AboutDialog } from '../features/help/AboutDialog.tsx';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog.tsx';
import { IdentityScreen } from '../features/identity/IdentityScreen.tsx';
import { ImportProvider } from '../features/intake/ImportProvider.tsx';
import { ProfileDialog } from '../features/identity/ProfileDialog.tsx';
import { MentorSwitchButton, MentorSwitchDialog } from '../features/identity/MentorSwitch.tsx';
import { SettingsDialog } from '../features/settings/SettingsDialog.tsx';
import { HandoutProvider } from '../features/handout/HandoutProvider.tsx';
import { HandoutIndicator } from '../features/handout/HandoutIndicator.tsx';
import { host } from '../host/hostClient.ts';
import { useToast, useToastScreen } from '../ui/Toasts.tsx';
import { useCommand, useCommandSources } from './commands.ts';
import { ariaKeys } from '#shared/keymap/keymap.ts';
import { useAppKeys, useKeyDispatcher } from './keymap.ts';
import { CurrentMentorContext } from './CurrentMentor.tsx';
import { ShellDialogContext, type ShellDialog } from './shellDialogs.ts';
import { useMilestone } from './milestones.ts';
import { Loading } from '../ui/Placeholders.tsx';

/** Header, navigation and the identity gate around every screen. */
export function Shell({ appInfo }: { appInfo: AppInfo }) {
  const { t, i18n } = useTranslation();
  // Toasts about a screen's work go when the mentor leaves that screen.
  useToastScreen(useLocation().pathname);
  const toast = useToast();
  const mentor = useCurrentMentor();
  const [dialog, setDialog] = useState<ShellDialog | null>(null);
  useCommandSources();
  useKeyDispatcher();
  useAppKeys();
  useOpenedFiles();
  useMilestone('app-ready', mentor !== undefined);

  async function toggleLanguage() {
    const next: Language = i18n.language === 'id' ? 'en' : 'id';
    await i18n.changeLanguage(next);
    const saved = await host.call('settings.update', { language: next });
    if (!saved.ok) toast({ tone: 'error', message: t('language.failed') });
  }
  useCommand('language.toggle', () => void toggleLanguage());
  useCommand('help.shortcuts', () => setDialog('shortcuts'));
  useCommand('help.about', () => setDialog('about'));

  return (
    <BackupProvider appInfo={appInfo} enabled={Boolean(mentor)}>
    <HandoutProvider>
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {mentor ? (
          <nav aria-label={t('app.mainNav')} className="main-nav">
            <NavLink to="/" end>
              {t('nav.workshops')}
            </NavLink>
            <NavLink to="/rubrics">{t('rubrics.nav')}</NavLink>
            <NavLink to="/backups">{t('backups.nav')}</NavLink>
          </nav>
        ) : null}
        <div className="header-tools">
          {mentor ? <HandoutIndicator /> : null}
          {mentor ? <BackupStatus /> : null}
          {mentor ? <MentorSwitchButton mentor={mentor} onOpen={() => setDialog('mentors')} /> : null}
          <button type="button" className="button button-quiet" onClick={() => setDialog('shortcuts')} aria-keyshortcuts={ariaKeys('help.shortcuts')}>
            {t('nav.shortcuts')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setDialog('settings')}>
            {t('nav.settings')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setDialog('about')}>
            {t('nav.about')}
          </button>
          <button
            type="button"
            className="button"
            lang={i18n.language === 'id' ? 'en' : 'id'}
            title={t('language.switchToHint')}
            aria-keyshortcuts={ariaKeys('language.toggle')}
            onClick={() => void toggleLanguage()}
          >
            {t('language.switchTo')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {mentor === undefined ? (
          <Loading />
        ) : mentor === null ? (
          <IdentityScreen />
        ) : (
          <CurrentMentorContext value={mentor}>
            <ShellDialogContext value={setDialog}>
            <ImportProvider>
              <DemoCommand />
              {/* Keyed by mentor: after a switch every screen starts afresh in the new mentor's name (no undo stack or draft carries over). */}
              <Outlet key={mentor.id} />
              {dialog === 'profile' ? <ProfileDialog mentor={mentor} onClose={() => setDialog(null)} /> : null}
              {dialog === 'mentors' ? (
                <MentorSwitchDialog current={mentor} onClose={() => setDialog(null)} onEditProfile={() => setDialog('profile')} />
              ) : null}
            </ImportProvider>
            </ShellDialogContext>
          </CurrentMentorContext>
        )}
      </main>
      {dialog === 'shortcuts' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'about' ? <AboutDialog info={appInfo} onClose={() => setDialog(null)} /> : null}
      {dialog === 'settings' ? <SettingsDialog onClose={() => setDialog(null)} /> : null}
      {mentor !== undefined ? <BundleImportHost /> : null}
    </div>
    </HandoutProvider>
    </BackupProvider>
  );
}
