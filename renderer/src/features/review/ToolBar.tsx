import { useTranslation } from 'react-i18next';
import type { ToolName } from '../../../../shared/annotations/tools.ts';

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

export function ToolBar({ tool, onTool }: { tool: ToolName; onTool: (tool: ToolName) => void }) {
  const { t } = useTranslation();
  return (
    <div role="toolbar" aria-label={t('review.tools')} className="review-tools">
      {TOOL_KEYS.map(({ tool: name, key }) => (
        <button
          key={name}
          type="button"
          className={name === tool ? 'tool tool-active' : 'tool'}
          aria-pressed={name === tool}
          aria-keyshortcuts={key}
          title={`${t(`review.toolNames.${name}`)} (${key.toUpperCase()})`}
          onClick={() => onTool(name)}
        >
          {t(`review.toolNames.${name}`)} <kbd>{key.toUpperCase()}</kbd>
        </button>
      ))}
    </div>
  );
}
