import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '#shared/contract/channels.ts';
import { messages } from '#shared/i18n/messages.ts';
import { App } from './app/App.tsx';
import { openStudioDatabase } from './data/backupRepo.ts';
import { RecoveryScreen } from './features/backups/RecoveryScreen.tsx';
import { askPersistentStorage } from './features/storage/persistentStorage.ts';
import { host } from './host/hostClient.ts';
import { createI18n } from './i18n/i18n.ts';
import './styles.css';

/** Shown when the host refuses us or is gone: nothing else can work, so say why plainly. */
function renderHostProblem(root: HTMLElement, code: string): void {
  const language: Language = navigator.language.toLowerCase().startsWith('en') ? 'en' : 'id';
  const text = messages[language].errors;
  const main = document.createElement('main');
  main.className = 'error-screen';
  const heading = document.createElement('h1');
  heading.textContent = text.title;
  const body = document.createElement('p');
  body.textContent = code === 'forbidden' ? text.hostForbidden : text.hostUnavailable;
  main.append(heading, body);
  root.replaceChildren(main);
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('No #root element');
  const [settings, appInfo] = await Promise.all([host.call('settings.get', {}), host.call('app.info', {})]);
  if (!settings.ok || !appInfo.ok) {
    const failure = !settings.ok ? settings.error : !appInfo.ok ? appInfo.error : null;
    renderHostProblem(root, failure?.code ?? 'internal');
    return;
  }
  const i18n = await createI18n(settings.value.language);
  const opened = await openStudioDatabase();
  if (!opened.ok) {
    // Lasting failures (a newer app's database, a failed upgrade) offer the latest backup; the rest, to try again.
    console.error(opened.detail);
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RecoveryScreen failure={opened.failure} detail={opened.detail} />
        </I18nextProvider>
      </StrictMode>,
    );
    return;
  }
  // Ask the browser to keep the studio's data for good (first run included, until granted); the answer shows in Pengaturan and Cadangan.
  void askPersistentStorage();
  createRoot(root).render(
    <StrictMode>
      <App db={opened.db} i18n={i18n} appInfo={appInfo.value} />
    </StrictMode>,
  );
}

void start();
