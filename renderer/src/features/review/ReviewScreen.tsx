import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Annotation } from '#shared/domain/annotation.ts';
import type { ShapeOf } from '#shared/annotations/shape.ts';
import { SEVERITIES } from '#shared/domain/annotation.ts';
import { hexFromRgb } from '#shared/annotations/colour.ts';
import { STARTER_SNIPPETS, type Snippet } from '#shared/annotations/commentBank.ts';
import { distance, measureMillimetres, mmPerPixelFromPack, scaleShapeToBounds, shapeBounds, translateShape } from '#shared/annotations/geometry.ts';
import { createTool, TOOL_NAMES, type AnnotationShape, type Point, type PointerInput, type Tool, type ToolName, type ToolOutput } from '#shared/annotations/tools.ts';
import { makesWithEnter, markPosition, percentOf } from '#shared/annotations/keyboardMarks.ts';
import { textSizeForZoom } from '#shared/annotations/appearance.ts';
import { categoryForNewMarkHere, rememberCategoryHere } from './categoryMemory.ts';
import { useKeyCommands } from '../../app/keymap.ts';
import { ariaKeys, shortcutHint } from '#shared/keymap/keymap.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { addSnippet } from '../../data/commentSnippetsRepo.ts';
import {
  useAllAnnotations,
  useLiveSubmission,
  useMentors,
  useOwnSnippets,
  useParticipant,
  useSubmissionFaces,
  useWorkshop,
} from '../../data/hooks.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { tabPanelProps, Tabs } from '../../ui/Tabs.tsx';
import { useToast, useToastDock } from '../../ui/Toasts.tsx';
import type { MenuItem } from '../../ui/MenuButton.tsx';
import { useFormat } from '../../i18n/format.ts';
import { CursorReadout, lastPointerIn, trackPointer } from '../workspace/CursorReadout.tsx';
import { SidePanelSplitter } from '../workspace/SidePanelSplitter.tsx';
import { useSidePanel } from '../workspace/sidePanelLayout.ts';
import { WorkspaceBar } from '../workspace/WorkspaceBar.tsx';
import { faceSize } from '#shared/intake/faceReadiness.ts';
import { AnnotationEditor } from './AnnotationEditor.tsx';
import { FaceMenu } from '../faces/FaceMenu.tsx';
import { MeasureBasis } from '../faces/SizeBasis.tsx';
import { shownSize } from '#shared/domain/faceTransform.ts';
import { useCorrectFace } from '../faces/useCorrectFace.ts';
import { ChecklistPanel } from '../checklist/ChecklistPanel.tsx';
import { AnnotationList } from './AnnotationList.tsx';
import { CanvasStage } from './CanvasStage.tsx';
import type { FabricView } from '../../canvas/fabricView.ts';
import { EyedropperPanel, EyedropperReadout } from './EyedropperPanel.tsx';
import { ShelfPreviewDialog } from './ShelfPreviewDialog.tsx';
import { ExportPackDialog } from '../packs/ExportPackDialog.tsx';
import { ToolBar } from './ToolBar.tsx';
import { useAnnotationEditing } from './useAnnotationEditing.ts';
import { useCanvasKeyboard } from './useCanvasKeyboard.ts';
import { KeyboardCursor } from './KeyboardCursor.tsx';
import { CanvasTextEditor } from './CanvasTextEditor.tsx';
import { rememberZoom } from './viewMemory.ts';
import { ZoomFeed, ZoomLevel } from './ZoomLevel.tsx';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import { reviewPath, QueueBar } from '../scoring/QueueBar.tsx';
import { ScoringTab } from '../scoring/ScoringTab.tsx';
import { useScoring } from '../scoring/useScoring.ts';
import { useTimeSpent } from '../scoring/useTimeSpent.ts';
import styles from '../workspace/workspace.module.css';
import { cx } from '../../ui/cx.ts';

/** Tabs of the side panel, in order; a feature adds its panel here. */
const SIDE_TABS = ['annotations', 'score', 'label'] as const;
/** The annotation list before its first background render. */
const NO_ANNOTATIONS: readonly Annotation[] = [];
type SideTab = (typeof SIDE_TABS)[number];


/**
 * Where mentors spend their day: a face on the canvas, the tools, and beside
 * it the annotations and the scoring panel. Each submission gets a fresh
 * screen (moving through a queue resets tools, selection and undo).
 */
export function ReviewScreen() {
  const { submissionId = '' } = useParams();
  return <ReviewWorkspace key={submissionId} />;
}

function ReviewWorkspace() {
  const { workshopId = '', participantId = '', submissionId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const sessionId = search.get('session');
  const side: SideTab = SIDE_TABS.find((tab) => tab === search.get('side')) ?? 'annotations';
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const workshop = useWorkshop(workshopId);
  const participant = useParticipant(participantId);
  const faces = useSubmissionFaces(submissionId);
  const submission = useLiveSubmission(submissionId);
  const all = useAllAnnotations(submissionId);
  const mentors = useMentors();
  const ownSnippets = useOwnSnippets();

  const [toolName, setToolName] = useState<ToolName>('select');
  const tool = useRef<Tool>(createTool('select'));
  const [draft, setDraft] = useState<AnnotationShape | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showOthers, setShowOthers] = useState(true);
  const [severityFilter, setSeverityFilter] = useState<ReadonlySet<Annotation['severity']>>(new Set(SEVERITIES));
  const [samples, setSamples] = useState<string[]>([]);
  const [shelfOpen, setShelfOpen] = useState(false);
  const [packOpen, setPackOpen] = useState(false);
  const stage = useRef<{ view: FabricView | null }>({ view: null });
  // The zoom shown; what acts on the zoom asks the view (viewZoom), so a wheel gesture does not draw this screen again per step.
  const zoomFeed = useMemo(() => new ZoomFeed(), []);
  const viewZoom = useCallback(() => stage.current.view?.getZoom() ?? zoomFeed.get(), [zoomFeed]);
  // The same view as state, for what is laid over the canvas (keyboard cursor, note field).
  const [view, setView] = useState<FabricView | null>(null);
  // What the live region reads out; the count makes a repeated sentence a change.
  const [spoken, setSpoken] = useState({ text: '', count: 0 });
  const announce = useCallback((text: string) => setSpoken((s) => ({ text, count: s.count + 1 })), []);
  // The note being typed on the canvas, mirrored in the side panel's field.
  const [typing, setTyping] = useState<{ id: string; text: string; fresh: boolean } | null>(null);
  // The focusable canvas: the canvas keys apply while it has focus.
  const canvasFocus = useMemo(
    () => ({
      get current(): HTMLElement | null {
        return canvasArea.current?.querySelector<HTMLElement>(`.${styles.canvasStage}`) ?? null;
      },
    }),
    [],
  );
  // Focus wanted on an element that the next render shows (the comment field of a mark chosen from the keyboard).
  const focusNext = useRef<string | null>(null);
  const [, renderForFocus] = useState(0);
  const sidePanel = useSidePanel();
  const toggleSidePanel = sidePanel.toggle;
  const toastDock = useToastDock();
  const canvasArea = useRef<HTMLDivElement | null>(null);
  const untrack = useRef<(() => void) | null>(null);
  const areaRef = useCallback((element: HTMLDivElement | null) => {
    untrack.current?.();
    canvasArea.current = element;
    untrack.current = element ? trackPointer(element) : null;
  }, []);
  // Where the last eyedropper sample was taken, in canvas-area pixels: its readout stays there.
  const [sampledAt, setSampledAt] = useState<{ x: number; y: number } | null>(null);

  // The front opens first, whatever order the files came in.
  const defaultFace = faces?.find((f) => f.face === 'front') ?? faces?.[0];
  const faceId = search.get('face') ?? defaultFace?.id ?? '';
  const face = faces?.find((f) => f.id === faceId) ?? defaultFace;
  const onError = useCallback((error: unknown) => toast({ tone: 'error', message: saveErrorMessage(error, t) }), [toast, t]);
  const scoring = useScoring({ workshopId, submissionId, sessionId, mentorId: mentor.id, onError });
  const clock = useTimeSpent(scoring.blocked ? null : scoring.review, mentor.id, onError);
  const editing = useAnnotationEditing({
    submissionId,
    mentorId: mentor.id,
    faceOrder: (assetId) => faces?.findIndex((f) => f.id === assetId) ?? 0,
    onError,
  });

  // A mark just made is on the screen, selected, in the same render that reads it out, before the live
  // query has read it back: the next key (Alt+→ to resize it) acts on it.
  const [made, setMade] = useState<Annotation | null>(null);
  // In a blind session other mentors' annotations stay hidden until this mentor has submitted.
  const live = useMemo(
    () =>
      [...(all ?? []), ...(made && all && !all.some((a) => a.id === made.id) ? [made] : [])]
        .filter((a) => a.deletedAt === null && (scoring.revealOthers || a.mentorId === mentor.id))
        .sort((a, b) => a.mentorId.localeCompare(b.mentorId) || a.number - b.number),
    [all, made, scoring.revealOthers, mentor.id],
  );
  const visible = useMemo(
    () => live.filter((a) => (showOthers || a.mentorId === mentor.id) && severityFilter.has(a.severity)),
    [live, showOthers, mentor.id, severityFilter],
  );
  // The list of hundreds of rows is drawn after the face, in the background: opening a review shows the artwork first.
  const listed = useDeferredValue(visible, NO_ANNOTATIONS);
  // The list of hundreds of marks is rendered once the face's picture is shown: rendered beside it, it took the
  // core the picture's decode needed (open → preview shown went from ~80 to ~170 ms with 500 marks).
  const [shownFace, setShownFace] = useState<string | null>(null);
  const onFace = useMemo(
    () =>
      visible
        .filter((a) => a.assetId === face?.id)
        .map((a) => ({ annotation: a, editable: a.mentorId === mentor.id, mine: a.mentorId === mentor.id })),
    [visible, face?.id, mentor.id],
  );
  const selected = live.find((a) => a.id === selectedId) ?? null;
  const snippets = useMemo<Snippet[]>(
    () => [
      ...STARTER_SNIPPETS,
      ...(ownSnippets ?? []).map((s) => ({ key: s.id, category: s.category, severity: 'suggestion' as const, text: s.text })),
    ],
    [ownSnippets],
  );

  /** Changes one search parameter, keeping the others (face, tab, session). */
  const setParam = useCallback(
    (name: string, value: string) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(name, value);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const chooseTool = useCallback((name: ToolName) => {
    tool.current = createTool(name);
    setToolName(name);
    setDraft(null);
  }, []);

  const mmPerPixel = face && participant ? (() => {
    const size = faceSize(face.face, participant.packDimensions);
    // The pack's dimensions are matched to the face as shown (turned or not).
    const shown = shownSize(face.transform, face.metadata);
    return size ? mmPerPixelFromPack(shown.width, shown.height, size) : null;
  })() : null;

  /** What a tool's answer does, whether the pointer or the keyboard (at `keyboardAt`) fed it. */
  const applyOutput = useCallback(
    (output: ToolOutput, keyboardAt?: Point) => {
      if (!face) return;
      switch (output.kind) {
        case 'drafting':
          setDraft(output.shape);
          break;
        case 'commit': {
          setDraft(null);
          // A note's font size is chosen now, to read at this zoom, and stored with it (shared/annotations/appearance.ts).
          const shape =
            output.shape.kind === 'measure'
              ? { ...output.shape, mmPerPixel }
              : output.shape.kind === 'text'
                ? { ...output.shape, fontSize: textSizeForZoom(viewZoom()) }
                : output.shape;
          // The tool that made the mark: back to select once it is stored, unless the mentor picked another meanwhile.
          const maker = tool.current;
          // The category last used with this tool (categoryMemory.ts): legends group by it.
          void editing.create(face.id, shape, { category: categoryForNewMarkHere(shape.kind) }).then((created) => {
            // Not stored (a full disk): the mentor has been told, and no mark shows that is not stored.
            if (!created) return;
            setMade(created);
            setSelectedId(created.id);
            if (tool.current === maker) chooseTool('select');
            // A new annotation wants its comment: show the editor.
            setParam('side', 'annotations');
            announce(
              t('canvasKeys.added', { kind: t(`review.toolNames.${shape.kind}`), number: created.number, ...markPosition(shape, face.metadata) }),
            );
            // A note is typed where it stands.
            if (shape.kind === 'text') setTyping({ id: created.id, text: '', fresh: true });
          });
          break;
        }
        case 'sample': {
          const rgb = stage.current.view?.sample(output.point.x, output.point.y);
          if (rgb) {
            const hex = hexFromRgb(rgb.r, rgb.g, rgb.b);
            setSamples((s) => [hex, ...s].slice(0, 2));
            setSampledAt(keyboardAt ? (stage.current.view?.toScreen(keyboardAt) ?? null) : lastPointerIn(canvasArea.current));
            announce(t('canvasKeys.sampled', { hex, ...percentOf(output.point, face.metadata) }));
          }
          break;
        }
        case 'pan':
          {
            const zoom = viewZoom();
            stage.current.view?.panBy(output.dx * zoom, output.dy * zoom);
          }
          break;
        default:
          setDraft(null);
      }
    },
    [face, editing, chooseTool, mmPerPixel, viewZoom, setParam, announce, t],
  );
  const onPointer = useCallback((input: PointerInput) => applyOutput(tool.current.handle(input)), [applyOutput]);

  const onModified = useCallback(
    (id: string, change: { dx: number; dy: number; scaleX: number; scaleY: number }) => {
      const current = live.find((a) => a.id === id);
      if (!current) return;
      let shape = current.shape;
      if (change.scaleX !== 1 || change.scaleY !== 1) {
        const from = shapeBounds(shape);
        shape = scaleShapeToBounds(shape, from, {
          x: from.x + change.dx,
          y: from.y + change.dy,
          width: from.width * change.scaleX,
          height: from.height * change.scaleY,
        });
      } else {
        shape = translateShape(shape, change.dx, change.dy);
      }
      void editing.update(id, { shape });
    },
    [live, editing],
  );

  const goFace = useCallback(
    (id: string) => {
      setParam('face', id);
      setSelectedId(null);
    },
    [setParam],
  );

  const correctFace = useCorrectFace();
  const nextUnscored = scoring.nextUnscored;
  const goNextUnscored = useCallback(() => {
    if (nextUnscored) void navigate(reviewPath(workshopId, nextUnscored, sessionId));
    else toast({ screen: true, message: t('scoring.queue.allDone') });
  }, [nextUnscored, navigate, workshopId, sessionId, toast, t]);

  // The review screen's keys (shared/keymap/keymap.ts, scope 'review').
  const zoomBy = (factor: number) => stage.current.view?.zoomAround(viewZoom() * factor);
  const stepFace = (step: 1 | -1) => {
    const index = faces?.findIndex((f) => f.id === face?.id) ?? -1;
    const next = faces?.[index + step];
    if (next) goFace(next.id);
  };
  const kindName = (shape: AnnotationShape) => t(`review.toolNames.${shape.kind}`);
  // This face's marks in the order Tab walks them: the mentor's own by number, then the others'.
  const walkOrder = useMemo(
    () =>
      onFace
        .map((d) => d.annotation)
        .sort((a, b) => Number(b.mentorId === mentor.id) - Number(a.mentorId === mentor.id) || a.mentorId.localeCompare(b.mentorId) || a.number - b.number),
    [onFace, mentor.id],
  );
  /** Enter on a selected mark: a note is typed on the canvas; anything else gets its comment in the side panel. */
  const editMark = (annotation: Annotation) => {
    if (annotation.shape.kind === 'text' && annotation.mentorId === mentor.id) {
      setTyping({ id: annotation.id, text: annotation.shape.text, fresh: false });
      return;
    }
    focusSide('annotation-comment');
  };
  /** Shows the Anotasi tab and puts focus on `id` once it is drawn (the side panel's tabs when it is not there). */
  const focusSide = (id: string) => {
    if (sidePanel.collapsed) toggleSidePanel();
    if (side !== 'annotations') setParam('side', 'annotations');
    focusNext.current = id;
    renderForFocus((n) => n + 1);
  };
  const keyboard = useCanvasKeyboard({
    stage: canvasFocus,
    face: face ? { id: face.id, width: face.metadata.width, height: face.metadata.height } : null,
    zoom: viewZoom,
    tool,
    toolName,
    chooseTool,
    marks: walkOrder,
    selected: selected && selected.assetId === face?.id ? selected : null,
    mentorId: mentor.id,
    select: setSelectedId,
    output: applyOutput,
    update: (id, changes) => editing.update(id, changes),
    announce,
    editMark,
  });
  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    const element = document.getElementById(id) as HTMLElement | null;
    const target = element && !(element as HTMLInputElement).disabled ? element : document.getElementById(`review-side-tab-${side}`);
    if (target) {
      focusNext.current = null;
      target.focus();
    }
  });

  useKeyCommands('review', {
    ...Object.fromEntries(
      TOOL_NAMES.map((name) => [
        `review.tool.${name}`,
        () => {
          chooseTool(name);
          const presses = makesWithEnter(name);
          if (presses) announce(t(presses === 'one' ? 'canvasKeys.toolOne' : 'canvasKeys.toolTwo', { tool: t(`review.toolNames.${name}`) }));
        },
      ]),
    ),
    'review.undo': () => void editing.undo().then(() => announce(t('canvasKeys.undone'))),
    'review.redo': () => void editing.redo().then(() => announce(t('canvasKeys.redone'))),
    'review.delete': () => {
      if (selected?.mentorId !== mentor.id) return;
      void editing.remove(selected.id).then(() => announce(t('canvasKeys.deleted', { kind: kindName(selected.shape), number: selected.number })));
      setSelectedId(null);
    },
    'review.cancel': () => {
      if (keyboard.cancel()) return;
      tool.current.handle({ type: 'cancel' });
      setDraft(null);
      if (selectedId) announce(t('canvasKeys.deselected'));
      setSelectedId(null);
    },
    'review.switchPane': () => {
      const canvas = canvasFocus.current;
      if (canvas && !canvas.contains(document.activeElement)) canvas.focus();
      else focusSide(selected ? 'annotation-comment' : `review-side-tab-${side}`);
    },
    'review.zoomFit': () => {
      rememberZoom('fit');
      stage.current.view?.zoomToFit();
    },
    'review.zoom100': () => {
      rememberZoom(1);
      stage.current.view?.zoomAround(1);
    },
    'review.zoomIn': () => zoomBy(1.25),
    'review.zoomOut': () => zoomBy(1 / 1.25),
    'review.pan': (event) => stage.current.view?.setSpaceDown(event.type === 'keydown'),
    'review.previousFace': () => stepFace(-1),
    'review.nextFace': () => stepFace(1),
    'review.toggleSide': toggleSidePanel,
    'review.nextUnscored': goNextUnscored,
    'review.rotateRight': () => face && void correctFace.turn(face, 'rotateRight'),
    'review.rotateLeft': () => face && void correctFace.turn(face, 'rotateLeft'),
  });

  if (workshop === undefined || participant === undefined || faces === undefined || all === undefined) {
    return <Loading />;
  }
  if (!workshop || !participant || !submission || !face) {
    return <NotFound />;
  }

  const names = new Map((mentors ?? []).map((m) => [m.id, m.name]));
  const language = i18n.language === 'en' ? 'en' : 'id';
  const percent = new Intl.NumberFormat(language === 'en' ? 'en-ID' : 'id-ID', { style: 'percent', maximumFractionDigits: 0 });
  // A blind session shows "Kiriman n" wherever the participant's name would be.
  const shownName = scoring.blind ? t('scoring.blindName', { n: scoring.blindNumber ?? '?' }) : participant.business;
  const criteria = (scoring.rubric?.groups ?? []).flatMap((g) => g.criteria.map((c) => ({ id: c.id, name: c.name[language] })));
  const sideTabs: { key: SideTab; label: string }[] = [
    { key: 'annotations', label: t('scoring.tabs.annotations') },
    { key: 'score', label: t('scoring.tabs.score') },
    { key: 'label', label: t('scoring.tabs.label') },
  ];
  const selectListed = (id: string) => {
    const target = live.find((a) => a.id === id);
    if (target && target.assetId !== face.id) goFace(target.assetId);
    setSelectedId(id);
  };
  // The queue shows in a session, and outside one while scoring.
  const showQueue = scoring.session !== null || side === 'score';
  const participantPath = `/workshops/${workshop.id}/participants/${participant.id}`;
  const comparePath = `${participantPath}/compare?from=${face.id}`;
  const measuring = draft?.kind === 'measure' ? draft : null;
  const typingMark = typing ? live.find((a) => a.id === typing.id && a.shape.kind === 'text') : undefined;
  /** Enter (or focus leaving): the typed text is stored, once; an empty new note typed nothing is dropped on Enter. */
  const finishTyping = (mark: Annotation, how: 'key' | 'blur') => {
    if (mark.shape.kind !== 'text' || !typing) return;
    const text = typing.text;
    setTyping(null);
    if (how === 'key') canvasFocus.current?.focus();
    if (how === 'key' && typing.fresh && !text.trim()) {
      cancelTyping(mark);
      return;
    }
    if (text !== mark.shape.text) void editing.update(mark.id, { shape: { ...mark.shape, text } });
    announce(t('canvasKeys.text.saved', { number: mark.number }));
  };
  /** Escape: what was typed is dropped, and a note made just now with nothing in it goes too. */
  const cancelTyping = (mark: Annotation) => {
    const fresh = typing?.fresh ?? false;
    setTyping(null);
    canvasFocus.current?.focus();
    if (fresh && mark.shape.kind === 'text' && !mark.shape.text) {
      void editing.remove(mark.id);
      setSelectedId(null);
    }
    announce(t('canvasKeys.text.cancelled', { number: mark.number }));
  };
  const menu: MenuItem[] = [
    ...(scoring.blind ? [] : [{ key: 'compare', label: t('compare.open'), overflow: '2', onSelect: () => void navigate(comparePath) }]),
    { key: 'shelf', label: t('shelf.open'), overflow: '1', onSelect: () => setShelfOpen(true) },
    ...(scoring.blind ? [] : [{ key: 'pack', label: t('packs.open'), overflow: '1', onSelect: () => setPackOpen(true) }]),
    ...(scoring.blind ? [] : [{ key: 'participant', label: t('workspace.participantPage'), onSelect: () => void navigate(participantPath) }]),
    { key: 'renumber', label: t('review.renumber'), onSelect: () => void editing.renumber() },
  ];
  return (
    <div className="workspace review">
      <WorkspaceBar
        label={t('workspace.topBar')}
        where={
          <>
            <nav aria-label="breadcrumb" className={cx('breadcrumb', styles.workspaceCrumbs)}>
              <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
              <Link to={`/workshops/${workshop.id}`}>{workshop.name}</Link>
              {scoring.session ? (
                <>
                  {' '}
                  <span aria-hidden="true">/</span> <Link to={`/workshops/${workshop.id}/sessions/${scoring.session.id}`}>{scoring.session.name}</Link>
                </>
              ) : null}
            </nav>
            {/* Read out in full; shown without the screen's name, which the layout already says. */}
            <h1
              className={styles.workspaceTitle}
              aria-label={t('review.heading', { business: shownName, version: submission.version })}
              title={t('workspace.reviewTitle', { business: shownName, version: submission.version })}
            >
              {t('workspace.reviewTitle', { business: shownName, version: submission.version })}
            </h1>
          </>
        }
        middle={
          <>
            <Tabs
              label={t('review.faces')}
              idPrefix="review-face"
              selected={face.id}
              onSelect={goFace}
              tabs={faces.map((f) => ({ key: f.id, label: t(`faces.${f.face}`) }))}
            />
            <FaceMenu face={face} />
          </>
        }
        actions={
          <>
            {scoring.blind ? null : (
              <Link className="button button-small" data-overflow="2" to={comparePath}>
                {t('compare.open')}
              </Link>
            )}
            <button type="button" className="button button-small" data-overflow="1" onClick={() => setShelfOpen(true)}>
              {t('shelf.open')}
            </button>
            {/* A pack names the participant: not in a blind session. */}
            {scoring.blind ? null : (
              <button type="button" className="button button-small" data-overflow="1" onClick={() => setPackOpen(true)}>
                {t('packs.open')}
              </button>
            )}
            <button
              type="button"
              className="button button-small"
              onClick={() => void editing.undo()}
              disabled={!editing.canUndo}
              aria-keyshortcuts={ariaKeys('review.undo')}
              title={`${t('review.undo')} (${shortcutHint('review.undo')})`}
            >
              <span aria-hidden="true">↶</span>
              <span className="visually-hidden">{t('review.undo')}</span>
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void editing.redo()}
              disabled={!editing.canRedo}
              aria-keyshortcuts={ariaKeys('review.redo')}
              title={`${t('review.redo')} (${shortcutHint('review.redo')})`}
            >
              <span aria-hidden="true">↷</span>
              <span className="visually-hidden">{t('review.redo')}</span>
            </button>
          </>
        }
        menu={menu}
        panel={{ state: sidePanel, controls: 'review-side', command: 'review.toggleSide' }}
      />
      <div
        className={sidePanel.collapsed ? cx(styles.workspaceBody, styles.workspaceBodyCollapsed) : styles.workspaceBody}
        style={{ '--side-width': `${sidePanel.width}px` } as CSSProperties}
      >
        <ToolBar tool={toolName} onTool={chooseTool} />
        {/* Not a stop of its own: the canvas inside takes the focus. */}
        <div {...tabPanelProps('review-face', face.id)} tabIndex={-1} className={styles.workspaceCanvas} ref={areaRef}>
          <CanvasStage
            face={face}
            annotations={onFace}
            selectedId={selectedId}
            tool={toolName}
            draft={draft}
            onView={(shown) => {
              stage.current.view = shown;
              setView(shown);
            }}
            label={t('review.canvasLabel', { face: t(`faces.${face.face}`), count: onFace.length })}
            hint="canvas-keys-hint"
            onShown={setShownFace}
            events={{
              pointer: onPointer,
              select: setSelectedId,
              modified: onModified,
              // A double-click on a note types it in place (as Enter does); on another mark, its comment.
              open: (id) => {
                const mark = live.find((a) => a.id === id);
                if (!mark) return;
                setSelectedId(id);
                editMark(mark);
              },
              zoom: (z, reason) => {
                zoomFeed.set(z);
                if (reason === 'user') rememberZoom(z);
              },
            }}
          />
          <div className={styles.canvasControls} role="group" aria-label={t('workspace.canvasControls')}>
            <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('review.zoomFit')} onClick={() => { rememberZoom('fit'); stage.current.view?.zoomToFit(); }}>
              {t('review.fit')}
            </button>
            <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('review.zoom100')} onClick={() => { rememberZoom(1); stage.current.view?.zoomAround(1); }}>
              100 %
            </button>
            <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('review.zoomOut')} aria-label={t('review.zoomOut')} onClick={() => zoomBy(1 / 1.25)}>
              −
            </button>
            <ZoomLevel feed={zoomFeed} label={t('review.zoom')} format={percent} />
            <button type="button" className="button button-small" aria-keyshortcuts={ariaKeys('review.zoomIn')} aria-label={t('review.zoomIn')} onClick={() => zoomBy(1.25)}>
              +
            </button>
          </div>
          <p id="canvas-keys-hint" className="visually-hidden">
            {t('canvasKeys.hint')}
          </p>
          {keyboard.shown && keyboard.cursor ? <KeyboardCursor view={view} at={keyboard.cursor} anchor={keyboard.anchor} label={t('canvasKeys.cursorLabel')} /> : null}
          {typingMark && typing ? (
            <CanvasTextEditor
              key={typingMark.id}
              view={view}
              number={typingMark.number}
              shape={typingMark.shape as ShapeOf<'text'>}
              face={face.metadata}
              text={typing.text}
              onText={(text) => setTyping({ ...typing, text })}
              onCommit={(how) => finishTyping(typingMark, how)}
              onCancel={() => cancelTyping(typingMark)}
            />
          ) : null}
          <div className="visually-hidden" role="status" aria-live="polite" data-testid="canvas-announcer">
            {spoken.text}
            {spoken.count % 2 ? '\u200b' : ''}
          </div>
          {measuring ? (
            <CursorReadout area={canvasArea} at={keyboard.shown && keyboard.cursor ? (view?.toScreen(keyboard.cursor) ?? 'cursor') : 'cursor'}>
              <MeasureLength shape={measuring} mmPerPixel={mmPerPixel} />
            </CursorReadout>
          ) : sampledAt && toolName === 'eyedropper' && samples.length > 0 ? (
            <CursorReadout area={canvasArea} at={sampledAt}>
              <EyedropperReadout samples={samples} />
            </CursorReadout>
          ) : null}
        </div>
        {/* Toasts show in a strip under the canvas: over nothing, neither the canvas controls nor the side list. */}
        <div className={styles.workspaceCanvasDock} ref={toastDock} />
        {sidePanel.collapsed ? null : <SidePanelSplitter panel={sidePanel} controls="review-side" />}
        <aside id="review-side" className={styles.workspaceSide} aria-label={t('review.sidePanel')} hidden={sidePanel.collapsed}>
          {showQueue ? <QueueBar workshopId={workshop.id} submissionId={submission.id} scoring={scoring} clock={clock} /> : null}
          <Tabs label={t('scoring.sideTabs')} idPrefix="review-side" selected={side} onSelect={(key) => setParam('side', key)} tabs={sideTabs} />
          <div {...tabPanelProps('review-side', side)} className={styles.reviewSidePanel} data-testid="review-side-panel">
            {side === 'label' ? (
              <ChecklistPanel
                submissionId={submission.id}
                participant={participant}
                mentorId={mentor.id}
                annotations={live}
                mentorNames={names}
                readOnly={scoring.review?.status === 'submitted'}
                onShowAnnotation={selectListed}
              />
            ) : side === 'score' ? (
              <ScoringTab
                scoring={scoring}
                annotations={live}
                mentorNames={names}
                clock={clock}
                onSelectAnnotation={selectListed}
              />
            ) : (
              <>
                {selected ? (
                  <AnnotationEditor
                    key={selected.id}
                    annotation={
                      typing?.id === selected.id && selected.shape.kind === 'text' ? { ...selected, shape: { ...selected.shape, text: typing.text } } : selected
                    }
                    editable={selected.mentorId === mentor.id}
                    snippets={snippets}
                    criteria={criteria}
                    onChange={(changes) => {
                      if (changes.category) rememberCategoryHere(selected.shape.kind, changes.category);
                      // While the note is typed on the canvas, its side field types into the same text (stored once, on Enter).
                      if (changes.shape?.kind === 'text' && typing?.id === selected.id) {
                        const { shape, ...rest } = changes;
                        setTyping({ ...typing, text: shape.text });
                        if (Object.keys(rest).length === 0) return;
                        changes = rest;
                      }
                      void editing.update(selected.id, changes);
                    }}
                    onDelete={() => {
                      void editing.remove(selected.id);
                      setSelectedId(null);
                    }}
                    onSaveSnippet={(text) =>
                      void addSnippet(db, { text: { id: text, en: text }, category: selected.category }, mentor.id).then(() =>
                        toast({ screen: true, message: t('review.snippetSaved') }),
                      )
                    }
                  />
                ) : (
                  <p className="muted">{t('review.selectHint')}</p>
                )}
                {scoring.revealOthers ? (
                  <label className="check">
                    <input type="checkbox" checked={showOthers} onChange={(e) => setShowOthers(e.target.checked)} />
                    {t('review.showOthers')}
                  </label>
                ) : null}
                {shownFace === face.id ? <AnnotationList
                  annotations={listed}
                  selectedId={selectedId}
                  onSelect={selectListed}
                  severityFilter={severityFilter}
                  onToggleSeverity={(s) =>
                    setSeverityFilter((current) => {
                      const next = new Set(current);
                      if (next.has(s)) next.delete(s);
                      else next.add(s);
                      return next;
                    })
                  }
                  mentorNames={names}
                  myId={mentor.id}
                /> : null}
                <button type="button" className="button button-small" onClick={() => void editing.renumber()}>
                  {t('review.renumber')}
                </button>
                {toolName === 'measure' || selected?.shape.kind === 'measure' ? <MeasureBasis face={face} pack={participant.packDimensions} /> : null}
                {toolName === 'eyedropper' || samples.length > 0 ? (
                  <section aria-labelledby="eyedropper-title" className="panel">
                    <h2 id="eyedropper-title">{t('review.toolNames.eyedropper')}</h2>
                    <EyedropperPanel samples={samples} />
                  </section>
                ) : null}
              </>
            )}
          </div>
        </aside>
      </div>
      {packOpen ? (
        <ExportPackDialog submissionId={submission.id} business={participant.business} version={submission.version} onClose={() => setPackOpen(false)} />
      ) : null}
      {shelfOpen ? (
        <ShelfPreviewDialog
          front={faces.find((f) => f.face === 'front') ?? face}
          product={scoring.blind ? shownName : participant.product || participant.business}
          onClose={() => setShelfOpen(false)}
        />
      ) : null}
    </div>
  );
}

/** A measure's length in millimetres when the pack size is known, else in pixels. */
function MeasureLength({ shape, mmPerPixel }: { shape: Extract<AnnotationShape, { kind: 'measure' }>; mmPerPixel: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <strong>
      {mmPerPixel
        ? t('workspace.measureReadoutMm', { mm: format.number(Math.round(measureMillimetres(shape, mmPerPixel) * 10) / 10) })
        : t('workspace.measureReadoutPx', { px: format.number(Math.round(distance(shape.from, shape.to))) })}
    </strong>
  );
}
