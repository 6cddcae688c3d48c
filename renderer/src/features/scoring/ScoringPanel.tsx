import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '#shared/domain/annotation.ts';
import { VERDICTS, type Review } from '#shared/domain/review.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import { ACTION_LIST_KEYS, countNewItems, gatherActionItems, mergeActionItems, type ActionListKey } from '#shared/scoring/actionItems.ts';
import { reviewCompleteness } from '#shared/scoring/completeness.ts';
import { scaleLevels } from '#shared/scoring/scale.ts';
import { roundForDisplay } from '#shared/scoring/score.ts';
import { isTyping } from '../../app/commands.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { abstain, declareConflict, reopen, setLists, setNote, setScore, setVerdict, submit } from '../../data/reviewsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { useToast } from '../../ui/Toasts.tsx';
import { ActionListsEditor } from './ActionListsEditor.tsx';
import { CriterionRow } from './CriterionRow.tsx';
import { DeclineDialog, type Decline } from './DeclineDialog.tsx';
import { OtherReviews } from './OtherReviews.tsx';
import { ScoreBars } from './ScoreBars.tsx';
import { levelForKey } from './scoringKeys.ts';
import { pressesCommand, useKeyCommands } from '../../app/keymap.ts';
import { scoringErrorMessage } from './scoringErrors.ts';
import { TimeSpentText } from './TimeSpentText.tsx';
import type { TimeSpentClock } from './useTimeSpent.ts';
import styles from './scoring.module.css';
import { cx } from '../../ui/cx.ts';

export interface ScoringPanelProps {
  review: Review;
  rubric: Rubric;
  /** Annotations this mentor may see on the submission (live ones), for linked counts and gathering. */
  annotations: readonly Annotation[];
  /** Other mentors' reviews of the submission; null while hidden (blind session). */
  otherReviews: readonly Review[] | null;
  /** Why other reviews are hidden, when they are. */
  othersHiddenText?: string;
  mentorNames: ReadonlyMap<string, string>;
  /** Nothing may change (a closed session). */
  readOnly?: boolean;
  clock: TimeSpentClock;
  onSelectAnnotation: (id: string) => void;
}

type Criterion = Rubric['groups'][number]['criteria'][number];

/** The levels a criterion offers, lowest first: its scale, or its descriptors' scores should the scale be unusable. */
function levelsOf(criterion: Criterion): number[] {
  return scaleLevels(criterion.scale) ?? criterion.levels.map((l) => l.score).sort((a, b) => a - b);
}

/**
 * Scoring one submission beside the canvas: criteria by group with scale,
 * descriptor and note; live subtotals and overall 0–100 (with a chart); the
 * verdict; the action lists; time spent; submit / reopen; abstain and
 * conflict of interest. Every change is saved at once.
 */
export function ScoringPanel({
  review,
  rubric,
  annotations,
  otherReviews,
  othersHiddenText,
  mentorNames,
  readOnly = false,
  clock,
  onSelectAnnotation,
}: ScoringPanelProps) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const mentor = useCurrentMentorRecord();
  const toast = useToast();
  const format = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const panel = useRef<HTMLElement>(null);
  // Focus in the panel: digits, arrows, Space and Enter score and move here, not zoom or pan the canvas.
  useKeyCommands('scoring', {}, panel);
  const [decline, setDecline] = useState<Decline | null>(null);
  const focusAfter = useRef<'reopen' | 'first' | null>(null);
  const linkedTurn = useRef(new Map<string, number>());

  const locked = readOnly || review.status === 'submitted';
  const completeness = useMemo(() => reviewCompleteness(review, rubric), [review, rubric]);
  const criteria = useMemo(() => rubric.groups.flatMap((g) => g.criteria), [rubric]);
  const oneDecimal = useMemo(() => new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), [format.locale]);
  const formatScore = useCallback((value: number) => oneDecimal.format(roundForDisplay(value) ?? value), [oneDecimal]);

  const run = useCallback(
    async (action: () => Promise<unknown>, done?: string) => {
      try {
        await action();
        if (done) toast({ screen: true, message: done });
      } catch (error) {
        toast({ tone: 'error', message: scoringErrorMessage(error, t) });
      }
    },
    [toast, t],
  );

  const focusCriterion = useCallback((index: number) => {
    const root = panel.current;
    const target = criteria[index];
    if (!root) return;
    if (!target) {
      // Past the last criterion: on to the verdict.
      root.querySelector<HTMLInputElement>(`.${styles.verdict} input:checked, .${styles.verdict} input`)?.focus();
      return;
    }
    root.querySelector<HTMLElement>(`[data-criterion="${CSS.escape(target.id)}"] [role="radio"][tabindex="0"]`)?.focus();
  }, [criteria]);

  useEffect(() => {
    if (focusAfter.current === 'reopen' && review.status === 'submitted') panel.current?.querySelector<HTMLElement>('.reopen-button')?.focus();
    if (focusAfter.current === 'first' && review.status === 'draft') focusCriterion(0);
    focusAfter.current = null;
  }, [review.status, focusCriterion]);

  const onCriteriaKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const row = (event.target as Element).closest('[data-criterion]');
    const index = criteria.findIndex((c) => c.id === row?.getAttribute('data-criterion'));
    const criterion = criteria[index];
    if (!criterion) return;
    const down = pressesCommand(event.nativeEvent, 'scoring.next');
    if (down || pressesCommand(event.nativeEvent, 'scoring.previous')) {
      event.preventDefault();
      const next = index + (down ? 1 : -1);
      if (next >= 0 && next < criteria.length) focusCriterion(next);
      return;
    }
    if (locked || !pressesCommand(event.nativeEvent, 'scoring.score')) return;
    const value = levelForKey(levelsOf(criterion), event.key);
    if (value === null) return;
    event.preventDefault();
    void run(() => setScore(db, review.id, criterion.id, value, mentor.id));
    focusCriterion(index + 1);
  };

  const gathered = useMemo(
    () => gatherActionItems(annotations, mentor.id, (c) => t(`review.categories.${c}`)),
    [annotations, mentor.id, t],
  );
  const newItems = countNewItems(review, gathered);

  const status =
    review.conflictOfInterest ? 'conflict'
    : review.abstained ? 'abstained'
    : review.status;
  const { score } = completeness;
  const overall = score.overall0to100 ?? score.partial0to100;
  const scoredCount = criteria.length - completeness.unscored.length;
  const groupName = (id: string) => rubric.groups.find((g) => g.id === id)?.name[language] ?? id;
  const bars = [
    ...score.groups.map((g) => ({ key: g.groupId, label: groupName(g.groupId), value: g.subtotal0to100 })),
    { key: 'overall', label: t('scoring.chartOverall'), value: overall, emphasis: true },
  ];
  const chartLabel = t('scoring.chart', {
    values: bars.map((b) => `${b.label} ${b.value === null ? t('scoring.chartNone') : formatScore(b.value)}`).join('; '),
  });
  const reasons = [
    completeness.unscored.length > 0 ? t('scoring.missingCriteria', { count: completeness.unscored.length }) : null,
    completeness.verdictMissing ? t('scoring.missingVerdict') : null,
  ].filter((r): r is string => r !== null);
  const maxKey = Math.min(10, Math.max(...criteria.map((c) => levelsOf(c).length), 1));

  const updateList = (key: ActionListKey, change: (items: string[]) => string[]) =>
    void run(() => setLists(db, review.id, (lists) => ({ [key]: change(lists[key]) }), mentor.id));

  return (
    <section ref={panel} className={styles.scoringPanel} aria-labelledby="scoring-title">
      <div className={styles.scoringSummary}>
        <div className={styles.sectionHead}>
          <h2 id="scoring-title">{t('scoring.title')}</h2>
          <span className={cx(styles.statusBadge, status !== 'draft' && `status-${status}`)} aria-label={t('scoring.statusLabel', { status: t(`scoring.status.${status}`) })}>
            {t(`scoring.status.${status}`)}
          </span>
        </div>
        <p className="muted rubric-name">{t('scoring.rubric', { name: rubric.name[language], version: rubric.version })}</p>
        <div className={styles.overall}>
          <output className={styles.overallNumber} aria-label={t('scoring.overall')}>
            {overall === null ? '—' : formatScore(overall)}
          </output>
          <div>
            <div className={styles.overallCaption}>
              {t('scoring.overall')} <span className="muted">{t('scoring.outOf100')}</span>
            </div>
            {score.complete ? null : (
              <div className={cx('muted', styles.overallNote)}>
                {scoredCount === 0 ? t('scoring.nothingScored') : t('scoring.provisional', { scored: scoredCount, total: criteria.length })}
              </div>
            )}
          </div>
        </div>
        <ScoreBars bars={bars} label={chartLabel} format={formatScore} none="—" />
        <p className={styles.timeSpent}>
          {t('scoring.timeSpent')}: <TimeSpentText clock={clock} />
        </p>
      </div>

      {review.abstained || review.conflictOfInterest ? (
        <div className="notice">
          <p>{review.abstained ? t('scoring.abstained') : t('scoring.conflictDeclared')}</p>
        </div>
      ) : null}

      <p className="field-hint keys-hint">{t('scoring.keysHint', { max: maxKey })}</p>
      <div className={styles.criteria} onKeyDown={onCriteriaKey}>
        {rubric.groups.map((group) => {
          const subtotal = score.groups.find((g) => g.groupId === group.id);
          return (
            <section key={group.id} className={styles.criteriaGroup} aria-labelledby={`group-${group.id}`}>
              <h3 id={`group-${group.id}`}>
                {group.name[language]}{' '}
                <span className={styles.groupSubtotal}>
                  {subtotal?.subtotal0to100 === null || subtotal === undefined
                    ? t('scoring.groupNone')
                    : t('scoring.groupSubtotal', { value: formatScore(subtotal.subtotal0to100) })}
                  {' · '}
                  {t('scoring.groupProgress', { scored: subtotal?.scored ?? 0, total: group.criteria.length })}
                </span>
              </h3>
              <ol className={styles.criteriaList}>
                {group.criteria.map((criterion) => {
                  const linked = annotations.filter((a) => a.link?.to === 'criterion' && a.link.criterionId === criterion.id);
                  const entry = review.scores[criterion.id];
                  return (
                    <CriterionRow
                      key={criterion.id}
                      criterion={criterion}
                      levels={levelsOf(criterion)}
                      score={entry?.score ?? null}
                      note={entry?.note ?? ''}
                      disabled={locked}
                      linkedCount={linked.length}
                      onSelectLinked={() => {
                        const turn = linkedTurn.current.get(criterion.id) ?? 0;
                        const target = linked[turn % linked.length];
                        linkedTurn.current.set(criterion.id, turn + 1);
                        if (target) onSelectAnnotation(target.id);
                      }}
                      onScore={(value) => void run(() => setScore(db, review.id, criterion.id, value, mentor.id))}
                      onNote={(note) => void run(() => setNote(db, review.id, criterion.id, note, mentor.id))}
                    />
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>

      <fieldset className={styles.verdict} disabled={locked}>
        <legend>{t('scoring.verdict')}</legend>
        {VERDICTS.map((v) => (
          <label key={v} className="check">
            <input
              type="radio"
              name={`verdict-${review.id}`}
              checked={review.verdict === v}
              onChange={() => void run(() => setVerdict(db, review.id, v, mentor.id))}
            />
            {t(`scoring.verdicts.${v}`)}
          </label>
        ))}
      </fieldset>

      <ActionListsEditor
        lists={review}
        disabled={locked}
        newFromAnnotations={newItems}
        onGather={() => {
          const added = mergeActionItems(review, gathered).added;
          void run(async () => {
            await setLists(db, review.id, (current) => mergeActionItems(current, gathered).lists, mentor.id);
            toast({
              screen: true,
              message: t('scoring.gathered', { count: added }),
              undo: () =>
                run(() =>
                  setLists(
                    db,
                    review.id,
                    (current) => Object.fromEntries(ACTION_LIST_KEYS.map((k) => [k, current[k].filter((item) => !gathered[k].includes(item) || review[k].includes(item))])),
                    mentor.id,
                  ),
                ),
            });
          });
        }}
        onChange={updateList}
        onRemoved={(key, index, text) =>
          toast({
            screen: true,
            message: t('scoring.itemRemoved'),
            undo: () => updateList(key, (items) => [...items.slice(0, index), text, ...items.slice(index)]),
          })
        }
      />

      <OtherReviews reviews={otherReviews} mentorNames={mentorNames} formatScore={formatScore} hiddenText={othersHiddenText} />

      {readOnly ? null : (
        <div className={styles.scoringActions}>
          {review.status === 'submitted' ? (
            <button
              type="button"
              className="button reopen-button"
              onClick={() => {
                focusAfter.current = 'first';
                void run(() => reopen(db, review.id, mentor.id), t('scoring.reopened'));
              }}
            >
              {review.abstained || review.conflictOfInterest ? t('scoring.withdraw') : t('scoring.reopen')}
            </button>
          ) : null}
          {review.status === 'submitted' && review.sawOthersAt !== null ? (
            <p className="field-hint" data-testid="reopen-warning">
              {t('curators.reopenWarning')}
            </p>
          ) : null}
          {review.status === 'submitted' ? null : (
            <>
              <button
                type="button"
                className="button button-primary"
                disabled={!completeness.complete}
                aria-describedby={completeness.complete ? undefined : 'submit-reason'}
                onClick={() => {
                  focusAfter.current = 'reopen';
                  void run(async () => {
                    await clock.flush();
                    await submit(db, review.id, mentor.id);
                  }, t('scoring.submitted'));
                }}
              >
                {t('scoring.submit')}
              </button>
              {completeness.complete ? null : (
                <p id="submit-reason" className="field-hint submit-reason">
                  {t('scoring.cannotSubmit', { reasons: reasons.join(', ') })}
                </p>
              )}
              <div className="toolbar">
                <button type="button" className="button button-small" onClick={() => setDecline('abstain')}>
                  {t('scoring.abstain')}
                </button>
                <button type="button" className="button button-small" onClick={() => setDecline('conflict')}>
                  {t('scoring.conflict')}
                </button>
              </div>
            </>
          )}
          {review.status === 'draft' && review.revisedAfterRevealAt !== null ? (
            <p className="field-hint" data-testid="revised-mark">
              {t('curators.revisedPending', { mentor: mentor.name, when: format.timestamp(review.revisedAfterRevealAt) })}
            </p>
          ) : null}
        </div>
      )}
      {decline ? (
        <DeclineDialog
          kind={decline}
          onClose={() => setDecline(null)}
          onConfirm={() => {
            const kind = decline;
            setDecline(null);
            focusAfter.current = 'reopen';
            void run(async () => {
              await clock.flush();
              await (kind === 'abstain' ? abstain : declareConflict)(db, review.id, mentor.id);
            }, kind === 'abstain' ? t('scoring.abstained') : t('scoring.conflictDeclared'));
          }}
        />
      ) : null}
    </section>
  );
}
