import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_CATEGORIES } from '#shared/domain/participant.ts';
import type { Rubric } from '#shared/domain/rubric.ts';
import { scoringSessionSchema, type ScoringSession } from '#shared/domain/session.ts';
import type { Workshop } from '#shared/domain/workshop.ts';
import { selectSubmissions } from '#shared/scoring/queue.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { useMentors } from '../../data/hooks.ts';
import { rubricForWorkshop } from '../../data/rubricsRepo.ts';
import { useNewestPublishedRubrics } from '../../data/rubricHooks.ts';
import { useSessionCandidates } from '../../data/sessionHooks.ts';
import { createSession, updateSession } from '../../data/sessionsRepo.ts';
import { useFormat } from '../../i18n/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { MentorPicker } from './MentorPicker.tsx';
import { rubricLabel, sessionErrorMessage } from './sessionText.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

interface Props {
  workshop: Workshop;
  /** The session to change, or null to make one. */
  session: ScoringSession | null;
  onClose: () => void;
  onCreated?: (session: ScoringSession) => void;
  /** Shown to a mentor who is not a curator: every field read-only, with who the curators are. */
  readOnly?: boolean;
}

type VersionChoice = ScoringSession['filters']['version'];

const DEFAULT_TIMER_MINUTES = 10;

/**
 * Makes a session (name, rubric, filters with a live count, mentors,
 * assignment, blind, timer) or changes one; a session's rubric and
 * submissions are fixed when it is made, so editing shows them read-only.
 */
export function SessionFormDialog({ workshop, session, onClose, onCreated, readOnly = false }: Props) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const me = useCurrentMentorRecord();
  const toast = useToast();
  const format = useFormat();
  const formId = useId();
  const countId = useId();
  const mentors = useMentors();
  const rubrics = useNewestPublishedRubrics();
  const candidates = useSessionCandidates(workshop.id);
  const [defaultRubric, setDefaultRubric] = useState<Rubric | null>(null);
  const [name, setName] = useState(session?.name ?? '');
  const [rubricId, setRubricId] = useState(session?.rubricId ?? '');
  const [regions, setRegions] = useState<string[]>(session?.filters.regions ?? []);
  const [categories, setCategories] = useState<string[]>(session?.filters.categories ?? []);
  const [version, setVersion] = useState<VersionChoice>(session?.filters.version ?? 'latest');
  const [mentorIds, setMentorIds] = useState<string[]>(session?.mentorIds ?? [me.id]);
  const [assignment, setAssignment] = useState<ScoringSession['assignment']>(session?.assignment ?? 'all-score-all');
  const [blind, setBlind] = useState(session?.blind ?? false);
  const [curators, setCurators] = useState<string[]>(session?.curators ?? [me.id]);
  const [reveal, setReveal] = useState<ScoringSession['reveal']>(session?.reveal ?? 'curator');
  const [timerOn, setTimerOn] = useState((session?.itemTimerMinutes ?? null) !== null);
  const [timerMinutes, setTimerMinutes] = useState(String(session?.itemTimerMinutes ?? DEFAULT_TIMER_MINUTES));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (session) return;
    let cancelled = false;
    void rubricForWorkshop(db, workshop.id).then((rubric) => {
      if (cancelled) return;
      setDefaultRubric(rubric);
      setRubricId((current) => current || rubric.id);
    });
    return () => {
      cancelled = true;
    };
  }, [db, workshop.id, session]);

  const rubricOptions = useMemo(() => {
    const list = [...(rubrics ?? [])];
    if (defaultRubric && defaultRubric.status === 'published' && !list.some((r) => r.id === defaultRubric.id)) list.unshift(defaultRubric);
    return list;
  }, [rubrics, defaultRubric]);

  const regionChoices = useMemo(() => [...new Set((candidates ?? []).map((c) => c.region).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'id')), [candidates]);
  const categoryChoices = useMemo(() => PRODUCT_CATEGORIES.filter((c) => (candidates ?? []).some((x) => x.category === c)), [candidates]);
  const maxVersion = useMemo(() => Math.max(1, ...(candidates ?? []).map((c) => c.version)), [candidates]);
  const filters = { regions, categories, version };
  const matching = candidates ? selectSubmissions(filters, candidates).length : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!scoringSessionSchema.shape.name.safeParse(name).success) found.name = name.trim() ? t('validation.tooLong', { max: 160 }) : t('validation.required');
    if (mentorIds.length === 0) found.mentors = t('sessions.errors.noMentors');
    if (curators.length === 0) found.curators = t('curators.errors.noCurators');
    const minutes = Number(timerMinutes);
    if (timerOn && !(Number.isInteger(minutes) && minutes >= 1 && minutes <= 120)) found.timer = t('sessions.form.timerInvalid');
    if (!session && matching === 0) found.filters = t('sessions.errors.noSubmissions');
    if (!session && !rubricId) found.rubric = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFormError(null);
    try {
      const itemTimerMinutes = timerOn ? minutes : null;
      if (session) {
        await updateSession(db, session.id, { name, blind, assignment, mentorIds, itemTimerMinutes, curators, reveal }, me.id);
        toast({ message: t('sessions.updated') });
      } else {
        const created = await createSession(
          db,
          workshop.id,
          { name, rubricId, mentorIds, filters, assignment, blind, itemTimerMinutes, curators, reveal },
          me.id,
        );
        toast({ message: t('sessions.created', { name: created.name, count: created.submissionIds.length }) });
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      setFormError(sessionErrorMessage(error, t, mentors ?? []));
    } finally {
      setBusy(false);
    }
  }

  const toggleIn = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const fixedRubric = session ? rubrics?.find((r) => r.id === session.rubricId) : undefined;
  const mentorName = (id: string) => mentors?.find((m) => m.id === id)?.name ?? t('sessions.unknownMentor');
  // Everyone who can be named curator: mentors known here, and curators whose record has not arrived.
  const curatorChoices = [...new Set([...(mentors ?? []).map((m) => m.id), ...curators])];

  return (
    <Dialog
      wide
      title={readOnly ? t('curators.viewTitle') : session ? t('sessions.form.editTitle') : t('sessions.form.createTitle')}
      onClose={onClose}
      footer={
        readOnly ? (
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={busy}>
              {session ? t('common.save') : t('sessions.form.create')}
            </button>
          </>
        )
      }
    >
      {readOnly ? (
        <p className="notice" role="note" data-testid="settings-read-only">
          {t('curators.readOnly', { names: curators.map(mentorName).join(', ') })}
        </p>
      ) : null}
      <form id={formId} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset disabled={readOnly} className={styles.formPlain}>
        {formError ? (
          <p className={cx('field-error', styles.formError)} role="alert">
            {formError}
          </p>
        ) : null}
        <TextField label={t('sessions.form.name')} required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        {session ? (
          <p className="muted">
            {t('sessions.form.fixed', {
              rubric: fixedRubric ? rubricLabel(fixedRubric, i18n.language) : t('sessions.rubricMissing'),
              n: session.submissionIds.length,
            })}
          </p>
        ) : (
          <>
            <SelectField
              label={t('sessions.form.rubric')}
              hint={t('sessions.form.rubricHint')}
              required
              value={rubricId}
              error={errors.rubric}
              options={rubricOptions.map((r) => ({ value: r.id, label: rubricLabel(r, i18n.language) }))}
              onChange={(e) => setRubricId(e.target.value)}
            />
            <fieldset aria-describedby={countId}>
              <legend>{t('sessions.form.filters')}</legend>
              <div className={styles.sessionFilters}>
                <div role="group" aria-label={t('sessions.form.regions')}>
                  <p className={styles.filterTitle}>{t('sessions.form.regions')}</p>
                  {regionChoices.map((r) => (
                    <label key={r} className="check">
                      <input type="checkbox" checked={regions.includes(r)} onChange={(e) => setRegions((list) => toggleIn(list, r, e.target.checked))} />
                      {r}
                    </label>
                  ))}
                </div>
                <div role="group" aria-label={t('sessions.form.categories')}>
                  <p className={styles.filterTitle}>{t('sessions.form.categories')}</p>
                  {categoryChoices.map((c) => (
                    <label key={c} className="check">
                      <input type="checkbox" checked={categories.includes(c)} onChange={(e) => setCategories((list) => toggleIn(list, c, e.target.checked))} />
                      {t(`categories.${c}`)}
                    </label>
                  ))}
                </div>
                <SelectField
                  label={t('sessions.form.version')}
                  value={String(version)}
                  options={[
                    { value: 'latest', label: t('sessions.form.versionLatest') },
                    { value: 'all', label: t('sessions.form.versionAll') },
                    ...Array.from({ length: maxVersion }, (_, i) => ({ value: String(i + 1), label: t('sessions.form.versionN', { n: i + 1 }) })),
                  ]}
                  onChange={(e) => {
                    const v = e.target.value;
                    setVersion(v === 'latest' || v === 'all' ? v : Number(v));
                  }}
                />
              </div>
              <p className="field-hint">{t('sessions.form.filtersHint')}</p>
              <p id={countId} className={styles.sessionCount} aria-live="polite">
                {matching === null ? t('app.loading') : t('sessions.form.matching', { count: matching, formatted: format.number(matching) })}
              </p>
              {errors.filters ? (
                <p className="field-error" role="alert">
                  {errors.filters}
                </p>
              ) : null}
            </fieldset>
          </>
        )}
        <MentorPicker mentors={mentors ?? []} selected={mentorIds} onChange={setMentorIds} error={errors.mentors} />
        <fieldset>
          <legend>{t('sessions.form.assignment')}</legend>
          <label className="check">
            <input type="radio" name={`${formId}-assignment`} checked={assignment === 'all-score-all'} onChange={() => setAssignment('all-score-all')} />
            {t('sessions.form.allScoreAll')}
          </label>
          <label className="check">
            <input type="radio" name={`${formId}-assignment`} checked={assignment === 'split'} onChange={() => setAssignment('split')} />
            {t('sessions.form.split')}
          </label>
          <p className="field-hint">{session ? t('sessions.form.assignmentKeepsWork') : t('sessions.form.assignmentHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('sessions.form.options')}</legend>
          <label className="check">
            <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
            {t('sessions.form.blind')}
          </label>
          <p className="field-hint">{t('sessions.form.blindHint')}</p>
          <label className="check">
            <input type="checkbox" checked={timerOn} onChange={(e) => setTimerOn(e.target.checked)} />
            {t('sessions.form.timer')}
          </label>
          {timerOn ? (
            <TextField
              label={t('sessions.form.timerMinutes')}
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
              value={timerMinutes}
              error={errors.timer}
              onChange={(e) => setTimerMinutes(e.target.value)}
            />
          ) : null}
          {blind ? (
            <fieldset>
              <legend>{t('curators.revealLegend')}</legend>
              <label className="check">
                <input type="radio" name={`${formId}-reveal`} checked={reveal === 'curator'} onChange={() => setReveal('curator')} />
                {t('curators.revealCurator')}
              </label>
              <label className="check">
                <input type="radio" name={`${formId}-reveal`} checked={reveal === 'own-queue-done'} onChange={() => setReveal('own-queue-done')} />
                {t('curators.revealQueueDone')}
              </label>
            </fieldset>
          ) : null}
        </fieldset>
        <fieldset aria-describedby={`${formId}-curators-hint`}>
          <legend>{t('curators.legend')}</legend>
          {curatorChoices.map((id) => {
            const maker = !session && id === me.id;
            return (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={curators.includes(id)}
                  disabled={maker}
                  onChange={(e) => setCurators((list) => toggleIn(list, id, e.target.checked))}
                />
                {maker ? t('curators.maker', { name: mentorName(id) }) : mentorName(id)}
              </label>
            );
          })}
          <p id={`${formId}-curators-hint`} className="field-hint">
            {t('curators.hint')}
          </p>
          {errors.curators ? (
            <p className="field-error" role="alert">
              {errors.curators}
            </p>
          ) : null}
        </fieldset>
        </fieldset>
      </form>
    </Dialog>
  );
}
