import { useTranslation } from 'react-i18next';
import type { ToolName } from '../../../../shared/annotations/tools.ts';
import { ToolIcon } from './ToolIcon.tsx';

/** Tools in toolbar order with their single-key shortcuts. */
export const TOOL_KEYS: readonly { tool: ToolName; key: string }[] = [
  { tool: 'select', key: 'v' },
  { tool: 'hand', key: 'h' },
  { tool: 'pin', key: 'p' },
  { tool: 'rect', key: 'r' },
  { tool: 'ellipse', key: 'e' },
  { tool: 'arrow', key: 'a' },
  { tool: 'freehand', key: 'f' },
  { tool: 'text', key: 't' },
  { tool: 'measure', key: 'm' },
  { tool: 'eyedropper', key: 'i' },
];

/** The tool rail down the left edge of the workspace: an icon per tool, its name and key in the tooltip and accessible name. */
export function ToolBar({ tool, onTool }: { tool: ToolName; onTool: (tool: ToolName) => void }) {
  const { t } = useTranslation();
  return (
    <div role="toolbar" aria-label={t('review.tools')} aria-orientation="vertical" className="tool-rail">
      {TOOL_KEYS.map(({ tool: name, key }) => (
        <button
          key={name}
          type="button"
          className={name === tool ? 'tool tool-active' : 'tool'}
          aria-pressed={name === tool}
          aria-keyshortcuts={key}
          aria-label={t(`review.toolNames.${name}`)}
          title={`${t(`review.toolNames.${name}`)} (${key.toUpperCase()})`}
          onClick={() => onTool(name)}
        >
          <ToolIcon tool={name} />
          <kbd aria-hidden="true">{key.toUpperCase()}</kbd>
        </button>
      ))}
    </div>
  );
}
