import { z } from 'zod';
import { summaryId } from '../i18n/parts/summary.ts';
import { messagesSchema } from './packModelSchema.ts';
import { PACK_LANGUAGES } from './packText.ts';

/*
 * The curator's summary report as plain data: a scoring session's results,
 * already ordered, translated and formatted, so the renderer only lays them
 * out. Like the critique pack's model it crosses from the renderer to the host,
 * so it has a schema and its types are inferred from it. Numbers charts need
 * stay numbers next to their text.
 */

export type SummaryMessages = typeof summaryId;

/** Text shown as is (already translated and formatted). */
const textSchema = z.string().max(20_000);
const factSchema = z.object({ label: textSchema, value: textSchema });
/** A share 0–1 of a chart's axis, or null where there is nothing to draw. */
const shareSchema = z.number().min(0).max(1).nullable();
const summaryMessagesSchema = messagesSchema(summaryId) as z.ZodType<SummaryMessages>;

export const ALPHA_READINGS = ['good', 'tentative', 'low'] as const;

/** A big number on the cover with what it counts. */
export const summaryFigureSchema = z.object({ label: textSchema, value: textSchema, detail: textSchema.nullable() });

export const summaryCoverSchema = z.object({
  kicker: textSchema,
  /** The session's name. */
  title: textSchema,
  facts: z.array(factSchema),
  mentors: z.array(z.object({ name: textSchema, organisation: textSchema })),
  figures: z.array(summaryFigureSchema),
  /** Submitted reviews of the reviews assigned, 0–1 (drawn as a bar). */
  completeness: z.number().min(0).max(1),
  completenessText: textSchema,
  /** Warnings a reader must see first (an open session's numbers may change), or empty. */
  notes: z.array(textSchema),
  generated: textSchema,
});

/** One submission's line of the ranking. */
export const summaryRankingRowSchema = z.object({
  submissionId: z.string(),
  rank: z.number().int().positive().nullable(),
  rankText: textSchema,
  /** "Keripik Tempe Bu Sari · v2" */
  label: textSchema,
  category: textSchema,
  region: textSchema,
  mean: z.number().nullable(),
  meanText: textSchema,
  n: z.number().int().nonnegative(),
  nText: textSchema,
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number().nullable(),
  spreadText: textSchema,
  flagged: z.boolean(),
  flagText: textSchema,
  /**
   * Counted reviews of it that were reopened after their mentor saw the others (blind sessions), in
   * words with the mentor and the time; empty for most rows.
   */
  revisions: z.array(textSchema).max(100),
});
export type SummaryRankingRow = z.infer<typeof summaryRankingRowSchema>;

/** A bar of the ranking chart, on 0–100. */
export const summaryRankingBarSchema = z.object({
  label: textSchema,
  mean: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  meanText: textSchema,
  flagged: z.boolean(),
});
export type SummaryRankingBar = z.infer<typeof summaryRankingBarSchema>;

export const summaryRankingSchema = z.object({
  /** Best rank first; unscored ones last. */
  rows: z.array(summaryRankingRowSchema),
  flaggedText: textSchema,
  /** How many counted reviews were revised after seeing the others, or null when none were. */
  revisedText: textSchema.nullable(),
  chart: z.object({ title: textSchema, alt: textSchema, bars: z.array(summaryRankingBarSchema) }),
});

export const summaryAgreementCellsSchema = z.object({
  alpha: z.number().nullable(),
  alphaText: textSchema,
  alphaReading: z.enum(ALPHA_READINGS).nullable(),
  /** "0,81 (baik)" or a dash. */
  iccText: textSchema,
  /** The plain reading of alpha, or "cannot be computed yet". */
  readingText: textSchema,
  /** Submissions behind alpha: "42 kiriman". */
  unitsText: textSchema,
});

export const summaryCriterionRowSchema = summaryAgreementCellsSchema.extend({
  criterionId: z.string(),
  name: textSchema,
  group: textSchema,
  scaleText: textSchema,
  mean: z.number().nullable(),
  /** Where the mean sits on the criterion's scale, 0–1. */
  meanShare: shareSchema,
  meanText: textSchema,
  sdText: textSchema,
  n: z.number().int().nonnegative(),
});
export type SummaryCriterionRow = z.infer<typeof summaryCriterionRowSchema>;

export const summaryCriteriaSchema = z.object({
  rows: z.array(summaryCriterionRowSchema),
  overall: summaryAgreementCellsSchema,
  chartAlt: textSchema,
});

export const summaryRegionRowSchema = z.object({
  region: textSchema,
  count: z.number().int().nonnegative(),
  countText: textSchema,
  scoredText: textSchema,
  /** Mean of the region's submission means, 0–100. */
  mean: z.number().nullable(),
  meanText: textSchema,
  min: z.number().nullable(),
  max: z.number().nullable(),
  rangeText: textSchema,
  /** The best-ranked submission with its mean, or a dash. */
  bestText: textSchema,
});

export const summaryRegionsSchema = z.object({ rows: z.array(summaryRegionRowSchema), chartAlt: textSchema });

export const summaryVersionRowSchema = z.object({
  participantId: z.string(),
  label: textSchema,
  /** "v1 › v2 › v3" (Noto Sans has no arrows) */
  versionsText: textSchema,
  /** Each step's change when there are more than one: "(+4,0, +2,5)". */
  stepsText: textSchema.nullable(),
  beforeText: textSchema,
  afterText: textSchema,
  change: z.number(),
  changeText: textSchema,
  /** "Keterbacaan +1,0 · Warna −0,5 · …" in rubric order. */
  criteriaText: textSchema,
});

export const summaryVersionCriterionSchema = z.object({
  criterionId: z.string(),
  name: textSchema,
  /** Participants with a change on this criterion. */
  n: z.number().int().nonnegative(),
  meanChange: z.number().nullable(),
  meanChangeText: textSchema,
  improved: z.number().int().nonnegative(),
  worse: z.number().int().nonnegative(),
});

export const summaryVersionsSchema = z.object({
  available: z.boolean(),
  summaryText: textSchema.nullable(),
  /** Largest improvement first. */
  rows: z.array(summaryVersionRowSchema),
  criteria: z.array(summaryVersionCriterionSchema),
  criteriaChartAlt: textSchema,
});

export const summaryMentorRowSchema = z.object({
  mentorId: z.string(),
  name: textSchema,
  organisation: textSchema,
  submittedText: textSchema,
  countedText: textSchema,
  meanGivenText: textSchema,
  leniency: z.number().nullable(),
  leniencyText: textSchema,
  sharedText: textSchema,
});

export const summaryAgreementSchema = z.object({
  /** One or two sentences on the overall alpha and ICC, or why they cannot be computed. */
  sentences: z.array(textSchema),
  alpha: z.number().nullable(),
  alphaReading: z.enum(ALPHA_READINGS).nullable(),
  mentors: z.array(summaryMentorRowSchema),
  chartAlt: textSchema,
});

export const summaryModelSchema = z.object({
  /** Bumped when the model's shape changes, so an older host refuses a newer model clearly. */
  formatVersion: z.literal(1),
  language: z.enum(PACK_LANGUAGES),
  meta: z.object({
    title: textSchema,
    author: textSchema,
    subject: textSchema,
    keywords: textSchema,
    /** BCP 47, e.g. id-ID. */
    lang: z.string().max(20),
  }),
  /** Footer text (page numbers are added by the renderer with `text.pageOf`). */
  footer: textSchema,
  cover: summaryCoverSchema,
  ranking: summaryRankingSchema,
  criteria: summaryCriteriaSchema,
  regions: summaryRegionsSchema,
  versions: summaryVersionsSchema,
  agreement: summaryAgreementSchema,
  /** The short "how to read" notes, in the order shown. */
  howToRead: z.array(textSchema),
  /** The report's words in its language, for headings and column names. */
  text: summaryMessagesSchema,
});
export type SummaryModel = z.infer<typeof summaryModelSchema>;
