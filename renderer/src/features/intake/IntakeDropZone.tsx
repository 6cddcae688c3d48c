import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { offerImport } from '../bundles/pendingImport.ts';
import { filesFromDrop } from './collectFiles.ts';
import type { ImportTarget } from './importPlan.ts';
import { useImporter } from './ImportProvider.tsx';
import styles from './intake.module.css';
import { cx } from '../../ui/cx.ts';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/** Makes a screen accept dropped files and folders; they go to `target`. */
export function IntakeDropZone({ target, children }: { target: ImportTarget; children: ReactNode }) {
  const { t } = useTranslation();
  const importer = useImporter();
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? cx(styles.dropZone, 'drop-zone-active') : styles.dropZone}
      data-testid="drop-zone"
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setOver(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(false);
        // One .kemas bundle dropped anywhere goes to the bundle import, not to the design intake.
        const dropped = event.dataTransfer.files;
        if (dropped.length === 1 && dropped[0] && /\.kemas$/i.test(dropped[0].name)) {
          offerImport(dropped[0]);
          return;
        }
        void filesFromDrop(event.dataTransfer).then((files) => importer.start(files, target));
      }}
    >
      {children}
      {over ? (
        <div className={styles.dropOverlay} aria-hidden="true">
          <p>{t('intake.dropHere')}</p>
        </div>
      ) : null}
    </div>
  );
}
