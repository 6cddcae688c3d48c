import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emitCommand, useCommand } from '../../app/commands.ts';
import { ImportBundleDialog } from './ImportBundleDialog.tsx';
import { onImportOffered } from './pendingImport.ts';
import styles from './bundles.module.css';

/**
 * Where "Impor bundel" lives: the `B` key and File ▸ Import bundle open it from any screen, and a
 * file offered by the desktop (`offerImport`) opens it with that file. Mounted once, in the shell.
 */
export function BundleImportHost() {
  // Each offered file gets a new `offer` number, so the dialog starts over with it even mid-way.
  const [open, setOpen] = useState<{ file: File | null; offer: number } | null>(null);
  useCommand('bundle.import', () => setOpen((current) => current ?? { file: null, offer: 0 }));
  useEffect(() => onImportOffered((file) => setOpen((current) => ({ file, offer: (current?.offer ?? 0) + 1 }))), []);
  if (!open) return null;
  return <ImportBundleDialog key={open.offer} initialFile={open.file} onClose={() => setOpen(null)} />;
}

/** The header's and the first-run screen's way in. */
export function ImportBundleButton({ className = 'button' }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={className} aria-keyshortcuts="b" aria-haspopup="dialog" onClick={() => emitCommand('bundle.import')}>
      {t('bundles.importOpen')}
    </button>
  );
}

/** On the first-run screen: import the curator's workshop bundle first, then pick one's own name from it. */
export function FirstRunImport() {
  const { t } = useTranslation();
  return (
    <section className={styles.bundleFirstRun} aria-labelledby="bundle-first-run-title">
      <h2 id="bundle-first-run-title">{t('bundles.firstRun.title')}</h2>
      <p className="muted">{t('bundles.firstRun.body')}</p>
      <ImportBundleButton />
    </section>
  );
}
