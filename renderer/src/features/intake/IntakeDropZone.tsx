import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { filesFromDrop } from './collectFiles.ts';
import type { ImportTarget } from './importPlan.ts';
import { useImporter } from './ImportProvider.tsx';

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/** Makes a screen accept dropped files and folders; they go to `target`. */
export function IntakeDropZone({ target, children }: { target: ImportTarget; children: ReactNode }) {
  const { t } = useTranslation();
  const importer = useImporter();
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'drop-zone drop-zone-active' : 'drop-zone'}
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
        void filesFromDrop(event.dataTransfer).then((files) => importer.start(files, target));
      }}
    >
      {children}
      {over ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('intake.dropHere')}</p>
        </div>
      ) : null}
    </div>
  );
}
