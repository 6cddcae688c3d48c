import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Annotation } from '../../../../shared/domain/annotation.ts';
import { SEVERITIES } from '../../../../shared/domain/annotation.ts';
import { hexFromRgb } from '../../../../shared/annotations/colour.ts';
import { STARTER_SNIPPETS, type Snippet } from '../../../../shared/annotations/commentBank.ts';
import { mmPerPixelFromPack, scaleShapeToBounds, shapeBounds, translateShape } from '../../../../shared/annotations/geometry.ts';
import { createTool, type AnnotationShape, type PointerInput, type Tool, type ToolName } from '../../../../shared/annotations/tools.ts';
import { textSizeForZoom } from '../../../../shared/annotations/appearance.ts';
import { categoryForNewMarkHere, rememberCategoryHere } from './categoryMemory.ts';
import { isTyping } from '../../app/commands.ts';
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
import { useToast } from '../../ui/Toasts.tsx';
import { faceSize } from '../../../../shared/intake/faceReadiness.ts';
import { AnnotationEditor } from './AnnotationEditor.tsx';
import { ChecklistPanel } from '../checklist/ChecklistPanel.tsx';
import { AnnotationList } from './AnnotationList.tsx';
import { CanvasStage } from './CanvasStage.tsx';
import type { FabricView } from '../../canvas/fabricView.ts';
import { EyedropperPanel } from './EyedropperPanel.tsx';
import { ShelfPreviewDialog } from './ShelfPreviewDialog.tsx';
import { ExportPackDialog } from '../packs/ExportPackDialog.tsx';
import { TOOL_KEYS, ToolBar } from './ToolBar.tsx';
import { useAnnotationEditing } from './useAnnotationEditing.ts';
import { rememberZoom } from './viewMemory.ts';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import { reviewPath, QueueBar } from '../scoring/QueueBar.tsx';
import { ScoringTab } from '../scoring/ScoringTab.tsx';
import { isNextUnscoredKey, scoringPanelOwnsKey } from '../scoring/scoringKeys.ts';
import { useScoring } from '../scoring/useScoring.ts';
import { useTimeSpent } from '../scoring/useTimeSpent.ts';

/** Tabs of the side panel, in order; a feature adds its panel here. */
const SIDE_TABS = ['annotations', 'score', 'label'] as const;
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
  const [zoom, setZoom] = useState(1);
  const [showOthers, setShowOthers] = useState(true);
  const [severityFilter, setSeverityFilter] = useState<ReadonlySet<Annotation['severity']>>(new Set(SEVERITIES));
  const [samples, setSamples] = useState<string[]>([]);
  const [shelfOpen, setShelfOpen] = useState(false);
  const [packOpen, setPackOpen] = useState(false);
  const stage = useRef<{ view: FabricView | null }>({ view: null });

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

  // In a blind session other mentors' annotations stay hidden until this mentor has submitted.
  const live = useMemo(
    () =>
      (all ?? [])
        .filter((a) => a.deletedAt === null && (scoring.revealOthers || a.mentorId === mentor.id))
        .sort((a, b) => a.mentorId.localeCompare(b.mentorId) || a.number - b.number),
    [all, scoring.revealOthers, mentor.id],
  );
  const visible = useMemo(
    () => live.filter((a) => (showOthers || a.mentorId === mentor.id) && severityFilter.has(a.severity)),
    [live, showOthers, mentor.id, severityFilter],
  );
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
    return size ? mmPerPixelFromPack(face.metadata.width, face.metadata.height, size) : null;
  })() : null;

  const onPointer = useCallback(
    (input: PointerInput) => {
      if (!face) return;
      const output = tool.current.handle(input);
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
                ? { ...output.shape, fontSize: textSizeForZoom(zoom) }
                : output.shape;
          // The category last used with this tool (categoryMemory.ts): legends group by it.
          void editing.create(face.id, shape, { category: categoryForNewMarkHere(shape.kind) }).then((created) => {
            setSelectedId(created.id);
            chooseTool('select');
            // A new annotation wants its comment: show the editor.
            setParam('side', 'annotations');
          });
          break;
        }
        case 'sample': {
          const rgb = stage.current.view?.sample(output.point.x, output.point.y);
          if (rgb) setSamples((s) => [hexFromRgb(rgb.r, rgb.g, rgb.b), ...s].slice(0, 2));
          break;
        }
        case 'pan':
          stage.current.view?.panBy(output.dx * zoom, output.dy * zoom);
          break;
        default:
          setDraft(null);
      }
    },
    [face, editing, chooseTool, mmPerPixel, zoom, setParam],
  );

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

  const nextUnscored = scoring.nextUnscored;
  const goNextUnscored = useCallback(() => {
    if (nextUnscored) void navigate(reviewPath(workshopId, nextUnscored, sessionId));
    else toast({ message: t('scoring.queue.allDone') });
  }, [nextUnscored, navigate, workshopId, sessionId, toast, t]);

  // Keys for tools and actions; captured before the app-wide shortcuts.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      // Digits, arrows, Space and Enter inside the scoring panel score and move there, not zoom or pan.
      if (scoringPanelOwnsKey(event)) return;
      if (event.key === ' ' && !isTyping(event.target)) {
        stage.current.view?.setSpaceDown(event.type === 'keydown');
        event.preventDefault();
        return;
      }
      if (event.type !== 'keydown' || isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !event.shiftKey) void editing.undo();
      else if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) void editing.redo();
      else if (mod || event.altKey) handled = false;
      else if (isNextUnscoredKey(event)) goNextUnscored();
      else if (event.key === 'Escape') {
        tool.current.handle({ type: 'cancel' });
        setDraft(null);
        setSelectedId(null);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected?.mentorId === mentor.id) {
        void editing.remove(selected.id);
        setSelectedId(null);
      } else if (event.key === '0') {
        rememberZoom('fit');
        stage.current.view?.zoomToFit();
      } else if (event.key === '1') {
        rememberZoom(1);
        stage.current.view?.zoomAround(1);
      } else if (event.key === '+' || event.key === '=') stage.current.view?.zoomAround(zoom * 1.25);
      else if (event.key === '-') stage.current.view?.zoomAround(zoom / 1.25);
      else if (event.key === ']' || event.key === '[') {
        const index = faces?.findIndex((f) => f.id === face?.id) ?? -1;
        const next = faces?.[index + (event.key === ']' ? 1 : -1)];
        if (next) goFace(next.id);
      } else {
        const binding = TOOL_KEYS.find((b) => b.key === key);
        if (binding) chooseTool(binding.tool);
        else handled = false;
      }
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKey, true);
    };
  }, [editing, selected, mentor.id, zoom, faces, face, goFace, chooseTool, goNextUnscored]);

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
  return (
    <div className={showQueue ? 'review review-with-queue' : 'review'}>
      <nav aria-label="breadcrumb" className="breadcrumb">
        <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/workshops/${workshop.id}`}>{workshop.name}</Link> <span aria-hidden="true">/</span>{' '}
        {scoring.session ? (
          <>
            <Link to={`/workshops/${workshop.id}/sessions/${scoring.session.id}`}>{scoring.session.name}</Link> <span aria-hidden="true">/</span>{' '}
          </>
        ) : null}
        {scoring.blind ? <span>{shownName}</span> : <Link to={`/workshops/${workshop.id}/participants/${participant.id}`}>{shownName}</Link>}{' '}
        <span aria-hidden="true">/</span> <span aria-current="page">{t('review.title')}</span>
      </nav>
      <div className="page-header">
        <h1>{t('review.heading', { business: shownName, version: submission.version })}</h1>
        <div className="toolbar">
          {scoring.blind ? null : (
            <Link className="button" to={`/workshops/${workshop.id}/participants/${participant.id}/compare?b=${face.id}`}>
              {t('compare.open')}
            </Link>
          )}
          <button type="button" className="button" onClick={() => setShelfOpen(true)}>
            {t('shelf.open')}
          </button>
          {/* A pack names the participant: not in a blind session. */}
          {scoring.blind ? null : (
            <button type="button" className="button" onClick={() => setPackOpen(true)}>
              {t('packs.open')}
            </button>
          )}
          <button type="button" className="button" onClick={() => void editing.undo()} disabled={!editing.canUndo} aria-keyshortcuts="Control+Z">
            {t('review.undo')}
          </button>
          <button type="button" className="button" onClick={() => void editing.redo()} disabled={!editing.canRedo} aria-keyshortcuts="Control+Shift+Z">
            {t('review.redo')}
          </button>
        </div>
      </div>
      {showQueue ? <QueueBar workshopId={workshop.id} submissionId={submission.id} scoring={scoring} clock={clock} /> : null}
      <ToolBar tool={toolName} onTool={chooseTool} />
      <div className="zoom-bar" role="group" aria-label={t('review.zoom')}>
        <button type="button" className="button button-small" aria-keyshortcuts="0" onClick={() => { rememberZoom('fit'); stage.current.view?.zoomToFit(); }}>
          {t('review.fit')}
        </button>
        <button type="button" className="button button-small" aria-keyshortcuts="1" onClick={() => { rememberZoom(1); stage.current.view?.zoomAround(1); }}>
          100 %
        </button>
        <button type="button" className="button button-small" aria-keyshortcuts="-" aria-label={t('review.zoomOut')} onClick={() => stage.current.view?.zoomAround(zoom / 1.25)}>
          −
        </button>
        <output aria-live="polite" className="zoom-level">{percent.format(zoom)}</output>
        <button type="button" className="button button-small" aria-keyshortcuts="+" aria-label={t('review.zoomIn')} onClick={() => stage.current.view?.zoomAround(zoom * 1.25)}>
          +
        </button>
        {scoring.revealOthers ? (
          <label className="check">
            <input type="checkbox" checked={showOthers} onChange={(e) => setShowOthers(e.target.checked)} />
            {t('review.showOthers')}
          </label>
        ) : null}
      </div>
      <Tabs
        label={t('review.faces')}
        idPrefix="review-face"
        selected={face.id}
        onSelect={goFace}
        tabs={faces.map((f) => ({ key: f.id, label: t(`faces.${f.face}`) }))}
      />
      <div className="review-body">
        <div {...tabPanelProps('review-face', face.id)} className="review-canvas">
          <CanvasStage
            face={face}
            annotations={onFace}
            selectedId={selectedId}
            tool={toolName}
            draft={draft}
            onView={(view) => {
              stage.current.view = view;
            }}
            label={t('review.canvasLabel', { face: t(`faces.${face.face}`), count: onFace.length })}
            events={{
              pointer: onPointer,
              select: setSelectedId,
              modified: onModified,
              zoom: (z, reason) => {
                setZoom(z);
                if (reason === 'user') rememberZoom(z);
              },
            }}
          />
        </div>
        <aside className="review-side" aria-label={t('review.sidePanel')}>
          <Tabs label={t('scoring.sideTabs')} idPrefix="review-side" selected={side} onSelect={(key) => setParam('side', key)} tabs={sideTabs} />
          <div {...tabPanelProps('review-side', side)} className="review-side-panel">
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
                    annotation={selected}
                    editable={selected.mentorId === mentor.id}
                    snippets={snippets}
                    criteria={criteria}
                    onChange={(changes) => {
                      if (changes.category) rememberCategoryHere(selected.shape.kind, changes.category);
                      void editing.update(selected.id, changes);
                    }}
                    onDelete={() => {
                      void editing.remove(selected.id);
                      setSelectedId(null);
                    }}
                    onSaveSnippet={(text) =>
                      void addSnippet(db, { text: { id: text, en: text }, category: selected.category }, mentor.id).then(() =>
                        toast({ message: t('review.snippetSaved') }),
                      )
                    }
                  />
                ) : (
                  <p className="muted">{t('review.selectHint')}</p>
                )}
                <AnnotationList
                  annotations={visible}
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
                />
                <button type="button" className="button button-small" onClick={() => void editing.renumber()}>
                  {t('review.renumber')}
                </button>
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
