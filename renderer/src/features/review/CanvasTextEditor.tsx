import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShapeOf } from '#shared/annotations/shape.ts';
import { shownTextBox } from '#shared/annotations/turnedFace.ts';
import { IDENTITY_TRANSFORM, toOriginal } from '#shared/domain/faceTransform.ts';
import { MARK_FONT } from '../../canvas/annotationMarks.ts';
import type { FabricView } from '../../canvas/fabricView.ts';
import { pressesCommand } from '../../app/keymap.ts';
import { useOnImagePoint } from './KeyboardCursor.tsx';
import styles from '../workspace/workspace.module.css';

interface Props {
  view: FabricView | null;
  number: number;
  shape: ShapeOf<'text'>;
  face: { width: number; height: number };
  /** The text as typed so far: the side panel's field shows it too. */
  text: string;
  onText(text: string): void;
  /** Enter, or focus leaving the field: keep the text. */
  onCommit(how: 'key' | 'blur'): void;
  /** Escape: drop what was typed (and a note just made with nothing in it). */
  onCancel(): void;
}

/**
 * Typing a note in place: a text field laid over the note on the canvas, at
 * its size on screen, following zoom and pan. Keys come from the keymap
 * (scope `canvasText`); nothing is decided while an input method is still
 * composing a character, so Enter that picks a candidate never commits.
 */
export function CanvasTextEditor({ view, number, shape, face, text, onText, onCommit, onCancel }: Props) {
  const { t } = useTranslation();
  // The note reads upright on a turned face: the field lies over its box as shown, from the box's top-left corner as shown.
  const transform = view?.getFaceTransform() ?? IDENTITY_TRANSFORM;
  const box = shownTextBox({ ...shape, text }, face, transform);
  const corner = toOriginal(transform, face, { x: box.x, y: box.y });
  const done = useRef(false);
  const field = useOnImagePoint(view, corner, (element, at, zoom) => {
    element.style.transform = `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`;
    element.style.fontSize = `${Math.max(8, box.fontSize * zoom)}px`;
  });
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    element.focus();
    // An existing note opens with the caret after its text, to add to it (Ctrl+A takes it all).
    element.setSelectionRange(element.value.length, element.value.length);
  }, [field]);
  return (
    <>
      <textarea
        ref={field}
        className={styles.canvasTextEditor}
        aria-label={t('canvasKeys.text.label', { number })}
        aria-describedby="canvas-text-hint"
        aria-keyshortcuts="Enter Escape"
        rows={1}
        value={text}
        spellCheck={false}
        style={{ fontFamily: MARK_FONT, fontWeight: 'bold' }}
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          const native = event.nativeEvent;
          // An input method is choosing a character: its Enter and Escape are its own.
          if (native.isComposing || native.keyCode === 229) return;
          if (pressesCommand(native, 'canvasText.commit')) {
            event.preventDefault();
            done.current = true;
            onCommit('key');
          } else if (pressesCommand(native, 'canvasText.cancel')) {
            event.preventDefault();
            done.current = true;
            onCancel();
          }
        }}
        onBlur={() => {
          if (!done.current) onCommit('blur');
        }}
      />
      <p id="canvas-text-hint" className="visually-hidden">
        {t('canvasKeys.text.hint')}
      </p>
    </>
  );
}
