import type { ToolName } from '#shared/annotations/tools.ts';

/** 24×24 strokes, drawn in the button's text colour. */
const PATHS: Record<ToolName, string> = {
  select: 'M5 3l14 8-6 1.5L10 19z',
  hand: 'M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-5a1.5 1.5 0 013 0v8c0 4-3 7-6.5 7S6 18 5 16l-2-4a1.5 1.5 0 012.6-1.5L8 13',
  pin: 'M12 21s-6-6.2-6-11a6 6 0 0112 0c0 4.8-6 11-6 11zm0-8.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z',
  rect: 'M4 6h16v12H4z',
  ellipse: 'M12 18c4.4 0 8-2.7 8-6s-3.6-6-8-6-8 2.7-8 6 3.6 6 8 6z',
  arrow: 'M5 19L19 5m0 0h-8m8 0v8',
  freehand: 'M3 16c3-6 5-9 7-6s1 7 4 6 4-7 7-8',
  text: 'M5 6V4h14v2M12 4v16m-3 0h6',
  measure: 'M3 16L16 3l5 5L8 21zm4-1l2 2m1-5l2 2m1-5l2 2',
  eyedropper: 'M14 4l6 6m-2.5-3.5L9 15l-4 1 1-4 8.5-8.5M9 15l-5 5',
};

export function ToolIcon({ tool }: { tool: ToolName }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="tool-icon">
      <path d={PATHS[tool]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
