import { useTranslation } from 'react-i18next';
import { TOOL_NAMES, type ToolName } from '#shared/annotations/tools.ts';
import { ariaKeys, shortcutHint } from '#shared/keymap/keymap.ts';
import { ToolIcon } from './ToolIcon.tsx';
import styles from '../workspace/workspace.module.css';
import { cx } from '../../ui/cx.ts';

/** The tool rail down the left edge of the workspace: an icon per tool, its name and key (from the keymap) in the tooltip and accessible name. */
export function ToolBar({ tool, onTool }: { tool: ToolName; onTool: (tool: ToolName) => void }) {
  const { t } = useTranslation();
  return (
    <div role="toolbar" aria-label={t('review.tools')} aria-orientation="vertical" className={styles.toolRail}>
      {TOOL_NAMES.map((name) => {
        const key = shortcutHint(`review.tool.${name}`);
        return (
          <button
            key={name}
            type="button"
            className={name === tool ? cx(styles.tool, styles.toolActive) : styles.tool}
            aria-pressed={name === tool}
            aria-keyshortcuts={ariaKeys(`review.tool.${name}`)}
            aria-label={t(`review.toolNames.${name}`)}
            title={`${t(`review.toolNames.${name}`)} (${key})`}
            onClick={() => onTool(name)}
          >
            <ToolIcon tool={name} />
            <kbd aria-hidden="true">{key}</kbd>
          </button>
        );
      })}
    </div>
  );
}
