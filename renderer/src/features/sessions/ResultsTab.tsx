import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionChanges, type SubmissionResultRow } from '#shared/scoring/results.ts';
import { exportTables, resultsTable } from '#shared/scoring/resultsTable.ts';
import { useCurrentMentorRecord } from '../../app/CurrentMentor.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { MentorProgress, SessionData } from '../../data/sessionsRepo.ts';
import { downloadBlob } from '../../ui/download.ts';
import { safeFileName } from '#shared/files/safeFileName.ts';
import { saveErrorMessage } from '../../ui/errorMessage.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { useToast } from '../../ui/Toasts.tsx';
import { AgreementSection } from './AgreementSection.tsx';
import { DivergingBarChart } from './DivergingBarChart.tsx';
import { csvBlob, exportLabels, resultsAbout, resultsFileTitle, revisionText, xlsxBlob, type ResultsExportFacts } from './exportResults.ts';
import { useResultFormats } from './numberFormats.ts';
import { RankingChart, type RankingBar } from './RankingChart.tsx';
import { rankIn, ResultsTable, type RankScope } from './ResultsTable.tsx';
import { mentorName } from './sessionText.ts';
import { SummaryReportDialog } from './SummaryReportDialog.tsx';
import { useSessionResults } from './useSessionResults.ts';
import { VersionChangesSection } from './VersionChangesSection.tsx';
import { categoryLabel } from '../../i18n/labels.ts';
import styles from './sessions.module.css';
import { cx } from '../../ui/cx.ts';

const DEFAULT_THRESHOLD = 20;
/** Bars in the ranking chart overall, and per group when ranking within categories or regions. */
const TOP_OVERALL = 15;
const TOP_PER_GROUP = 5;

/**
 * The session's results: ranking (overall, per category or region), means
 * and spreads with disagreement flags, per-criterion means, agreement,
 * leniency and version changes; exports as CSV and XLSX, and the summary
 * report PDF with the same options. Hidden from a mentor
 * of a blind session until their queue is done or the session is closed.
 */
export function ResultsTab({ data, progress, visible }: { data: SessionData; progress: readonly MentorProgress[]; visible: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentMentorRecord();
  const toast = useToast();
  const formats = useResultFormats();
  const format = useFormat();
  const [normalise, setNormalise] = useState(false);
  const [scope, setScope] = useState<RankScope>('overall');
  const [thresholdText, setThresholdText] = useState(String(DEFAULT_THRESHOLD));
  const [summaryOpen, setSummaryOpen] = useState(false);
  const parsedThreshold = Number(thresholdText.replace(',', '.'));
  const thresholdValid = thresholdText.trim() !== '' && Number.isFinite(parsedThreshold) && parsedThreshold >= 0 && parsedThreshold <= 100;
  const threshold = thresholdValid ? parsedThreshold : DEFAULT_THRESHOLD;
  const { session, rubric } = data;

  const resultsInput = useMemo(() => {
    if (!rubric) return null;
    const submissions = data.items.map((item) => ({
      id: item.submission.id,
      participantId: item.submission.participantId,
      version: item.submission.version,
      region: item.region,
      category: item.participant?.category ?? 'other',
      label: item.participant?.business ?? t('sessions.unknownParticipant'),
    }));
    return {
      rubric: { groups: rubric.groups },
      reviews: data.reviews,
      submissions,
      mentorIds: session.mentorIds,
      options: { normalise, flagSpreadAbove: threshold },
    };
  }, [data, rubric, session.mentorIds, normalise, threshold, t]);
  // Off the main thread: agreement with its bootstrap intervals takes a while on a big session.
  const { results, computing, error } = useSessionResults(visible ? resultsInput : null);
  const changes = useMemo(() => (results ? versionChanges(results) : []), [results]);

  if (!visible) {
    const mine = progress.find((p) => p.mentorId === me.id);
    const why =
      !mine ? t('curators.hidden.notMember')
      : session.reveal === 'own-queue-done' ? t('sessions.results.hiddenBody', { count: mine.remaining })
      : t('curators.hidden.curator');
    return (
      <div className="notice" role="note" data-testid="results-hidden">
        <h2>{t('sessions.results.hiddenTitle')}</h2>
        <p>{why}</p>
      </div>
    );
  }
  if (!rubric) return <p className="notice">{t('sessions.rubricMissing')}</p>;
  if (error) return <p className="notice" role="alert">{t('sessions.results.failed')}</p>;
  if (!results)
    return (
      <p className="muted" role="status">
        {t('sessions.results.computing')}
      </p>
    );

  const names = (id: string) => mentorName(data.mentors, id, t);
  const normalisationOf = (id: string) => results.normalisation.mentors.find((n) => n.mentorId === id)?.status ?? 'too-few';
  const categoryName = (code: string) => categoryLabel(t, code);
  const groupOf = (r: SubmissionResultRow) => (scope === 'category' ? categoryName(r.submission.category) : r.submission.region);
  const ordered = [...results.submissions].sort((a, b) => {
    const group = scope === 'overall' ? 0 : groupOf(a).localeCompare(groupOf(b), i18n.language);
    return group || (rankIn(a, scope) ?? Infinity) - (rankIn(b, scope) ?? Infinity) || a.submission.label.localeCompare(b.submission.label, i18n.language);
  });
  const bar = (r: SubmissionResultRow): RankingBar => ({
    key: r.submission.id,
    rank: rankIn(r, scope),
    label: t('sessions.itemLabel', { business: r.submission.label, version: r.submission.version }),
    mean: r.mean as number,
    min: r.min,
    max: r.max,
    flagged: r.flagged,
  });
  const ranked = ordered.filter((r) => r.mean !== null);
  const charts =
    scope === 'overall'
      ? [{ title: t('sessions.results.topOverall', { n: Math.min(TOP_OVERALL, ranked.length) }), bars: ranked.slice(0, TOP_OVERALL).map(bar) }]
      : [...new Set(ranked.map(groupOf))].map((group) => ({
          title: t('sessions.results.topInGroup', { group, n: Math.min(TOP_PER_GROUP, ranked.filter((r) => groupOf(r) === group).length) }),
          bars: ranked.filter((r) => groupOf(r) === group).slice(0, TOP_PER_GROUP).map(bar),
        }));
  const flagged = results.submissions.filter((r) => r.flagged).length;
  const c = results.completeness;
  const labels = () => exportLabels(t, i18n.language, names, format.timestamp);
  const revised = results.submissions.reduce((n, r) => n + r.revisedAfterReveal.length, 0);

  async function exportAs(kind: 'csv' | 'xlsx') {
    if (!results || !rubric) return;
    try {
      const facts: ResultsExportFacts = {
        workshop: data.workshop.name,
        session: session.name,
        rubric: { name: i18n.language === 'en' ? rubric.name.en || rubric.name.id : rubric.name.id, version: rubric.version },
        results,
        mentorName: names,
        madeAt: Date.now(),
        timestamp: format.timestamp,
        number: format.number,
      };
      const about = resultsAbout(t, facts);
      const blob =
        kind === 'csv' ? csvBlob(resultsTable(results, rubric, labels()), about) : await xlsxBlob(exportTables(results, changes, rubric, labels(), about));
      downloadBlob(blob, safeFileName(resultsFileTitle(t, facts), kind));
      toast({ message: t('sessions.export.done', { kind: kind.toUpperCase() }) });
    } catch (error) {
      toast({ tone: 'error', message: saveErrorMessage(error, t) });
    }
  }

  return (
    <div className="session-results">
      <div className={styles.resultsControls}>
        <label className="check">
          <input type="checkbox" checked={normalise} onChange={(e) => setNormalise(e.target.checked)} />
          {t('sessions.results.normalise')}
        </label>
        <SelectField
          label={t('sessions.results.rankScope')}
          value={scope}
          options={(['overall', 'category', 'region'] as const).map((s) => ({ value: s, label: t(`sessions.results.scopes.${s}`) }))}
          onChange={(e) => setScope(e.target.value as RankScope)}
        />
        <TextField
          label={t('sessions.results.threshold')}
          hint={t('sessions.results.thresholdHint')}
          type="number"
          min={0}
          max={100}
          step={1}
          value={thresholdText}
          error={thresholdValid ? undefined : t('sessions.results.thresholdInvalid')}
          onChange={(e) => setThresholdText(e.target.value)}
        />
        <div className={cx('toolbar', styles.resultsExport)}>
          <button type="button" className="button" onClick={() => void exportAs('csv')}>
            {t('sessions.export.csv')}
          </button>
          <button type="button" className="button" onClick={() => void exportAs('xlsx')}>
            {t('sessions.export.xlsx')}
          </button>
          <button type="button" className="button" onClick={() => setSummaryOpen(true)}>
            {t('sessions.summary.open')}
          </button>
        </div>
      </div>
      {summaryOpen ? (
        <SummaryReportDialog
          input={{ workshop: data.workshop, session, rubric, results, changes, mentors: data.mentors }}
          onClose={() => setSummaryOpen(false)}
        />
      ) : null}
      {normalise ? (
        <div className="field-hint" data-testid="normalise-hint">
          <p>{t('sessions.results.normaliseHint')}</p>
          {results.normalisation.outsideRange > 0 ? <p>{t('sessions.results.normaliseOutside', { count: results.normalisation.outsideRange })}</p> : null}
        </div>
      ) : null}
      <p className={styles.resultsSummary} aria-live="polite">
        {t('sessions.results.summary', {
          scored: formats.integer(c.scored),
          total: formats.integer(c.submissions),
          reviews: formats.integer(c.countedReviews),
        })}{' '}
        {flagged > 0 ? t('sessions.results.flaggedCount', { count: flagged, threshold: formats.integer(threshold) }) : t('sessions.results.noneFlagged', { threshold: formats.integer(threshold) })}
      </p>
      <h2>{t('sessions.results.ranking')}</h2>
      <p className="field-hint" data-testid="tie-rule">
        {t('sessions.results.tieRule')}
      </p>
      {ranked.length === 0 ? <p className="muted">{t('sessions.results.nothingYet')}</p> : charts.map((chart) => <RankingChart key={chart.title} title={chart.title} bars={chart.bars} />)}
      <p className="field-hint" data-testid="counted-rule">
        {t('curators.countedRule')}
        {revised > 0 ? ` ${t('curators.revisedCount', { count: revised })}` : ''}
      </p>
      <ResultsTable
        rows={ordered}
        rubric={rubric}
        scope={scope}
        categoryName={categoryName}
        revisionText={(r) => revisionText(t, names, format.timestamp, r)}
      />
      <AgreementSection results={results} rubric={rubric} computing={computing} />
      <section aria-labelledby="leniency-heading">
        <h2 id="leniency-heading">{t('sessions.results.leniency')}</h2>
        <p className="field-hint">{t('sessions.results.leniencyHint')}</p>
        <DivergingBarChart
          label={t('sessions.results.leniencyChartLabel', {
            summary: results.mentors.map((m) => `${names(m.mentorId)} ${formats.signed(m.leniency)}`).join('; '),
          })}
          negativeCaption={t('sessions.results.harsher')}
          positiveCaption={t('sessions.results.moreLenient')}
          items={results.mentors.map((m) => ({ key: m.mentorId, label: names(m.mentorId), value: m.leniency }))}
        />
        <table className="table">
          <caption className="visually-hidden">{t('sessions.results.leniencyTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.dashboard.mentor')}</th>
              <th scope="col" className="numeric">
                {t('sessions.results.counted')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.meanGiven')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.leniencyColumn')}
              </th>
              <th scope="col" className="numeric">
                {t('sessions.results.shared')}
              </th>
              <th scope="col">{t('sessions.results.normalisationColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {results.mentors.map((m) => (
              <tr key={m.mentorId}>
                <th scope="row">{names(m.mentorId)}</th>
                <td className="numeric">{formats.integer(m.counted)}</td>
                <td className="numeric">{formats.score(m.meanGiven)}</td>
                <td className="numeric">{formats.signed(m.leniency)}</td>
                <td className="numeric">{formats.integer(m.leniencyN)}</td>
                <td>{m.counted > 0 ? t(`sessions.results.normalisation.${normalisationOf(m.mentorId)}`) : formats.integer(null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <VersionChangesSection changes={changes} rubric={rubric} />
    </div>
  );
}
