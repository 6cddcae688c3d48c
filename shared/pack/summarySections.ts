import type { Rubric } from '../domain/rubric.ts';
import type { SubmissionResultRow, VersionChange } from '../scoring/results.ts';
import { mean } from '../scoring/stats.ts';
import { formatFixed, formatNumber, formatSignedFixed } from './packFormat.ts';
import { fill, PACK_LOCALES, type PackLanguage } from './packText.ts';
import type { SummaryMessages, SummaryModel } from './summaryModelSchema.ts';

/*
 * The summary report's statistics per region and across versions: small
 * aggregations of the session's results that the results screen does not
 * show as numbers of their own.
 */

type RegionRow = SummaryModel['regions']['rows'][number];

/**
 * One row per region (alphabetical; submissions without a region together):
 * submissions, how many have a mean, the mean of those means with their range,
 * and the best-ranked submission (ties: every one of them).
 */
export function regionRows(
  submissions: readonly SubmissionResultRow[],
  words: { language: PackLanguage; text: SummaryMessages; regionName: (region: string) => string; label: (row: SubmissionResultRow) => string },
): RegionRow[] {
  const { language } = words;
  const byRegion = new Map<string, SubmissionResultRow[]>();
  for (const row of submissions) {
    const key = words.regionName(row.submission.region);
    const list = byRegion.get(key) ?? [];
    list.push(row);
    byRegion.set(key, list);
  }
  const collator = new Intl.Collator(PACK_LOCALES[language]);
  return [...byRegion.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([region, list]) => {
      const means = list.map((r) => r.mean).filter((m): m is number => m !== null);
      const top = Math.max(...means);
      const best = list.filter((r) => r.mean !== null && r.mean === top).sort((a, b) => collator.compare(a.submission.label, b.submission.label));
      const regionMean = means.length > 0 ? mean(means) : null;
      const min = means.length > 0 ? Math.min(...means) : null;
      const max = means.length > 0 ? top : null;
      return {
        region,
        count: list.length,
        countText: formatNumber(list.length, language, 0),
        scoredText: formatNumber(means.length, language, 0),
        mean: regionMean,
        meanText: formatFixed(regionMean, language, 1),
        min,
        max,
        rangeText: min === null || max === null ? '–' : `${formatFixed(min, language, 1)}–${formatFixed(max, language, 1)}`,
        bestText: best.length === 0 ? '–' : `${best.map(words.label).join(', ')} (${formatFixed(top, language, 1)})`,
      };
    });
}

type CriterionRef = { criterion: Rubric['groups'][number]['criteria'][number] };

/**
 * Improvement across versions: per participant (largest improvement first)
 * the overall before and after and change, and each criterion's change by its
 * code; per criterion the mean change over participants and how many went up
 * or down.
 */
export function versionSection(
  changes: readonly VersionChange[],
  submissions: readonly SubmissionResultRow[],
  criteria: readonly CriterionRef[],
  words: { language: PackLanguage; text: SummaryMessages; code: (index: number) => string; name: (n: { id: string; en: string }) => string },
): SummaryModel['versions'] {
  const { language, text } = words;
  const meanOf = new Map(submissions.map((r) => [r.submission.id, r.mean] as const));
  const signedScore = (v: number | null) => formatSignedFixed(v, language, 1);
  const rows = [...changes]
    .sort((a, b) => b.total.overall - a.total.overall || a.label.localeCompare(b.label, PACK_LOCALES[language]))
    .map((c) => ({
      participantId: c.participantId,
      label: c.label,
      versionsText: c.versions.map((v) => fill(text.versions.versionShort, { n: v })).join(' › '),
      stepsText: c.steps.length > 1 ? `(${c.steps.map((s) => signedScore(s.overall)).join(', ')})` : null,
      beforeText: formatFixed(meanOf.get(c.total.fromSubmissionId) ?? null, language, 1),
      afterText: formatFixed(meanOf.get(c.total.toSubmissionId) ?? null, language, 1),
      change: c.total.overall,
      changeText: signedScore(c.total.overall),
      criteriaText: criteria
        .map(({ criterion }, i) => {
          const change = c.total.criteria[criterion.id] ?? null;
          return change === null ? null : `${words.code(i)} ${formatSignedFixed(change, language, 1)}`;
        })
        .filter((s): s is string => s !== null)
        .join(' · '),
    }));
  const perCriterion = criteria.map(({ criterion }, i) => {
    const values = changes.map((c) => c.total.criteria[criterion.id] ?? null).filter((v): v is number => v !== null);
    const meanChange = values.length > 0 ? mean(values) : null;
    return {
      criterionId: criterion.id,
      name: `${words.code(i)} ${words.name(criterion.name)}`,
      n: values.length,
      meanChange,
      meanChangeText: formatSignedFixed(meanChange, language, 2),
      improved: values.filter((v) => v > 0).length,
      worse: values.filter((v) => v < 0).length,
    };
  });
  const overall = changes.map((c) => c.total.overall);
  return {
    available: changes.length > 0,
    summaryText:
      changes.length === 0
        ? null
        : fill(text.versions.summary, {
            count: formatNumber(changes.length, language, 0),
            mean: signedScore(mean(overall)),
            up: formatNumber(overall.filter((v) => v > 0).length, language, 0),
            down: formatNumber(overall.filter((v) => v < 0).length, language, 0),
          }),
    rows,
    criteria: perCriterion,
    criteriaChartAlt: fill(text.versions.criteriaChartAlt, { summary: perCriterion.map((p) => `${p.name} ${p.meanChangeText}`).join('; ') }),
  };
}
