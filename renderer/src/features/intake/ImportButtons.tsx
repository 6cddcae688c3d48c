import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../app/commands.ts';
import { filesFromInput } from './collectFiles.ts';
import type { ImportTarget } from './importPlan.ts';
import { useImporter } from './ImportProvider.tsx';

/**
 * File and folder pickers (in the desktop app they open the system's own
 * dialogs). File ▸ Import in the menu and the `I` key open the file picker.
 */
export function ImportButtons({
  target,
  filesLabel,
  folderLabel,
  command = true,
}: {
  target: ImportTarget;
  filesLabel?: string;
  folderLabel?: string;
  /** Whether File ▸ Import and the `I` key open this picker (one per screen). */
  command?: boolean;
}) {
  const { t } = useTranslation();
  const importer = useImporter();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useCommand('intake.import', () => {
    if (command) filesInput.current?.click();
  });
  const take = (input: HTMLInputElement) => {
    const files = filesFromInput(input.files);
    input.value = '';
    void importer.start(files, target);
  };
  return (
    <>
      <button type="button" className="button" onClick={() => filesInput.current?.click()} aria-keyshortcuts={command ? 'i' : undefined}>
        {filesLabel ?? t('intake.importFiles')}
      </button>
      {folderLabel !== undefined || target.kind === 'workshop' ? (
        <button type="button" className="button" onClick={() => folderInput.current?.click()}>
          {folderLabel ?? t('intake.importFolder')}
        </button>
      ) : null}
      <input ref={filesInput} type="file" multiple hidden tabIndex={-1} onChange={(e) => take(e.currentTarget)} />
      <input
        ref={folderInput}
        type="file"
        hidden
        tabIndex={-1}
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => take(e.currentTarget)}
      />
    </>
  );
}
