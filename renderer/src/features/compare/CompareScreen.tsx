import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { resolvePair } from '#shared/compare/comparePair.ts';
import { initialPaneViews, reducePaneViews, type PaneKey } from '#shared/compare/paneViews.ts';
import type { Asset } from '#shared/domain/asset.ts';
import type { Submission } from '#shared/domain/submission.ts';
import { useParticipant, useSubmissions, useWorkshop } from '../../data/hooks.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { tabPanelProps, Tabs } from '../../ui/Tabs.tsx';
import { shownPixels, type CompareModeProps } from './compareSide.ts';
import { DifferenceMode } from './DifferenceMode.tsx';
import { OverlayMode } from './OverlayMode.tsx';
import { SideBySideMode } from './SideBySideMode.tsx';
import { usePreviewImage } from './usePreviewImage.ts';
import { Loading, NotFound } from '../../ui/Placeholders.tsx';
import { WorkspaceBar } from '../workspace/WorkspaceBar.tsx';
import { useKeyCommands } from '../../app/keymap.ts';
import { useToastDock } from '../../ui/Toasts.tsx';
import styles from '../workspace/workspace.module.css';
import { cx } from '../../ui/cx.ts';
import compareStyles from './compare.module.css';

type Mode = 'side' | 'overlay' | 'difference';
const MODES: readonly Mode[] = ['side', 'overlay', 'difference'];
const isMode = (value: string | null): value is Mode => MODES.includes(value as Mode);

interface Placed {
  asset: Asset;
  submission: Submission;
}

/**
 * Two faces of a participant's design — usually the same face in two
 * versions — side by side, one over the other, or as a difference.
 * Route: /workshops/:workshopId/participants/:participantId/compare?a=&b=&mode= (or ?from=, the face being reviewed)
 */
export function CompareScreen() {
  const { workshopId = '', participantId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workshop = useWorkshop(workshopId);
  const participant = useParticipant(participantId);
  const submissions = useSubmissions(participantId);

  const placed = useMemo(
    () => new Map<string, Placed>((submissions ?? []).flatMap(({ submission, faces }) => faces.map((asset) => [asset.id, { asset, submission }]))),
    [submissions],
  );
  const pair = useMemo(
    () =>
      resolvePair(
        [...placed.values()].map(({ asset, submission }) => ({ id: asset.id, version: submission.version, face: asset.face, order: asset.order })),
        { a: search.get('a'), b: search.get('b'), from: search.get('from') },
      ),
    [placed, search],
  );
  const update = useCallback(
    (changes: Record<string, string>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  if (workshop === undefined || participant === undefined || submissions === undefined) {
    return <Loading />;
  }
  if (!workshop || !participant) {
    return <NotFound />;
  }
  const participantPath = `/workshops/${workshop.id}/participants/${participant.id}`;
  const a = pair ? placed.get(pair.a.id) : undefined;
  const b = pair ? placed.get(pair.b.id) : undefined;
  const nameOf = ({ asset, submission }: Placed) => t('compare.choice', { version: submission.version, face: t(`faces.${asset.face}`) });
  const mode = isMode(search.get('mode')) ? (search.get('mode') as Mode) : 'side';

  const pickers =
    a && b ? (
      <div className={compareStyles.comparePickers}>
        {(
          [
            ['a', a, t('compare.pickA')],
            ['b', b, t('compare.pickB')],
          ] as const
        ).map(([key, side, label]) => (
          <div key={key} className={compareStyles.comparePicker}>
            <label htmlFor={`compare-pick-${key}`}>
              <span className={compareStyles.compareLetter} aria-hidden="true">
                {key.toUpperCase()}
              </span>
              <span className="visually-hidden">{label}</span>
            </label>
            <select
              id={`compare-pick-${key}`}
              title={label}
              value={side.asset.id}
              onChange={(e) => update(key === 'a' ? { a: e.target.value, b: b.asset.id } : { a: a.asset.id, b: e.target.value })}
            >
              {[...placed.values()].map((choice) => (
                <option key={choice.asset.id} value={choice.asset.id}>
                  {nameOf(choice)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="button" className="button button-small" title={t('compare.swap')} onClick={() => update({ a: b.asset.id, b: a.asset.id })}>
          <span aria-hidden="true">⇄</span>
          <span className="visually-hidden">{t('compare.swap')}</span>
        </button>
        <Tabs
          label={t('compare.modes')}
          idPrefix="compare-mode"
          selected={mode}
          onSelect={(next) => update({ a: a.asset.id, b: b.asset.id, mode: next })}
          tabs={MODES.map((m) => ({ key: m, label: t(`compare.modeNames.${m}`) }))}
        />
      </div>
    ) : null;
  const reviewPathOfB = b ? `${participantPath}/review/${b.submission.id}?face=${b.asset.id}` : null;

  return (
    <div className={cx('workspace', compareStyles.compare)}>
      <WorkspaceBar
        label={t('workspace.compareTopBar')}
        where={
          <>
            <nav aria-label="breadcrumb" className={cx('breadcrumb', styles.workspaceCrumbs)}>
              <Link to="/">{t('workshops.title')}</Link> <span aria-hidden="true">/</span>{' '}
              <Link to={`/workshops/${workshop.id}`}>{workshop.name}</Link>
            </nav>
            <h1 className={styles.workspaceTitle}>{t('compare.heading', { business: participant.business })}</h1>
          </>
        }
        middle={pickers}
        actions={
          b && reviewPathOfB ? (
            <Link className="button button-small" data-overflow="1" to={reviewPathOfB}>
              {t('review.open', { version: b.submission.version })}
            </Link>
          ) : null
        }
        menu={[
          ...(b && reviewPathOfB
            ? [{ key: 'review', label: t('review.open', { version: b.submission.version }), overflow: '1', onSelect: () => void navigate(reviewPathOfB) }]
            : []),
          { key: 'participant', label: t('workspace.participantPage'), onSelect: () => void navigate(participantPath) },
        ]}
      />
      {!a || !b ? (
        <div className={styles.workspaceEmpty}>
          <EmptyState title={t('compare.noFaces')} body={t('compare.noFacesHint')}>
            <Link to={participantPath}>{t('common.back')}</Link>
          </EmptyState>
        </div>
      ) : (
        <CompareBody mode={mode} a={a} b={b} nameOf={nameOf} />
      )}
    </div>
  );
}

/** The mode's panel, with the views both panes share and the + − 0 keys. */
function CompareBody({ mode, a, b, nameOf }: { mode: Mode; a: Placed; b: Placed; nameOf: (p: Placed) => string }) {
  const { t } = useTranslation();
  const dock = useToastDock();
  const [views, dispatch] = useReducer(reducePaneViews, true, initialPaneViews);
  const previewA = usePreviewImage(a.asset);
  const previewB = usePreviewImage(b.asset);
  // Each face as the mentor set it to be shown (turned, mirrored): compare works in those pixels.
  const { width: widthA, height: heightA } = shownPixels(a.asset);
  const { width: widthB, height: heightB } = shownPixels(b.asset);
  useEffect(() => dispatch({ type: 'image', pane: 'a', size: { width: widthA, height: heightA } }), [widthA, heightA, a.asset.id]);
  useEffect(() => dispatch({ type: 'image', pane: 'b', size: { width: widthB, height: heightB } }), [widthB, heightB, b.asset.id]);

  // + − 0 anywhere on the screen (keymap scope 'compare'): the pane with focus, else both.
  const paneOf = (event: KeyboardEvent): PaneKey | 'all' => {
    const holder = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-pane]') : null;
    return holder?.dataset.pane === 'a' || holder?.dataset.pane === 'b' ? holder.dataset.pane : 'all';
  };
  useKeyCommands('compare', {
    'compare.zoomIn': (event) => dispatch({ type: 'zoom-steps', pane: paneOf(event), steps: 1 }),
    'compare.zoomOut': (event) => dispatch({ type: 'zoom-steps', pane: paneOf(event), steps: -1 }),
    'compare.fit': (event) => dispatch({ type: 'fit', pane: paneOf(event) }),
  });

  const props: CompareModeProps = {
    a: { asset: a.asset, name: nameOf(a), preview: previewA },
    b: { asset: b.asset, name: nameOf(b), preview: previewB },
    views,
    dispatch,
  };
  return (
    <div {...tabPanelProps('compare-mode', mode)} className={compareStyles.comparePanel}>
      {a.asset.id === b.asset.id ? <p className={cx('muted', compareStyles.compareNote)}>{t('compare.sameFace')}</p> : null}
      {mode === 'side' ? <SideBySideMode {...props} /> : mode === 'overlay' ? <OverlayMode {...props} /> : <DifferenceMode {...props} />}
      <div className={compareStyles.compareFooter}>
        <p className={cx('muted', compareStyles.compareHint)}>{t('compare.keysHint')}</p>
        {/* Toasts take their place here, below the panes, instead of over them. */}
        <div className={compareStyles.compareDock} ref={dock} />
      </div>
    </div>
  );
}
