import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { AnnotationShape, Point, Tool, ToolName, ToolOutput } from '#shared/annotations/tools.ts';
import { anchorOf } from '#shared/annotations/geometry.ts';
import {
  cursorStep,
  markPosition,
  moveCursor,
  moveWhileAnchored,
  nudgeShape,
  percentOf,
  pressEnter,
  resizeShape,
  sizeOf,
  startingCursor,
  walkMarks,
  type Direction,
} from '#shared/annotations/keyboardMarks.ts';
import type { AnnotationChanges } from '#shared/annotations/operations.ts';
import { useKeyCommands } from '../../app/keymap.ts';

interface Keyed {
  key: string;
  point: Point;
}

const DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export interface CanvasKeyboardOptions {
  /** The focusable canvas: its keys (scope `canvas`) apply while it has focus. */
  stage: RefObject<Element | null>;
  face: { id: string; width: number; height: number } | null;
  /** The view's zoom now (asked when a key moves the cursor). */
  zoom(): number;
  tool: RefObject<Tool>;
  toolName: ToolName;
  chooseTool(name: ToolName): void;
  /** The marks of this face in the order Tab walks them (number order). */
  marks: readonly Annotation[];
  selected: Annotation | null;
  mentorId: string;
  select(id: string | null): void;
  /** Does with a tool's answer what the screen does for the pointer (draft, commit, sample). */
  output(output: ToolOutput, at: Point): void;
  update(id: string, changes: (current: Annotation) => AnnotationChanges | null): Promise<void>;
  announce(text: string): void;
  /** Enter on a selected mark: its text on the canvas, or its comment in the side panel. */
  editMark(annotation: Annotation): void;
}

/**
 * The canvas from the keyboard: a cursor the arrows move, Enter making marks
 * with the current tool at it (shared/annotations/keyboardMarks.ts), the
 * arrows moving and Alt+arrows resizing the selected mark, Tab walking the
 * marks. Every change is read out through `announce`.
 */
export function useCanvasKeyboard(options: CanvasKeyboardOptions) {
  const { t } = useTranslation();
  const { stage, face, toolName } = options;
  // Each is kept with the face (and tool) it belongs to: on another face the cursor starts in
  // its middle, and with another tool no mark is under way.
  const cursorKey = face?.id ?? '';
  const anchorKey = `${cursorKey} ${toolName}`;
  const [cursorState, setCursorState] = useState<Keyed | null>(null);
  const [anchorState, setAnchorState] = useState<Keyed | null>(null);
  const [shown, setShown] = useState(false);
  // Repeated presses come faster than renders: the handlers read these.
  const cursorRef = useRef<Keyed | null>(null);
  const anchorRef = useRef<Keyed | null>(null);
  const cursor = cursorState?.key === cursorKey ? cursorState.point : null;
  const anchor = anchorState?.key === anchorKey ? anchorState.point : null;
  const cursorNow = () => (cursorRef.current?.key === cursorKey ? cursorRef.current.point : null);
  const anchorNow = () => (anchorRef.current?.key === anchorKey ? anchorRef.current.point : null);

  const placeCursor = (point: Point | null) => {
    cursorRef.current = point ? { key: cursorKey, point } : null;
    setCursorState(cursorRef.current);
  };
  const placeAnchor = (point: Point | null) => {
    anchorRef.current = point ? { key: anchorKey, point } : null;
    setAnchorState(anchorRef.current);
  };

  // The cursor shows while the canvas has the keyboard's focus, not after a click.
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const element = stage.current;
      setShown(Boolean(element && event.target === element && element.matches(':focus-visible')));
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.target === stage.current) setShown(false);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && stage.current?.contains(event.target)) setShown(false);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [stage]);

  const kindOf = (shape: AnnotationShape) => t(`review.toolNames.${shape.kind}`);

  /** Drops a mark under way; true when there was one. */
  const cancel = (): boolean => {
    const under = anchorNow();
    if (!under) return false;
    options.tool.current.handle({ type: 'cancel' });
    options.output({ kind: 'idle' }, under);
    placeAnchor(null);
    options.announce(t('canvasKeys.cancelled'));
    return true;
  };

  /** A step on the selected mark, worked out from the stored record so quick presses add up. */
  const changeSelected = (annotation: Annotation, change: (shape: AnnotationShape) => AnnotationShape | null, said: (shape: AnnotationShape) => string) => {
    if (annotation.mentorId !== options.mentorId) {
      options.announce(t('canvasKeys.notYours', { number: annotation.number }));
      return;
    }
    let after: AnnotationShape | null = null;
    let refused = false;
    void options
      .update(annotation.id, (current) => {
        after = change(current.shape);
        refused = after === null;
        return after ? { shape: after } : null;
      })
      .then(() => {
        if (refused) options.announce(t('canvasKeys.notResizable', { kind: kindOf(annotation.shape) }));
        else if (after) {
          placeCursor(anchorOf(after));
          options.announce(said(after));
        }
      });
  };

  const handlers = (): Record<string, (event: KeyboardEvent) => void | boolean> => {
    if (!face) return {};
    const at = cursorNow() ?? startingCursor(face);
    const { selected } = options;
    const editingSelected = toolName === 'select' && selected !== null && anchorNow() === null;
    return {
      'canvas.move': (event) => {
        const direction = DIRECTIONS[event.key];
        if (!direction) return;
        setShown(true);
        const step = cursorStep(options.zoom(), event.shiftKey);
        if (editingSelected) {
          changeSelected(
            selected,
            (shape) => nudgeShape(shape, direction, step, face),
            (shape) => t('canvasKeys.moved', { kind: kindOf(shape), number: selected.number, ...markPosition(shape, face) }),
          );
          return;
        }
        const next = moveCursor(at, direction, step, face);
        placeCursor(next);
        if (anchorNow()) options.output(moveWhileAnchored(options.tool.current, next), next);
        options.announce(t('canvasKeys.cursor', percentOf(next, face)));
      },
      'canvas.resize': (event) => {
        const direction = DIRECTIONS[event.key];
        if (!direction || !editingSelected) return;
        setShown(true);
        const step = cursorStep(options.zoom(), event.shiftKey);
        changeSelected(
          selected,
          (shape) => resizeShape(shape, direction, step),
          (shape) => t('canvasKeys.resized', { kind: kindOf(shape), number: selected.number, ...sizeOf(shape, face) }),
        );
      },
      'canvas.enter': () => {
        setShown(true);
        if (toolName !== 'select' && toolName !== 'hand') {
          const result = pressEnter(options.tool.current, at, anchorNow());
          placeAnchor(result.anchor);
          if (result.stage === 'anchored') options.announce(t('canvasKeys.anchored', percentOf(at, face)));
          if (result.stage === 'too-small') options.announce(t('canvasKeys.tooSmall'));
          options.output(result.output, at);
          return;
        }
        if (selected) options.editMark(selected);
        else options.announce(options.marks.length === 0 ? t('canvasKeys.noMarks') : t('canvasKeys.hint'));
      },
      'canvas.nextMark': () => walk(1),
      'canvas.previousMark': () => walk(-1),
    };

    /** Tab and Shift+Tab: false past either end, so focus moves on. */
    function walk(step: 1 | -1): boolean {
      const id = walkMarks(
        options.marks.map((m) => m.id),
        selected?.id ?? null,
        step,
      );
      const mark = options.marks.find((m) => m.id === id);
      if (!face || !mark) return false;
      if (anchorNow()) cancel();
      if (toolName !== 'select') options.chooseTool('select');
      options.select(mark.id);
      placeCursor(anchorOf(mark.shape));
      const comment = mark.comment.trim();
      const values = { kind: kindOf(mark.shape), number: mark.number, ...markPosition(mark.shape, face) };
      options.announce(
        comment
          ? t('canvasKeys.selectedWithComment', { ...values, comment: comment.length > 120 ? `${comment.slice(0, 119)}…` : comment })
          : t('canvasKeys.selected', values),
      );
      return true;
    }
  };

  useKeyCommands('canvas', handlers(), stage);

  return {
    /** Where the keyboard cursor is, in image pixels. */
    cursor: face ? (cursor ?? startingCursor(face)) : null,
    /** The first end of a mark under way. */
    anchor,
    /** True while the canvas has the keyboard's focus. */
    shown,
    cancel,
  };
}
